import { monthsBefore } from './calendar.ts'
import { computed, notComputed, round2, type Figure } from './figure.ts'
import { positionsIn, type ReceivablesLedger } from './receivables-ledger.ts'
import { weightedAverage } from './weighted-average.ts'

/**
 * A PAYDEX-like payment index, 1–100, 80 paying on terms: each qualifying invoice is scored by
 * its days beyond terms, and the index is the amount-weighted average score, rounded to a whole
 * number.
 *
 * Qualifying invoices: those paid (on a known date) in the last 12 months, scored by payment
 * date − due date in whole days and weighted by their amount; and those open and overdue at
 * asOf, however old, scored by their DPD and weighted by their open amount. Invoices not yet due
 * have no payment experience yet and do not count.
 *
 * Scores follow Dun & Bradstreet's PAYDEX key: 100 anticipate (here: 30 or more days early),
 * 80 prompt (on the due date), 70 at 15 days beyond terms, 50 at 30, 40 at 60, 30 at 90 and 20
 * at 120 or more; linear between anchors, flat beyond the first and last.
 * docs/receivables.md says where this differs from D&B's own value chart.
 */
export type PaymentIndexAnchor = readonly [daysBeyondTerms: number, score: number]

export const DEFAULT_PAYMENT_INDEX_ANCHORS: readonly PaymentIndexAnchor[] = [
  [-30, 100],
  [0, 80],
  [15, 70],
  [30, 50],
  [60, 40],
  [90, 30],
  [120, 20],
]

export const DEFAULT_PAYMENT_INDEX_MONTHS = 12

/** What is wrong with `anchors`, one sentence each; empty when they are usable. */
export function paymentIndexAnchorProblems(anchors: readonly PaymentIndexAnchor[]): string[] {
  const problems: string[] = []
  if (anchors.length === 0) problems.push('at least one anchor is needed')
  anchors.forEach(([days, score], index) => {
    if (!Number.isFinite(days)) problems.push(`anchor ${index + 1}: days must be a number, got ${days}`)
    else if (index > 0 && !(days > anchors[index - 1]![0])) problems.push(`anchor ${index + 1}: days (${days}) must be greater than the previous anchor's (${anchors[index - 1]![0]})`)
    if (!(score >= 1 && score <= 100)) problems.push(`anchor ${index + 1}: score must be from 1 to 100, got ${score}`)
  })
  return problems
}

/** The score of paying `days` beyond terms (negative: early), unrounded. */
export function paymentIndexScore(days: number, anchors: readonly PaymentIndexAnchor[] = DEFAULT_PAYMENT_INDEX_ANCHORS): number {
  const problems = paymentIndexAnchorProblems(anchors)
  if (problems.length > 0) throw new RangeError(`payment index anchors: ${problems.join('; ')}`)
  const [firstDays, firstScore] = anchors[0]!
  if (days <= firstDays) return firstScore
  for (let index = 1; index < anchors.length; index++) {
    const [x0, y0] = anchors[index - 1]!
    const [x1, y1] = anchors[index]!
    if (days <= x1) return y0 + ((days - x0) / (x1 - x0)) * (y1 - y0)
  }
  return anchors.at(-1)![1]
}

export type PaymentExperience = {
  invoiceId: string
  number: string
  /** 'paid': paid in the window; 'overdue': open and past due at asOf. */
  basis: 'paid' | 'overdue'
  /** Days beyond terms: payment date − due date, or DPD. */
  days: number
  /** The invoice amount when paid, the open amount when overdue. */
  weight: number
  /** Two decimals; the index is computed from the unrounded score. */
  score: number
}

export type PaymentIndex = Figure & { currency: string; experiences: PaymentExperience[] }

export type PaymentIndexOptions = {
  ledger: ReceivablesLedger
  currency: string
  /** How far back paid invoices count, in calendar months. */
  months?: number
  anchors?: readonly PaymentIndexAnchor[]
}

export function paymentIndex({ ledger, currency, months = DEFAULT_PAYMENT_INDEX_MONTHS, anchors = DEFAULT_PAYMENT_INDEX_ANCHORS }: PaymentIndexOptions): PaymentIndex {
  if (!(Number.isInteger(months) && months > 0)) throw new RangeError(`the payment index window must be a positive whole number of months, got ${months}`)
  const from = monthsBefore(ledger.asOf, months)
  const scored: (PaymentExperience & { exactScore: number })[] = []
  for (const p of positionsIn(ledger, currency)) {
    const base = { invoiceId: p.invoiceId, number: p.number }
    const add = (basis: PaymentExperience['basis'], days: number, weight: number) => {
      const exactScore = paymentIndexScore(days, anchors)
      scored.push({ ...base, basis, days, weight, score: round2(exactScore), exactScore })
    }
    if (p.state === 'paid' && p.paidAt !== null && p.paidAt > from) add('paid', p.paymentDelayDays!, p.amount)
    else if (p.state === 'open' && p.daysPastDue > 0) add('overdue', p.daysPastDue, p.openAmount)
  }
  const average = weightedAverage(scored.map((e) => ({ weight: e.weight, value: e.exactScore })))
  const experiences = scored.map(({ exactScore, ...experience }) => experience)
  const formula = `round(Σ(weight × score) / Σ weight) over invoices paid in the last ${months} months and open overdue ones, clamped to 1–100`
  const inputs = { weightTimesScore: average.weightedSum, weight: average.totalWeight, invoices: average.count, months }
  const figure =
    average.totalWeight > 0
      ? computed(formula, inputs, Math.min(100, Math.max(1, Math.round(Number((average.weightedSum / average.totalWeight).toPrecision(12))))))
      : notComputed(formula, inputs, `no invoice paid in the last ${months} months and none overdue`)
  return { ...figure, currency, experiences }
}
