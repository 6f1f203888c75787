import { DAY_MS } from '../activity.ts'
import { weightedDays } from './days-past-due.ts'
import { computed, notComputed, type Figure } from './figure.ts'
import { positionsIn, type ReceivablesLedger } from './receivables-ledger.ts'
import { weightedAverage } from './weighted-average.ts'

/**
 * Days beyond terms (DBT) of a customer in one currency, two ways.
 *
 * - Paid: over the invoices paid in the last N days ((asOf − N days, asOf], by the date of the
 *   payment that closed them), the amount-weighted average of max(0, payment date − due date)
 *   in whole days, weighted by the invoice amount. Paying early counts as 0, not as negative
 *   days: early payments do not offset late ones. Invoices paid on an unknown date are left out.
 * - Current: the amount-weighted DPD over every open invoice (not-yet-due ones count 0) minus
 *   the best possible DPD, which is 0: how far behind terms the open balance is today.
 */
export const DEFAULT_DBT_DAYS = 90

export type DaysBeyondTerms = { currency: string; paid: Figure; current: Figure }

export type DaysBeyondTermsOptions = { ledger: ReceivablesLedger; currency: string; days?: number }

export function daysBeyondTerms({ ledger, currency, days = DEFAULT_DBT_DAYS }: DaysBeyondTermsOptions): DaysBeyondTerms {
  if (!(Number.isInteger(days) && days > 0)) throw new RangeError(`the days-beyond-terms window must be a positive whole number of days, got ${days}`)
  const positions = positionsIn(ledger, currency)
  const from = ledger.asOf - days * DAY_MS
  const paid = positions.filter((p) => p.state === 'paid' && p.paidAt !== null && p.paidAt > from)
  const average = weightedAverage(paid.map((p) => ({ weight: p.amount, value: Math.max(0, p.paymentDelayDays!) })))
  const formula = `Σ(amount × max(0, paidAt − dueAt in days)) / Σ amount over invoices paid in the last ${days} days`
  const inputs = { amountTimesDays: average.weightedSum, amount: average.totalWeight, invoices: average.count, days }
  const current = weightedDays(
    positions.filter((p) => p.state === 'open'),
    'open invoices (not-yet-due ones count 0), minus the best possible DPD of 0',
    'no open invoices',
  )
  return {
    currency,
    paid: average.value === null ? notComputed(formula, inputs, `no invoices paid in the last ${days} days`) : computed(formula, inputs, average.value),
    current,
  }
}
