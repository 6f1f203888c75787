import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../app-error.ts'
import type { Monitoring } from '../../engine/monitoring.ts'
import { ItemResultSchema, TransactionInputSchema } from '../../schemas/activity.ts'
import { ingestActivity, UnreadableItem } from '../../services/monitoring/ingest-activity.ts'
import type { ActivityKind } from '../../services/monitoring/activity-inputs.ts'
import type { Store } from '../../store/open-store.ts'
import { errorResponses, StrictObject } from '../schemas/common.ts'
import type { LiveAlerts } from '../../services/alerts/live-alerts.ts'
import { AlertSchema } from './alerts.ts'
import { controlOf } from '../../services/controls/credit-hold-policy.ts'
import type { HeldCustomers } from '../../services/controls/held-customers.ts'

export const MAX_BATCH = 10_000

const BatchQuery = StrictObject({ atomic: Type.Optional(Type.Boolean({ description: 'Refuse the whole batch, writing nothing, when any item is bad' })) })
const BatchResponse = Type.Object({
  accepted: Type.Integer(),
  queued: Type.Integer({ description: 'Over NATS: stored in JetStream for the engine worker' }),
  updated: Type.Integer(),
  duplicates: Type.Integer({ description: 'Repeated ids: acknowledged, never counted twice' }),
  rejected: Type.Integer(),
  refused: Type.Boolean({ description: 'atomic and something was bad: nothing was written' }),
  items: Type.Array(ItemResultSchema),
})

const Control = Type.Union([Type.Literal('allowed'), Type.Literal('blocked')], {
  description: 'blocked: a sale to a customer under a credit hold — the transaction is recorded, but extend no credit on it',
})
const Evaluation = Type.Unknown({ description: 'How the transaction compared with the customer’s baseline before it: amount and daily-count z-scores, new counterparty, round amount, cash, high-risk country, gap since the previous transaction' })
const Features = Type.Unknown({ description: 'The customer’s features after the transaction: rolling windows, counterparties, shares, baselines; see docs/monitoring-features.md' })

/**
 * Activity ingestion: transactions one at a time (answered with their evaluation) or in
 * batches, invoices and payments in batches; JSON arrays or NDJSON, up to 10,000 items.
 */
export const activityRoutes: FastifyPluginAsyncTypebox<{ store: Store; monitoring: Monitoring; alerts?: Pick<LiveAlerts, 'takeRaised'>; held?: Pick<HeldCustomers, 'has' | 'ready'> }> = async function activityRoutes(app, { store, monitoring, alerts, held }) {
  const control = held ? (tx: Parameters<typeof controlOf>[1]) => controlOf(held, tx) : undefined
  // The holds must be known before a sale is answered: blocked or not.
  if (held) app.addHook('preHandler', () => held.ready())
  const tags = ['monitoring']

  // NDJSON: one item per line; a line that is not JSON becomes a rejected item naming its line.
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (_request, body, done) => {
    const items: unknown[] = []
    String(body)
      .split('\n')
      .forEach((line, i) => {
        const text = line.trim()
        if (text === '') return
        try {
          items.push(JSON.parse(text))
        } catch (error) {
          items.push(new UnreadableItem(`line ${i + 1} is not JSON: ${(error as Error).message}`))
        }
      })
    done(null, items)
  })

  app.post(
    '/api/v1/transactions',
    {
      config: { access: 'activity.ingest' },
      schema: {
        tags,
        summary: 'Ingest one transaction: answered once it is stored, with how it compares with the customer’s baseline and the features after it',
        body: TransactionInputSchema,
        response: {
          201: Type.Object({ status: Type.Literal('accepted'), seq: Type.Integer(), customerId: Type.String(), control: Type.Optional(Control), evaluation: Evaluation, features: Features, alerts: Type.Optional(Type.Array(AlertSchema, { description: 'The alerts this transaction raised (live alerting in this process)' })) }),
          200: Type.Object({ status: Type.Literal('duplicate'), customerId: Type.String(), control: Type.Optional(Control) }),
          ...errorResponses('not_found'),
        },
      },
    },
    async (request, reply) => {
      // Checked and resolved as every item is, then evaluated by the engine (here, or the worker over NATS).
      const checked = await ingestActivity({ store, monitoring, kind: 'transactions', items: [request.body], checkOnly: true })
      const item = checked.results[0]!
      if (item.status === 'rejected') throw new AppError('validation_failed', (item.errors ?? []).map((e) => `${e.path} ${e.message}`).join('; '), { details: item.errors ?? [] })
      // The check resolved the customer and made the transaction: one resolution per request.
      const tx = checked.checked.get(0)!
      const customerId = tx.customerId
      const { outcome, features } = await monitoring.engine.evaluate(tx, Math.max(Date.now(), tx.at))
      // Read after the evaluation: a hold this transaction's own alert placed counts.
      const controlled = control ? { control: control(tx) } : {}
      if (outcome.status === 'duplicate') return reply.status(200).send({ status: 'duplicate', customerId, ...controlled })
      return reply.status(201).send({ status: 'accepted', seq: outcome.seq, customerId, ...controlled, evaluation: outcome.evaluation, features, ...(alerts ? { alerts: alerts.takeRaised(tx) } : {}) })
    },
  )

  for (const [kind, path, inputName] of [
    ['transactions', '/api/v1/transactions/batch', 'a transaction (as POST /api/v1/transactions takes it)'],
    ['invoices', '/api/v1/invoices/batch', 'an invoice: id, source, customerId, number, issuedAt, dueAt, amount, currency, status'],
    ['payments', '/api/v1/payments/batch', 'a payment: id, source, customerId, at, amount, currency, allocations [{invoiceId, amount}]'],
  ] as const) {
    app.post(
      path,
      {
        config: { access: 'activity.ingest' },
        schema: {
          tags,
          summary: `Ingest ${kind} in a batch: a JSON array or NDJSON (application/x-ndjson), up to ${MAX_BATCH.toLocaleString('en')}; one result per item, the good ones land`,
          querystring: BatchQuery,
          body: Type.Array(Type.Unknown(), { maxItems: MAX_BATCH, description: `Each item is ${inputName}, checked on its own` }),
          response: { 200: BatchResponse, ...errorResponses() },
        },
      },
      async (request) => {
        const outcome = await ingestActivity({ store, monitoring, kind: kind as ActivityKind, items: request.body, atomic: request.query.atomic ?? false, controlOf: kind === 'transactions' ? control : undefined })
        return { accepted: outcome.accepted, queued: outcome.queued, updated: outcome.updated, duplicates: outcome.duplicates, rejected: outcome.rejected, refused: outcome.refused, items: outcome.results }
      },
    )
  }
}
