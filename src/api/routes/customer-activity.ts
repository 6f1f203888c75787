import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { DAY_MS, DIRECTIONS, TRANSACTION_TYPES } from '../../domain/monitoring/activity.ts'
import type { Monitoring } from '../../engine/monitoring.ts'
import { assertCustomerExists } from '../../services/customer-records/record-checks.ts'
import { customerMetrics } from '../../services/monitoring/customer-metrics.ts'
import { receivablesTrend } from '../../services/monitoring/receivables-trend.ts'
import type { Store } from '../../store/open-store.ts'
import { dailyActivity, listCustomerTransactions, topCounterparties } from '../../store/repositories/transactions.ts'
import { errorResponses, Id, Nullable, StrictObject, Timestamp } from '../schemas/common.ts'

const CustomerParams = StrictObject({ customerId: Id })
const Range = { from: Type.Optional(Timestamp), to: Type.Optional(Timestamp) }
const YEAR_MS = 365 * DAY_MS

/** The default range: the last year up to now. */
function rangeOf(query: { from?: string; to?: string }): { from: number; to: number } {
  const to = query.to ? Date.parse(query.to) : Date.now() + 1
  return { from: query.from ? Date.parse(query.from) : to - YEAR_MS, to }
}

const TransactionView = Type.Object({
  seq: Type.Integer(),
  source: Type.String(),
  id: Type.String(),
  customerId: Type.String(),
  at: Type.String(),
  amount: Type.Integer(),
  currency: Type.String(),
  direction: Type.String(),
  type: Type.String(),
  channel: Nullable(Type.String()),
  counterparty: Nullable(Type.Object({ id: Nullable(Type.String()), name: Nullable(Type.String()), country: Nullable(Type.String()), account: Nullable(Type.String()) })),
  category: Nullable(Type.String()),
  description: Nullable(Type.String()),
  receivedAt: Type.String(),
})

