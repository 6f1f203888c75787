import { AckPolicy, jetstream, type JsMsg } from '@nats-io/jetstream'
import type { NatsConnection, Subscription } from '@nats-io/transport-node'
import type { Transaction } from '../../domain/monitoring/activity.ts'
import type { MonitoringEngine } from '../monitoring-engine.ts'
import { ensureActivityStream } from './activity-stream.ts'
import { ACTIVITY_STREAM, ENGINE_CONSUMER, ENGINE_QUEUE, EVALUATE_SUBJECT, FEATURES_SUBJECT } from './subjects.ts'

export type EngineWorker = { stop(): Promise<void>; applied(): number }

/**
 * The engine worker: the one process that writes transactions when API nodes run over NATS.
 * It pulls the activity stream with a durable consumer, appends each fetched batch through
 * the engine (one database transaction) and acknowledges the messages only after that
 * committed: a worker killed in between gets them again, and its log acknowledges the
 * repeats without counting them. It also answers evaluations and feature reads.
 */
export async function startEngineWorker({ nc, engine, log = () => {} }: { nc: NatsConnection; engine: MonitoringEngine; log?: (line: string) => void }): Promise<EngineWorker> {
  const jsm = await ensureActivityStream(nc)
  try {
    await jsm.consumers.info(ACTIVITY_STREAM, ENGINE_CONSUMER)
  } catch {
    await jsm.consumers.add(ACTIVITY_STREAM, { durable_name: ENGINE_CONSUMER, ack_policy: AckPolicy.Explicit, max_ack_pending: 10_000 })
  }
  const consumer = await jetstream(nc).consumers.get(ACTIVITY_STREAM, ENGINE_CONSUMER)
  let stopped = false
  let applied = 0

  const reply = async (subscription: Subscription, answer: (body: never) => Promise<unknown>) => {
    for await (const message of subscription) {
      try {
        message.respond(JSON.stringify({ ok: true, value: await answer(message.json()) }))
      } catch (error) {
        message.respond(JSON.stringify({ ok: false, error: (error as Error).message }))
      }
    }
  }
  const evaluations = nc.subscribe(EVALUATE_SUBJECT, { queue: ENGINE_QUEUE })
  const featureReads = nc.subscribe(FEATURES_SUBJECT, { queue: ENGINE_QUEUE })
  const answering = Promise.all([
    reply(evaluations, async ({ tx, asOf }: { tx: Transaction; asOf: number }) => {
      const [outcome] = await engine.ingest([tx])
      return { outcome, features: engine.features(tx.customerId, asOf) }
    }),
    reply(featureReads, async ({ customerId, asOf }: { customerId: string; asOf: number }) => engine.features(customerId, asOf)),
  ])

  const pulling = (async () => {
    while (!stopped) {
      const messages: JsMsg[] = []
      const batch = await consumer.fetch({ max_messages: 50, expires: 1000 })
      for await (const message of batch) messages.push(message)
      if (messages.length === 0) continue
      const transactions = messages.flatMap((message) => message.json<Transaction[]>())
      try {
        await engine.ingest(transactions)
        applied += transactions.length
        for (const message of messages) message.ack()
      } catch (error) {
        log(`engine worker: a batch of ${transactions.length} failed and will be redelivered: ${(error as Error).message}`)
        for (const message of messages) message.nak(5000)
      }
    }
  })()

  return {
    applied: () => applied,
    async stop() {
      stopped = true
      await pulling
      evaluations.unsubscribe()
      featureReads.unsubscribe()
      await answering
      await engine.checkpoint()
    },
  }
}
