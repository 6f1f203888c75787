import type { Invoice, Payment, Transaction } from '../../../src/domain/monitoring/activity.ts'
import { applyTransaction, DEFAULT_FEATURE_CONFIG, featuresAsOf, newFeatureState } from '../../../src/domain/monitoring/features/index.ts'
import { receivablesSummary } from '../../../src/domain/monitoring/receivables/index.ts'
import type { ActivitySeriesItem, CounterpartyActivity, CustomerFeatures, CustomerMetrics, ReceivablesSummary, ReceivablesTrend, TransactionView } from '../api/types.ts'

/**
 * Monitoring test data made by the server's own feature and receivables functions, so a
 * fixture has the shape the API sends and changes with it.
 */
export const ACTIVITY_CUSTOMER_ID = '7c1f9a52-3d2e-4b8a-9f61-0e4d2c7b8a10'
export const AS_OF = Date.parse('2026-03-31T12:00:00Z')

const at = (iso: string) => Date.parse(`${iso}T00:00:00Z`)
const huaqiang = { id: 'cp-huaqiang', name: '华强电子', country: 'CN', account: null }

/** Six months of a small trader: sales in, purchases and a cash withdrawal out, a transfer to Vietnam, one USD payment without a rate. */
export const TRANSACTIONS: Transaction[] = [
  { id: 't1', at: at('2026-01-10'), amount: 120_000_00, currency: 'CNY', direction: 'in', type: 'sale', channel: 'bank', counterparty: huaqiang, category: 'electronics' },
  { id: 't2', at: at('2026-02-05'), amount: 45_000_00, currency: 'CNY', direction: 'out', type: 'purchase', channel: 'bank', counterparty: { id: 'cp-parts', name: 'Shenzhen Parts Co', country: 'CN', account: null }, category: 'components' },
  { id: 't3', at: at('2026-03-02'), amount: 88_000_00, currency: 'CNY', direction: 'in', type: 'sale', channel: 'bank', counterparty: huaqiang, category: 'electronics' },
  { id: 't4', at: at('2026-03-20'), amount: 10_000_00, currency: 'CNY', direction: 'out', type: 'cash', channel: 'cash', counterparty: null, category: 'cash' },
  { id: 't5', at: at('2026-03-28'), amount: 30_000_00, currency: 'CNY', direction: 'out', type: 'transfer', channel: 'swift', counterparty: { id: 'cp-hanoi', name: 'Hanoi Trading', country: 'VN', account: null }, category: 'components' },
  { id: 't6', at: at('2026-03-30'), amount: 5_000_00, currency: 'USD', direction: 'in', type: 'payment', channel: 'swift', counterparty: { id: 'cp-acme', name: 'Acme Inc', country: 'US', account: null }, category: null },
].map((tx) => ({ ...tx, source: 'core-banking', customerId: ACTIVITY_CUSTOMER_ID, description: null }) as Transaction)

/** The features after every transaction above, as of AS_OF. */
export function customerFeatures(transactions: readonly Transaction[] = TRANSACTIONS): CustomerFeatures {
  const state = newFeatureState(ACTIVITY_CUSTOMER_ID)
  for (const tx of transactions) applyTransaction(state, tx, DEFAULT_FEATURE_CONFIG)
  return featuresAsOf(state, AS_OF, DEFAULT_FEATURE_CONFIG)
}

/** The transactions as GET …/transactions lists them: newest first. */
export function transactionViews(transactions: readonly Transaction[] = TRANSACTIONS): TransactionView[] {
  return [...transactions]
    .sort((a, b) => b.at - a.at)
    .map((tx, index) => ({ ...tx, seq: transactions.length - index, at: new Date(tx.at).toISOString(), receivedAt: new Date(tx.at + 60_000).toISOString() }))
}

/** Months of GET …/activity-series?interval=month for the transactions above. */
export function activitySeries(transactions: readonly Transaction[] = TRANSACTIONS): ActivitySeriesItem[] {
  const byKey = new Map<string, ActivitySeriesItem>()
  for (const tx of transactions) {
    const period = `${new Date(tx.at).toISOString().slice(0, 7)}-01`
    const key = `${period} ${tx.currency}`
    const item = byKey.get(key) ?? { period, currency: tx.currency, countIn: 0, countOut: 0, sumIn: 0, sumOut: 0 }
    if (tx.direction === 'in') {
      item.countIn += 1
      item.sumIn += tx.amount
    } else {
      item.countOut += 1
      item.sumOut += tx.amount
    }
    byKey.set(key, item)
  }
  return [...byKey.values()].sort((a, b) => a.period.localeCompare(b.period) || a.currency.localeCompare(b.currency))
}

