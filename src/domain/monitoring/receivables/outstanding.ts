import { positionsIn, type ReceivablesLedger } from './receivables-ledger.ts'

/**
 * What a customer owes in one currency at the ledger's `asOf`: the open amount of its invoices
 * issued on or before then, the part of it past due (at least one whole day after the due
 * date: an invoice due today is not overdue), and what was written off.
 */
export type Outstanding = {
  currency: string
  outstanding: { amount: number; invoices: number }
  overdue: { amount: number; invoices: number }
  writtenOff: { amount: number; invoices: number }
}

export type OutstandingOptions = { ledger: ReceivablesLedger; currency: string }

export function outstanding({ ledger, currency }: OutstandingOptions): Outstanding {
  const result: Outstanding = { currency, outstanding: { amount: 0, invoices: 0 }, overdue: { amount: 0, invoices: 0 }, writtenOff: { amount: 0, invoices: 0 } }
  for (const position of positionsIn(ledger, currency)) {
    if (position.state === 'written_off') add(result.writtenOff, position.amount - position.paidAmount)
    if (position.state !== 'open') continue
    add(result.outstanding, position.openAmount)
    if (position.daysPastDue > 0) add(result.overdue, position.openAmount)
  }
  return result
}

function add(total: { amount: number; invoices: number }, amount: number): void {
  total.amount += amount
  total.invoices++
}
