import type { Invoice, Payment } from '../activity.ts'
import { isoDate, wholeDaysBetween } from './calendar.ts'

/**
 * Where each of a customer's invoices stands at a time `asOf`, once its payments are applied.
 * Every receivables figure is computed from this ledger.
 *
 * - Cancelled invoices, and invoices issued after `asOf`, are left out.
 * - Payments made after `asOf` are left out. A payment's allocation reduces that invoice's open
 *   amount from the payment's date on; the allocation that brings it to 0 makes it paid, on
 *   that payment's date.
 * - Cash that reduces no invoice is unapplied cash of its currency: the part of a payment its
 *   allocations do not cover, an allocation to an invoice that is not in the ledger (unknown,
 *   cancelled, not yet issued) or in another currency, and the part of an allocation beyond
 *   what the invoice still owed. Each case other than the first is also a note.
 * - A written-off invoice is closed without payment: it owes nothing and was never paid.
 * - An invoice marked paid whose allocations (on any date) do not cover it is taken as paid on
 *   an unknown date: closed, but left out of figures that need the payment date. If later
 *   allocations do cover it, it was still open at `asOf` and is shown so.
 */
export const POSITION_STATES = ['open', 'paid', 'written_off'] as const
export type PositionState = (typeof POSITION_STATES)[number]

export type InvoicePosition = {
  invoiceId: string
  number: string
  currency: string
  /** The invoiced amount, minor units. */
  amount: number
  issuedAt: number
  dueAt: number
  state: PositionState
  /** Allocated to it by payments made on or before asOf. */
  paidAmount: number
  /** What it still owed at asOf: amount − paidAmount while open, 0 once paid or written off. */
  openAmount: number
  /** The date of the payment that closed it; null unless paid, or paid on an unknown date. */
  paidAt: number | null
  /** While open: whole days from dueAt to asOf, 0 when not yet due. 0 otherwise. */
  daysPastDue: number
  /** Paid on a known date: whole days from dueAt to paidAt, negative when paid early; else null. */
  paymentDelayDays: number | null
}

export type UnappliedCash = {
  currency: string
  amount: number
  /** The payments it comes from and how much of each. */
  payments: { paymentId: string; amount: number }[]
}

export type ReceivablesLedger = {
  asOf: number
  /** Ordered by currency, due date, issue date, number, id: the input order does not matter. */
  positions: InvoicePosition[]
  /** Ordered by currency. */
  unappliedCash: UnappliedCash[]
  notes: string[]
}

export type ReceivablesLedgerOptions = {
  invoices: readonly Invoice[]
  payments: readonly Payment[]
  asOf: number
}

type Tally = { invoice: Invoice; applied: number; paidAt: number | null; later: number }