export const COUNTERPARTIES: CounterpartyActivity[] = [
  { counterparty: 'cp-huaqiang', country: 'CN', currency: 'CNY', count: 2, sumIn: 208_000_00, sumOut: 0, firstAt: '2026-01-10T00:00:00.000Z', lastAt: '2026-03-02T00:00:00.000Z' },
  { counterparty: 'cp-parts', country: 'CN', currency: 'CNY', count: 1, sumIn: 0, sumOut: 45_000_00, firstAt: '2026-02-05T00:00:00.000Z', lastAt: '2026-02-05T00:00:00.000Z' },
  { counterparty: 'cp-hanoi', country: 'VN', currency: 'CNY', count: 1, sumIn: 0, sumOut: 30_000_00, firstAt: '2026-03-28T00:00:00.000Z', lastAt: '2026-03-28T00:00:00.000Z' },
]

const invoice = (number: string, issued: string, due: string, amount: number, status: Invoice['status'] = 'open'): Invoice => ({
  id: number.toLowerCase(),
  source: 'erp',
  customerId: ACTIVITY_CUSTOMER_ID,
  number,
  issuedAt: at(issued),
  dueAt: at(due),
  amount,
  currency: 'CNY',
  status,
})

/** One paid 20 days late, one 151 days overdue, one 45, one part-paid and 9 days overdue, one not yet due. */
export const INVOICES: Invoice[] = [
  invoice('INV-000', '2025-10-01', '2025-10-31', 30_000_00),
  invoice('INV-001', '2025-12-01', '2025-12-31', 100_000_00, 'paid'),
  invoice('INV-002', '2026-01-15', '2026-02-14', 80_000_00),
  invoice('INV-003', '2026-02-20', '2026-03-22', 60_000_00),
  invoice('INV-004', '2026-03-15', '2026-04-14', 50_000_00),
]

/** The last payment also allocates to an invoice that is not on file: a note, and unapplied cash. */
export const PAYMENTS: Payment[] = [
  { id: 'p1', source: 'erp', customerId: ACTIVITY_CUSTOMER_ID, at: at('2026-01-20'), amount: 100_000_00, currency: 'CNY', allocations: [{ invoiceId: 'inv-001', amount: 100_000_00 }] },
  { id: 'p2', source: 'erp', customerId: ACTIVITY_CUSTOMER_ID, at: at('2026-03-25'), amount: 21_200_00, currency: 'CNY', allocations: [{ invoiceId: 'inv-003', amount: 20_000_00 }, { invoiceId: 'inv-404', amount: 1_200_00 }] },
]

export const CREDIT_LIMIT = { amount: 500_000_00, currency: 'CNY', contractId: 'k1', contractNumber: 'HT-2025-017' }

export function receivables(asOf = AS_OF, invoices: readonly Invoice[] = INVOICES, payments: readonly Payment[] = PAYMENTS): ReceivablesSummary {
  return receivablesSummary({ invoices, payments, asOf, limit: { amount: CREDIT_LIMIT.amount, currency: CREDIT_LIMIT.currency } })
}

/** GET …/metrics: the features and receivables above. */
export function customerMetrics(overrides: Partial<CustomerMetrics> = {}): CustomerMetrics {
  return { customerId: ACTIVITY_CUSTOMER_ID, asOf: new Date(AS_OF).toISOString(), features: customerFeatures(), receivables: receivables(), creditLimit: CREDIT_LIMIT, ...overrides }
}

/** A customer with nothing on file: no transactions, no invoices, no contract. */
export function emptyMetrics(): CustomerMetrics {
  return {
    customerId: ACTIVITY_CUSTOMER_ID,
    asOf: new Date(AS_OF).toISOString(),
    features: customerFeatures([]),
    receivables: receivablesSummary({ invoices: [], payments: [], asOf: AS_OF }),
    creditLimit: null,
  }
}

/** GET …/receivables/trend: the figures at the last `months` month ends and at AS_OF, as the server computes them. */
export function receivablesTrend(months = 6): ReceivablesTrend {
  const today = new Date(AS_OF)
  const ends = Array.from({ length: months }, (_, i) => Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (months - i) + 1, 1) - 1)
  const points = [...ends, AS_OF].map((asOf) => {
    const figures = receivables(asOf).currencies.find((c) => c.currency === 'CNY')
    return {
      asOf: new Date(asOf).toISOString(),
      currency: 'CNY',
      outstanding: figures?.outstanding.amount ?? 0,
      overdue: figures?.overdue.amount ?? 0,
      dsoSimple: figures?.dso.simple.value ?? null,
      dsoCountback: figures?.dso.countback.value ?? null,
      paymentIndex: figures?.paymentIndex.value ?? null,
      maxDaysPastDue: figures?.daysPastDue.max.value ?? null,
    }
  })
  return { currency: 'CNY', points }
}