/** What the monitoring engine knows about one customer: live features, receivables, transactions, and the series charts draw. */
export const customerActivityRoutes: FastifyPluginAsyncTypebox<{ store: Store; monitoring: Monitoring }> = async function customerActivityRoutes(app, { store, monitoring }) {
  const tags = ['monitoring']

  app.get(
    '/api/v1/customers/:customerId/metrics',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: "A customer's monitoring figures with their as-of time: rolling-window transaction features, baselines, and receivables (outstanding, overdue, days past due, aging, DSO, days beyond terms, payment index, utilisation)",
        params: CustomerParams,
        querystring: StrictObject({ asOf: Type.Optional(Timestamp) }),
        response: {
          200: Type.Object({
            customerId: Type.String(),
            asOf: Type.String(),
            features: Type.Unknown({ description: 'See docs/monitoring-features.md' }),
            receivables: Type.Unknown({ description: 'See docs/receivables.md; every figure with its formula, inputs and, when null, the reason' }),
            creditLimit: Nullable(Type.Object({ amount: Type.Integer(), currency: Type.String(), contractId: Type.String(), contractNumber: Type.String() })),
          }),
          ...errorResponses('not_found'),
        },
      },
    },
    async (request) => customerMetrics({ store, monitoring, customerId: request.params.customerId, asOf: request.query.asOf ? Date.parse(request.query.asOf) : undefined }),
  )

  app.get(
    '/api/v1/customers/:customerId/transactions',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: "A customer's transactions, newest first, with filters",
        params: CustomerParams,
        querystring: StrictObject({
          ...Range,
          direction: Type.Optional(Type.Enum(DIRECTIONS)),
          type: Type.Optional(Type.Enum(TRANSACTION_TYPES)),
          counterparty: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: "The counterparty's id or name, exactly" })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(TransactionView), nextCursor: Nullable(Type.String()) }), ...errorResponses('not_found') },
      },
    },
    async (request) => {
      await assertCustomerExists(store.db, request.params.customerId)
      const { from, to, ...rest } = request.query
      return listCustomerTransactions(store.db, request.params.customerId, {
        ...rest,
        ...(from ? { from: Date.parse(from) } : {}),
        ...(to ? { to: Date.parse(to) } : {}),
        limit: request.query.limit ?? 50,
      })
    },
  )

  app.get(
    '/api/v1/customers/:customerId/activity-series',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Counts and sums in and out per UTC day, ISO week (from Monday) or month, per currency: amounts over time',
        params: CustomerParams,
        querystring: StrictObject({ ...Range, interval: Type.Optional(Type.Enum(['day', 'week', 'month'] as const)) }),
        response: {
          200: Type.Object({
            interval: Type.String(),
            items: Type.Array(Type.Object({ period: Type.String({ description: 'The first day of the period' }), currency: Type.String(), countIn: Type.Integer(), countOut: Type.Integer(), sumIn: Type.Integer(), sumOut: Type.Integer() })),
          }),
          ...errorResponses('not_found'),
        },
      },
    },
    async (request) => {
      await assertCustomerExists(store.db, request.params.customerId)
      const { from, to } = rangeOf(request.query)
      const interval = request.query.interval ?? 'day'
      const byPeriod = new Map<string, { period: string; currency: string; countIn: number; countOut: number; sumIn: number; sumOut: number }>()
      for (const day of await dailyActivity(store.db, request.params.customerId, from, to)) {
        const period = periodStart(day.day * DAY_MS, interval)
        const key = `${period}\u0000${day.currency}`
        let entry = byPeriod.get(key)
        if (!entry) byPeriod.set(key, (entry = { period, currency: day.currency, countIn: 0, countOut: 0, sumIn: 0, sumOut: 0 }))
        entry.countIn += day.countIn
        entry.countOut += day.countOut
        entry.sumIn += day.sumIn
        entry.sumOut += day.sumOut
      }
      return { interval, items: [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period) || a.currency.localeCompare(b.currency)) }
    },
  )

  app.get(
    '/api/v1/customers/:customerId/counterparties',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: "A customer's counterparties by volume, largest first",
        params: CustomerParams,
        querystring: StrictObject({ ...Range, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ counterparty: Type.String(), country: Nullable(Type.String()), currency: Type.String(), count: Type.Integer(), sumIn: Type.Integer(), sumOut: Type.Integer(), firstAt: Type.String(), lastAt: Type.String() }),
            ),
          }),
          ...errorResponses('not_found'),
        },
      },
    },
    async (request) => {
      await assertCustomerExists(store.db, request.params.customerId)
      return { items: await topCounterparties(store.db, request.params.customerId, { ...rangeOf(request.query), limit: request.query.limit ?? 20 }) }
    },
  )

  app.get(
    '/api/v1/customers/:customerId/receivables/trend',
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: 'Receivables at each month end (and now) in the main currency: outstanding, overdue, DSO, payment index',
        params: CustomerParams,
        querystring: StrictObject({ months: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })) }),
        response: {
          200: Type.Object({
            currency: Nullable(Type.String()),
            points: Type.Array(
              Type.Object({
                asOf: Type.String(),
                currency: Type.String(),
                outstanding: Type.Integer(),
                overdue: Type.Integer(),
                dsoSimple: Nullable(Type.Number()),
                dsoCountback: Nullable(Type.Number()),
                paymentIndex: Nullable(Type.Number()),
                maxDaysPastDue: Nullable(Type.Number()),
              }),
            ),
          }),
          ...errorResponses('not_found'),
        },
      },
    },
    async (request) => receivablesTrend({ store, customerId: request.params.customerId, months: request.query.months ?? 12 }),
  )
}

/** The first day (ISO date) of the day, Monday-based week or month holding `at`. */
export function periodStart(at: number, interval: 'day' | 'week' | 'month'): string {
  const date = new Date(at)
  if (interval === 'month') return `${date.toISOString().slice(0, 7)}-01`
  if (interval === 'week') date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
  return date.toISOString().slice(0, 10)
}