export function receivablesLedger({ invoices, payments, asOf }: ReceivablesLedgerOptions): ReceivablesLedger {
  if (!Number.isFinite(asOf)) throw new RangeError(`asOf must be a time in epoch milliseconds, got ${asOf}`)
  const notes: string[] = []
  const everyInvoice = new Map<string, Invoice>()
  const tallies = new Map<string, Tally>()
  let cancelled = 0
  let notYetIssued = 0
  for (const invoice of invoices) {
    if (everyInvoice.has(invoice.id)) {
      notes.push(`invoice ${invoice.id} appears more than once: the first one is used`)
      continue
    }
    everyInvoice.set(invoice.id, invoice)
    if (invoice.status === 'cancelled') cancelled++
    else if (invoice.issuedAt > asOf) notYetIssued++
    else tallies.set(invoice.id, { invoice, applied: 0, paidAt: null, later: 0 })
  }
  if (cancelled > 0) notes.push(`${cancelled} cancelled invoice(s) left out`)
  if (notYetIssued > 0) notes.push(`${notYetIssued} invoice(s) issued after asOf left out`)

  const unapplied = new Map<string, Map<string, number>>()
  const addUnapplied = (payment: Payment, amount: number) => {
    if (amount <= 0) return
    const byPayment = unapplied.get(payment.currency) ?? new Map<string, number>()
    byPayment.set(payment.id, (byPayment.get(payment.id) ?? 0) + amount)
    unapplied.set(payment.currency, byPayment)
  }

  const ordered = [...payments].sort((a, b) => a.at - b.at || compareText(a.id, b.id))
  for (const payment of ordered) {
    if (payment.at > asOf) {
      for (const allocation of payment.allocations) {
        const tally = tallies.get(allocation.invoiceId)
        if (tally && tally.invoice.currency === payment.currency && allocation.amount > 0) tally.later += allocation.amount
      }
      continue
    }
    let allocated = 0
    for (const allocation of payment.allocations) {
      if (!(allocation.amount > 0)) {
        notes.push(`payment ${payment.id} allocates ${allocation.amount} to invoice ${allocation.invoiceId}: ignored`)
        continue
      }
      allocated += allocation.amount
      const tally = tallies.get(allocation.invoiceId)
      if (!tally) {
        notes.push(`payment ${payment.id} allocates ${allocation.amount} to invoice ${allocation.invoiceId}, which ${whyNotInLedger(everyInvoice.get(allocation.invoiceId))}: counted as unapplied cash`)
        addUnapplied(payment, allocation.amount)
        continue
      }
      if (tally.invoice.currency !== payment.currency) {
        notes.push(`payment ${payment.id} in ${payment.currency} allocates ${allocation.amount} to invoice ${allocation.invoiceId} in ${tally.invoice.currency}: counted as unapplied cash`)
        addUnapplied(payment, allocation.amount)
        continue
      }
      const owed = tally.invoice.amount - tally.applied
      const applied = Math.min(allocation.amount, owed)
      tally.applied += applied
      if (tally.applied >= tally.invoice.amount && tally.paidAt === null) tally.paidAt = payment.at
      if (allocation.amount > applied) {
        notes.push(`payment ${payment.id} allocates ${allocation.amount} to invoice ${allocation.invoiceId}, which owed ${owed}: ${allocation.amount - applied} counted as unapplied cash`)
        addUnapplied(payment, allocation.amount - applied)
      }
    }
    if (allocated > payment.amount) notes.push(`payment ${payment.id} of ${payment.amount} allocates ${allocated}: the allocations are used as given`)
    addUnapplied(payment, payment.amount - allocated)
  }

  const positions = [...tallies.values()].map((tally) => positionOf(tally, asOf, notes)).sort(comparePositions)
  const unappliedCash = [...unapplied.entries()]
    .map(([currency, byPayment]) => {
      const list = [...byPayment.entries()].map(([paymentId, amount]) => ({ paymentId, amount }))
      return { currency, amount: list.reduce((sum, p) => sum + p.amount, 0), payments: list }
    })
    .sort((a, b) => compareText(a.currency, b.currency))
  return { asOf, positions, unappliedCash, notes }
}

function positionOf({ invoice, applied, paidAt, later }: Tally, asOf: number, notes: string[]): InvoicePosition {
  const base = { invoiceId: invoice.id, number: invoice.number, currency: invoice.currency, amount: invoice.amount, issuedAt: invoice.issuedAt, dueAt: invoice.dueAt, paidAmount: applied }
  const closed = { openAmount: 0, daysPastDue: 0 }
  if (invoice.status === 'written_off') return { ...base, ...closed, state: 'written_off', paidAt: null, paymentDelayDays: null }
  if (paidAt !== null) return { ...base, ...closed, state: 'paid', paidAt, paymentDelayDays: wholeDaysBetween(invoice.dueAt, paidAt) }
  const owed = invoice.amount - applied
  if (invoice.status === 'paid' && owed > later) {
    notes.push(`invoice ${invoice.id} is marked paid but its payments cover ${applied + later} of ${invoice.amount}: taken as paid on an unknown date`)
    return { ...base, ...closed, state: 'paid', paidAt: null, paymentDelayDays: null }
  }
  return { ...base, state: 'open', openAmount: owed, daysPastDue: Math.max(0, wholeDaysBetween(invoice.dueAt, asOf)), paidAt: null, paymentDelayDays: null }
}

function whyNotInLedger(invoice: Invoice | undefined): string {
  if (!invoice) return 'is not among the invoices'
  if (invoice.status === 'cancelled') return 'is cancelled'
  return `was issued after asOf (${isoDate(invoice.issuedAt)})`
}

function comparePositions(a: InvoicePosition, b: InvoicePosition): number {
  return compareText(a.currency, b.currency) || a.dueAt - b.dueAt || a.issuedAt - b.issuedAt || compareText(a.number, b.number) || compareText(a.invoiceId, b.invoiceId)
}

/** Code-unit order, the same in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The currencies of the ledger's invoices, in order. */
export function ledgerCurrencies(ledger: ReceivablesLedger): string[] {
  return [...new Set(ledger.positions.map((p) => p.currency))].sort(compareText)
}

/** The ledger's positions in one currency. */
export function positionsIn(ledger: ReceivablesLedger, currency: string): InvoicePosition[] {
  return ledger.positions.filter((p) => p.currency === currency)
}
