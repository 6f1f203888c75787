/**
 * What customers do, as the monitoring engine sees it. Plain data, shared by the feature
 * state, the receivables figures, the demo generator and the store.
 *
 * Times are epoch milliseconds (UTC) on the hot path: a number compares and subtracts
 * without parsing. APIs and files carry ISO-8601 and convert at the edge.
 * Money is integer minor units of `currency`.
 */
export const TRANSACTION_TYPES = ['sale', 'purchase', 'payment', 'refund', 'transfer', 'cash'] as const
export type TransactionType = (typeof TRANSACTION_TYPES)[number]

export const DIRECTIONS = ['in', 'out'] as const
export type Direction = (typeof DIRECTIONS)[number]

export type Counterparty = {
  id: string | null
  name: string | null
  /** ISO 3166-1 alpha-2. */
  country: string | null
  account: string | null
}

export type Transaction = {
  /** Unique per source: the idempotency key. */
  id: string
  source: string
  /** Fengkong's customer id (resolved from an external id at the edge). */
  customerId: string
  at: number
  /** Positive, minor units. */
  amount: number
  currency: string
  direction: Direction
  type: TransactionType
  channel: string | null
  counterparty: Counterparty | null
  category: string | null
  description: string | null
}

export const INVOICE_STATUSES = ['open', 'paid', 'cancelled', 'written_off'] as const
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number]

/** An invoice the company issued to its customer (a receivable). */
export type Invoice = {
  id: string
  source: string
  customerId: string
  number: string
  issuedAt: number
  dueAt: number
  /** Positive, minor units. */
  amount: number
  currency: string
  status: InvoiceStatus
}

/** A customer's payment, allocated to one or more of its invoices. */
export type Payment = {
  id: string
  source: string
  customerId: string
  at: number
  amount: number
  currency: string
  allocations: readonly { invoiceId: string; amount: number }[]
}

export const DAY_MS = 86_400_000
export const HOUR_MS = 3_600_000
