import { jetstream } from '@nats-io/jetstream'
import type { NatsConnection } from '@nats-io/transport-node'
import type { CustomerFeatures } from '../../domain/monitoring/features/index.ts'
import type { EngineAccess, EvaluateResult } from '../engine-access.ts'
import { ensureActivityStream } from './activity-stream.ts'
import { EVALUATE_SUBJECT, FEATURES_SUBJECT, MAX_MESSAGE_BYTES, TRANSACTIONS_SUBJECT } from './subjects.ts'

const REQUEST_TIMEOUT_MS = 10_000

/**
 * The engine reached over NATS. A batch is published to JetStream in chunks below NATS's
 * message size; each publish is acknowledged by JetStream once stored, and only then does
 * the caller hear "queued". The worker applies them in stream order, exactly once (its
 * transaction log refuses repeats, so a redelivery after a crash changes nothing).
 */
export async function natsEngineAccess(nc: NatsConnection): Promise<EngineAccess> {
  await ensureActivityStream(nc)
  const js = jetstream(nc)
  const ask = async <T>(subject: string, body: unknown): Promise<T> => {
    let reply
    try {
      reply = await nc.request(subject, JSON.stringify(body), { timeout: REQUEST_TIMEOUT_MS })
    } catch (error) {
      throw new Error(`the monitoring engine worker did not answer on ${subject}: ${(error as Error).message} (is "fengkong worker" running?)`, { cause: error })
    }
    const answer = reply.json<{ ok: true; value: T } | { ok: false; error: string }>()
    if (!answer.ok) throw new Error(`the monitoring engine worker failed: ${answer.error}`)
    return answer.value
  }
  return {
    kind: 'nats',
    async submit(transactions) {
      let chunk: string[] = []
      let bytes = 0
      const publish = async () => {
        if (chunk.length === 0) return
        await js.publish(TRANSACTIONS_SUBJECT, `[${chunk.join(',')}]`)
        chunk = []
        bytes = 0
      }
      for (const tx of transactions) {
        const json = JSON.stringify(tx)
        if (bytes + json.length > MAX_MESSAGE_BYTES) await publish()
        chunk.push(json)
        bytes += json.length + 1
      }
      await publish()
      return transactions.map(() => ({ status: 'queued' as const }))
    },
    evaluate: (tx, asOf) => ask<EvaluateResult>(EVALUATE_SUBJECT, { tx, asOf }),
    features: (customerId, asOf) => ask<CustomerFeatures>(FEATURES_SUBJECT, { customerId, asOf }),
    async checkpoint() {},
    close: () => nc.drain(),
  }
}
