import type { Customer } from '../customers/customer.ts'
import type { Transaction } from '../monitoring/activity.ts'
import type { BureauEvent, BureauObservation } from '../monitoring/bureau-events.ts'
import type { CustomerFeatures, TransactionEvaluation, WindowTotals } from '../monitoring/features/index.ts'
import type { ReceivablesSummary } from '../monitoring/receivables/receivables-summary.ts'
import type { ZZone } from '../scoring/z-score.ts'
import type { PortfolioFacts } from './portfolio-facts.ts'

/**
 * What one evaluation of the rules sees: the transaction and its evaluation (rules of scope
 * `transaction` only), the customer, its features, rating, receivables, bureau facts, Z-score
 * zone and its place in the portfolio (portfolio-facts.ts). Everything but the features is
 * plain data the engine already holds, read field by field.
 *
 * The features cost a pass over the customer's recent transactions (featuresAsOf), so a context
 * takes them as a function and calls it at most once, the first time a rule reads an `f.*`
 * variable; rules that read none never cause it.
 */
export type CustomerFacts = Pick<Customer, 'id' | 'type' | 'country' | 'region' | 'industry' | 'status' | 'listed' | 'tags'>

export type RatingFacts = {
  grade: string
  /** Probability of default, 0–1. */
  pd: number
  previousGrade: string | null
  /** The grade is worse than the previous one on the master scale. */
  downgraded: boolean
}

/** One currency's receivables (the credit limit's, else the reporting currency), with the worst DPD of any. */
export type ReceivablesFacts = {
  currency: string
  /** Days past due of the most overdue open invoice, in any currency; null without open invoices. */
  maxDpd: number | null
  /** Open-amount-weighted DPD of the overdue invoices; null without any. */
  weightedDpd: number | null
  /** Minor units. */
  overdue: number
  outstanding: number
  /** Outstanding / credit limit (1 is the whole limit); null without a limit. */
  utilisation: number | null
  /** 1–100, 80 paying on terms; null without payment experience. */
  paymentIndex: number | null
}

export type BureauFacts = {
  /** The latest score reported. */
  score: number | null
  /** The largest score drop (points) among the events since the look-back began; null when none. */
  scoreDrop: number | null
  ratingDowngrade: boolean
  newCourtJudgment: boolean
  newDefault: boolean
  newTaxArrears: boolean
}

export type ZScoreFacts = { zone: ZZone; score: number }

/** The windows the `f.*` window variables name, in this order; a window the feature config lacks reads as null. */
export const FEATURE_WINDOWS = ['1h', '24h', '7d', '30d', '90d'] as const
export type FeatureWindow = (typeof FEATURE_WINDOWS)[number]

export type RuleContextInput = {
  tx?: Transaction | null
  evaluation?: TransactionEvaluation | null
  customer?: CustomerFacts | null
  /** The features, or a function computing them: called at most once, and only when a rule reads `f.*`. */
  features?: CustomerFeatures | null | (() => CustomerFeatures | null)
  rating?: RatingFacts | null
  receivables?: ReceivablesFacts | null
  bureau?: BureauFacts | null
  zscore?: ZScoreFacts | null
  portfolio?: PortfolioFacts | null
}

const UNREAD = Symbol('unread')

export class RuleContext {
  readonly tx: Transaction | null
  readonly evaluation: TransactionEvaluation | null
  readonly customer: CustomerFacts | null
  readonly rating: RatingFacts | null
  readonly receivables: ReceivablesFacts | null
  readonly bureau: BureauFacts | null
  readonly zscore: ZScoreFacts | null
  readonly portfolio: PortfolioFacts | null
  #computeFeatures: (() => CustomerFeatures | null) | null
  #features: CustomerFeatures | null | typeof UNREAD
  #windows: readonly (WindowTotals | null)[] | null = null

  constructor(input: RuleContextInput) {
    this.tx = input.tx ?? null
    this.evaluation = input.evaluation ?? null
    this.customer = input.customer ?? null
    this.rating = input.rating ?? null
    this.receivables = input.receivables ?? null
    this.bureau = input.bureau ?? null
    this.zscore = input.zscore ?? null
    this.portfolio = input.portfolio ?? null
    const features = input.features ?? null
    this.#computeFeatures = typeof features === 'function' ? features : null
    this.#features = typeof features === 'function' ? UNREAD : features
  }

  /** The customer's features, computed on the first call. */
  features(): CustomerFeatures | null {
    let features = this.#features
    if (features === UNREAD) {
      features = this.#computeFeatures!()
      this.#features = features
      this.#computeFeatures = null
    }
    return features
  }

  /** The totals of FEATURE_WINDOWS[index], looked up by key once per context. */
  window(index: number): WindowTotals | null {
    let windows = this.#windows
    if (windows === null) {
      const features = this.features()
      windows = FEATURE_WINDOWS.map((key) => (features === null ? null : (features.windows[key] ?? null)))
      this.#windows = windows
    }
    return windows[index]!
  }
}

export function ruleContext(input: RuleContextInput): RuleContext {
  return new RuleContext(input)
}

/**
 * The receivables facts of one currency (the credit limit's, else the reporting currency) from a
 * summary: max DPD is the worst of any currency (days compare across currencies, amounts do not).
 */
export function receivablesFacts(summary: ReceivablesSummary, currency: string): ReceivablesFacts {
  const mine = summary.currencies.find((entry) => entry.currency === currency)
  let maxDpd: number | null = null
  for (const entry of summary.currencies) {
    const value = entry.daysPastDue.max.value
    if (value !== null && (maxDpd === null || value > maxDpd)) maxDpd = value
  }
  return {
    currency,
    maxDpd,
    weightedDpd: mine?.daysPastDue.weightedOverdue.value ?? null,
    overdue: mine?.overdue.amount ?? 0,
    outstanding: mine?.outstanding.amount ?? 0,
    utilisation: summary.utilisation.currency === currency ? summary.utilisation.value : null,
    paymentIndex: mine?.paymentIndex.value ?? null,
  }
}

export type BureauFactsOptions = {
  records: readonly BureauObservation[]
  /** From bureauEvents over the same records. */
  events: readonly BureauEvent[]
  /** Epoch ms: events before it are old news. */
  since: number
}

/** The bureau facts: the latest score, and what deteriorated since `since`. */
export function bureauFacts({ records, events, since }: BureauFactsOptions): BureauFacts {
  let latest: { at: number; score: number } | null = null
  for (const record of records) {
    const at = Date.parse(record.reportedOn)
    if (record.score !== null && !Number.isNaN(at) && (latest === null || at >= latest.at)) latest = { at, score: record.score }
  }
  const recent = events.filter((event) => event.at >= since)
  const drops = recent.filter((event) => event.kind === 'score_drop').map((event) => Number(event.from) - Number(event.to))
  return {
    score: latest?.score ?? null,
    scoreDrop: drops.length === 0 ? null : Math.max(...drops),
    ratingDowngrade: recent.some((event) => event.kind === 'rating_downgrade'),
    newCourtJudgment: recent.some((event) => event.kind === 'new_court_judgment'),
    newDefault: recent.some((event) => event.kind === 'new_default'),
    newTaxArrears: recent.some((event) => event.kind === 'new_tax_arrears'),
  }
}
