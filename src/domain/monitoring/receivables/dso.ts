import { DAY_MS } from '../activity.ts'
import { daysInMonth, monthLabel, monthStart } from './calendar.ts'
import { computed, notComputed, round2, type Figure } from './figure.ts'
import { positionsIn, type InvoicePosition, type ReceivablesLedger } from './receivables-ledger.ts'

/**
 * Days sales outstanding of a customer in one currency, two ways.
 *
 * Receivables are the open amount at asOf (see outstanding.ts); credit sales are the amounts
 * of the invoices issued, whatever became of them since (paid, open or written off; cancelled
 * ones are not sales).
 *
 * - Simple: receivables / credit sales of the last N days × N. The window is
 *   (asOf − N days, asOf]: an invoice issued exactly N days before asOf is outside it.
 * - Countback: take the receivables and walk back month by month (UTC calendar months), taking
 *   each month's credit sales off them. A month whose sales the receivables cover counts all its
 *   days; the month where they run out counts receivables left / its sales × its days, and the
 *   walk stops. The first month is the one asOf falls in, from its 1st to asOf, counting asOf's
 *   day (asOf on the 15th gives 15 days). docs/receivables.md has a worked example.
 */
export const DEFAULT_DSO_DAYS = 90

export type DsoOptions = { ledger: ReceivablesLedger; currency: string; days?: number }

export function simpleDso({ ledger, currency, days = DEFAULT_DSO_DAYS }: DsoOptions): Figure {
  if (!(Number.isInteger(days) && days > 0)) throw new RangeError(`the DSO window must be a positive whole number of days, got ${days}`)
  const positions = positionsIn(ledger, currency)
  const receivables = openAmountOf(positions)
  const from = ledger.asOf - days * DAY_MS
  const creditSales = salesOf(positions, (p) => p.issuedAt > from)
  const formula = `receivables / creditSales × ${days} (credit sales of the last ${days} days)`
  const inputs = { receivables, creditSales, days }
  if (creditSales === 0) return notComputed(formula, inputs, `no credit sales in the last ${days} days`)
  return computed(formula, inputs, round2((receivables / creditSales) * days))
}

export type CountbackStep = {
  /** 'YYYY-MM'. */
  month: string
  /** The month's days in the walk (the first month's up to asOf). */
  days: number
  sales: number
  /** Receivables not yet accounted for when the month was reached. */
  receivablesBefore: number
  /** All of `days`, or the share of them the remaining receivables make of `sales` (two decimals). */
  daysCounted: number
}

export type CountbackDso = Figure & { steps: CountbackStep[] }

export function countbackDso({ ledger, currency }: Omit<DsoOptions, 'days'>): CountbackDso {
  const positions = positionsIn(ledger, currency)
  const receivables = openAmountOf(positions)
  const totalSales = salesOf(positions, () => true)
  const formula = 'months walked back from asOf: Σ days of the months whose sales the receivables cover + remaining receivables / sales × days of the month where they run out'
  const steps: CountbackStep[] = []
  const inputs = { receivables, creditSalesOnRecord: totalSales }
  if (totalSales === 0) return { ...notComputed(formula, inputs, 'no credit sales on record'), steps }
  if (receivables === 0) return { ...computed(formula, inputs, 0), steps }

  const earliest = monthStart(Math.min(...positions.map((p) => p.issuedAt)))
  let remaining = receivables
  let total = 0
  for (let back = 0; remaining > 0; back++) {
    const start = monthStart(ledger.asOf, back)
    if (start < earliest) return { ...notComputed(formula, inputs, `receivables of ${receivables} exceed the credit sales on record`), steps }
    const end = back === 0 ? ledger.asOf : monthStart(ledger.asOf, back - 1) - 1
    const days = back === 0 ? new Date(ledger.asOf).getUTCDate() : daysInMonth(start)
    const sales = salesOf(positions, (p) => p.issuedAt >= start && p.issuedAt <= end)
    const exhausted = remaining <= sales
    const counted = exhausted ? (remaining / sales) * days : days
    steps.push({ month: monthLabel(start), days, sales, receivablesBefore: remaining, daysCounted: round2(counted) })
    total += counted
    remaining = exhausted ? 0 : remaining - sales
  }
  return { ...computed(formula, inputs, round2(total)), steps }
}

function openAmountOf(positions: readonly InvoicePosition[]): number {
  return positions.reduce((sum, p) => sum + p.openAmount, 0)
}

function salesOf(positions: readonly InvoicePosition[], include: (p: InvoicePosition) => boolean): number {
  return positions.reduce((sum, p) => (include(p) ? sum + p.amount : sum), 0)
}
