import type { FieldProblem } from '../../domain/customers/index.ts'
import type { Invoice, Payment, Transaction } from '../../domain/monitoring/activity.ts'
import { DEFAULT_SOURCE, InvoiceInputSchema, PaymentInputSchema, TransactionInputSchema, type InvoiceInput, type PaymentInput, type TransactionInput } from '../../schemas/activity.ts'
import { schemaChecker } from '../imports/prepare-row.ts'

/**
 * Checks transactions, invoices and payments the way the API does (the compiled schemas),
 * and turns checked inputs into the engine's records once the customer is resolved.
 */
export const checkTransaction = schemaChecker(TransactionInputSchema)
export const checkInvoice = schemaChecker(InvoiceInputSchema)
export const checkPayment = schemaChecker(PaymentInputSchema)

export type ActivityKind = 'transactions' | 'invoices' | 'payments'
export type ActivityInput = { transactions: TransactionInput; invoices: InvoiceInput; payments: PaymentInput }

export const ACTIVITY_CHECKS = { transactions: checkTransaction, invoices: checkInvoice, payments: checkPayment } as const

/** Problems a schema cannot see: times that are not real instants, a due date before the issue date, allocations beyond the payment. */
export function activityProblems<K extends ActivityKind>(kind: K, input: ActivityInput[K]): FieldProblem[] {
  const problems: FieldProblem[] = []
  const instant = (path: string, value: string) => {
    if (Number.isNaN(Date.parse(value))) problems.push({ path, message: 'is not a date and time' })
  }
  if (kind === 'invoices') {
    const invoice = input as InvoiceInput
    instant('issuedAt', invoice.issuedAt)
    instant('dueAt', invoice.dueAt)
    if (Date.parse(invoice.dueAt) < Date.parse(invoice.issuedAt)) problems.push({ path: 'dueAt', message: 'is before issuedAt' })
  } else {
    instant('at', (input as TransactionInput | PaymentInput).at)
  }
  if (kind === 'payments') {
    const payment = input as PaymentInput
    const allocations = payment.allocations ?? []
    const allocated = allocations.reduce((sum, allocation) => sum + allocation.amount, 0)
    if (allocated > payment.amount) problems.push({ path: 'allocations', message: `allocate ${allocated}, more than the payment's amount ${payment.amount}` })
    const seen = new Set<string>()
    allocations.forEach((allocation, i) => {
      if (seen.has(allocation.invoiceId)) problems.push({ path: `allocations.${i}.invoiceId`, message: 'appears twice' })
      seen.add(allocation.invoiceId)
    })
  }
  return problems
}

export function toTransaction(input: TransactionInput, customerId: string): Transaction {
  const counterparty = input.counterparty
  return {
    id: input.id,
    source: input.source ?? DEFAULT_SOURCE,
    customerId,
    at: Date.parse(input.at),
    amount: input.amount,
    currency: input.currency,
    direction: input.direction,
    type: input.type,
    channel: input.channel ?? null,
    counterparty: counterparty ? { id: counterparty.id ?? null, name: counterparty.name ?? null, country: counterparty.country ?? null, account: counterparty.account ?? null } : null,
    category: input.category ?? null,
    description: input.description ?? null,
  }
}

export function toInvoice(input: InvoiceInput, customerId: string): Invoice {
  return {
    id: input.id,
    source: input.source ?? DEFAULT_SOURCE,
    customerId,
    number: input.number,
    issuedAt: Date.parse(input.issuedAt),
    dueAt: Date.parse(input.dueAt),
    amount: input.amount,
    currency: input.currency,
    status: input.status ?? 'open',
  }
}

export function toPayment(input: PaymentInput, customerId: string): Payment {
  return {
    id: input.id,
    source: input.source ?? DEFAULT_SOURCE,
    customerId,
    at: Date.parse(input.at),
    amount: input.amount,
    currency: input.currency,
    allocations: (input.allocations ?? []).map((allocation) => ({ invoiceId: allocation.invoiceId, amount: allocation.amount })),
  }
}
