import { computed, notComputed, type Figure } from './figure.ts'
import { positionsIn, type InvoicePosition, type ReceivablesLedger } from './receivables-ledger.ts'
import { weightedAverage } from './weighted-average.ts'

/**
 * Days past due (DPD) of a customer's open invoices in one currency: whole days from the due
 * date to asOf, 0 while not yet due. The maximum, and two amount-weighted averages (weights
 * are the open amounts): over the overdue invoices (how late is what is late) and over every
 * open invoice (the not-yet-due ones count as 0; this is the "current" days beyond terms).
 */
export type InvoiceDaysPastDue = Pick<InvoicePosition, 'invoiceId' | 'number' | 'dueAt' | 'openAmount' | 'daysPastDue'>

export type DaysPastDue = {
  currency: string
  /** Every open invoice, most overdue first. */
  invoices: InvoiceDaysPastDue[]
  max: Figure
  weightedOverdue: Figure
  weightedOpen: Figure
}

export type DaysPastDueOptions = { ledger: ReceivablesLedger; currency: string }

export function daysPastDue({ ledger, currency }: DaysPastDueOptions): DaysPastDue {
  const open = positionsIn(ledger, currency).filter((p) => p.state === 'open')
  const invoices = open
    .map(({ invoiceId, number, dueAt, openAmount, daysPastDue }) => ({ invoiceId, number, dueAt, openAmount, daysPastDue }))
    .sort((a, b) => b.daysPastDue - a.daysPastDue)
  const overdue = open.filter((p) => p.daysPastDue > 0)
  const max =
    open.length === 0
      ? notComputed('max(DPD of open invoices)', { invoices: 0 }, 'no open invoices')
      : computed('max(DPD of open invoices)', { invoices: open.length }, Math.max(...open.map((p) => p.daysPastDue)))
  return {
    currency,
    invoices,
    max,
    weightedOverdue: weightedDays(overdue, 'overdue invoices', 'no overdue invoices'),
    weightedOpen: weightedDays(open, 'open invoices', 'no open invoices'),
  }
}

/** Σ(openAmount × DPD) / Σ openAmount over `positions`. */
export function weightedDays(positions: readonly InvoicePosition[], over: string, whenNone: string): Figure {
  const average = weightedAverage(positions.map((p) => ({ weight: p.openAmount, value: p.daysPastDue })))
  const formula = `Σ(openAmount × DPD) / Σ openAmount over ${over}`
  const inputs = { amountTimesDays: average.weightedSum, openAmount: average.totalWeight, invoices: average.count }
  return average.value === null ? notComputed(formula, inputs, whenNone) : computed(formula, inputs, average.value)
}
