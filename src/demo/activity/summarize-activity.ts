import { INVOICE_STATUSES, TRANSACTION_TYPES, type InvoiceStatus, type TransactionType } from '../../domain/monitoring/activity.ts'
import type { DemoActivity } from './generate-activity.ts'
import { PATTERN_KINDS, type PatternKind } from './ground-truth.ts'

export type ActivitySummary = {
  from: string
  to: string
  /** Customers with at least one transaction. */
  customers: number
  transactions: number
  invoices: number
  payments: number
  bureauEvents: number
  byType: Record<TransactionType, number>
  byCurrency: Record<string, number>
  invoicesByStatus: Record<InvoiceStatus, number>
  /** Per pattern: labelled customers, and the transactions and invoices their labels name. */
  byPattern: Record<PatternKind, { customers: number; transactions: number; invoices: number }>
}

/** Counts of generated activity per type, currency, invoice status and injected pattern. */
export function summarizeActivity(activity: DemoActivity): ActivitySummary {
  const byType = Object.fromEntries(TRANSACTION_TYPES.map((type) => [type, 0])) as Record<TransactionType, number>
  const byCurrency: Record<string, number> = {}
  const customers = new Set<string>()
  for (const transaction of activity.transactions) {
    byType[transaction.type] += 1
    byCurrency[transaction.currency] = (byCurrency[transaction.currency] ?? 0) + 1
    customers.add(transaction.customerId)
  }
  const invoicesByStatus = Object.fromEntries(INVOICE_STATUSES.map((status) => [status, 0])) as Record<InvoiceStatus, number>
  for (const invoice of activity.invoices) invoicesByStatus[invoice.status] += 1
  const byPattern = Object.fromEntries(PATTERN_KINDS.map((kind) => [kind, { customers: 0, transactions: 0, invoices: 0 }])) as ActivitySummary['byPattern']
  for (const label of activity.groundTruth) {
    const entry = byPattern[label.pattern]
    entry.customers += 1
    entry.transactions += label.transactionIds.length
    entry.invoices += label.invoiceIds?.length ?? 0
  }
  return {
    from: activity.from,
    to: activity.to,
    customers: customers.size,
    transactions: activity.transactions.length,
    invoices: activity.invoices.length,
    payments: activity.payments.length,
    bureauEvents: activity.bureauEvents.length,
    byType,
    byCurrency,
    invoicesByStatus,
    byPattern,
  }
}
