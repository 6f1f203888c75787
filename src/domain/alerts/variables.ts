import { DAY_MS, HOUR_MS, type Transaction } from '../monitoring/activity.ts'
import type { CustomerFeatures, TransactionEvaluation, WindowTotals } from '../monitoring/features/index.ts'
import type { BureauFacts, CustomerFacts, RatingFacts, ReceivablesFacts, ZScoreFacts } from './rule-context.ts'
import { exposureShare, type PortfolioFacts } from './portfolio-facts.ts'
import { FEATURE_WINDOWS, type RuleContext } from './rule-context.ts'
import { createScope, type Scope, type VariableDefinition } from './scope.ts'
import type { Value, VariableType } from './value-type.ts'

/**
 * The variable catalogue: every name a rule may read, its type, whether it can be null in a
 * complete context, what it means, and how it is read. docs/rules.md carries this table
 * (test/alerts/rules-doc.test.ts keeps the two equal).
 *
 * Amounts are integer minor units: `tx.amount` in the transaction's own currency, `f.*` amounts
 * in the reporting currency (transactions without an exchange rate are counted, not summed).
 */
export type VariableSource = 'tx' | 'features' | 'customer' | 'rating' | 'receivables' | 'bureau' | 'zscore' | 'portfolio'

export type RuleVariable = VariableDefinition<RuleContext> & {
  readonly source: VariableSource
  /** The variable that is this one's usual level for the customer, shown next to it in evidence. */
  readonly baseline: string | null
}

type Read = (context: RuleContext) => Value

const define = (source: VariableSource, name: string, type: VariableType, nullable: boolean, description: string, read: Read, baseline: string | null = null): RuleVariable =>
  Object.freeze({ name, type, nullable, description, read, source, baseline })

const fromTx = (pick: (tx: Transaction) => Value | undefined): Read => (c) => {
  const tx = c.tx
  return tx === null ? null : (pick(tx) ?? null)
}
const fromEvaluation = (pick: (evaluation: TransactionEvaluation) => Value): Read => (c) => {
  const evaluation = c.evaluation
  return evaluation === null ? null : pick(evaluation)
}
const fromFeatures = (pick: (features: CustomerFeatures) => Value): Read => (c) => {
  const features = c.features()
  return features === null ? null : pick(features)
}
const fromWindow = (index: number, pick: (window: WindowTotals) => number | null): Read => (c) => {
  const window = c.window(index)
  return window === null ? null : pick(window)
}
const fromCustomer = (pick: (customer: CustomerFacts) => Value | undefined): Read => (c) => {
  const customer = c.customer
  return customer === null ? null : (pick(customer) ?? null)
}
const fromRating = (pick: (rating: RatingFacts) => Value): Read => (c) => (c.rating === null ? null : pick(c.rating))
const fromReceivables = (pick: (receivables: ReceivablesFacts) => Value): Read => (c) => (c.receivables === null ? null : pick(c.receivables))
const fromBureau = (pick: (bureau: BureauFacts) => Value): Read => (c) => (c.bureau === null ? null : pick(c.bureau))
const fromZScore = (pick: (zscore: ZScoreFacts) => Value): Read => (c) => (c.zscore === null ? null : pick(c.zscore))
const fromPortfolio = (pick: (portfolio: PortfolioFacts) => Value): Read => (c) => (c.portfolio === null ? null : pick(c.portfolio))

const sqrtOrNull = (variance: number | null) => (variance === null ? null : Math.sqrt(variance))

const tx = (name: string, type: VariableType, nullable: boolean, description: string, read: Read, baseline: string | null = null) => define('tx', `tx.${name}`, type, nullable, description, read, baseline)
const f = (name: string, type: VariableType, nullable: boolean, description: string, read: Read, baseline: string | null = null) => define('features', `f.${name}`, type, nullable, description, read, baseline)

const WINDOW_WORDS: Record<string, string> = { '1h': 'hour', '24h': '24 hours', '7d': '7 days', '30d': '30 days', '90d': '90 days' }

const windowVariables: RuleVariable[] = FEATURE_WINDOWS.flatMap((key, index) => {
  const last = `the last ${WINDOW_WORDS[key]}`
  const daily = key === '24h' ? 'f.daily_count_mean' : null
  return [
    f(`count_in_${key}`, 'number', false, `transactions in (money to the customer) in ${last}`, fromWindow(index, (w) => w.countIn)),
    f(`count_out_${key}`, 'number', false, `transactions out in ${last}`, fromWindow(index, (w) => w.countOut)),
    f(`count_${key}`, 'number', false, `transactions in and out in ${last}`, fromWindow(index, (w) => w.countIn + w.countOut), daily),
    f(`sum_in_${key}`, 'number', false, `amount in over ${last}`, fromWindow(index, (w) => w.sumIn)),
    f(`sum_out_${key}`, 'number', false, `amount out over ${last}`, fromWindow(index, (w) => w.sumOut)),
    f(`sum_${key}`, 'number', false, `amount in and out over ${last}`, fromWindow(index, (w) => w.sumIn + w.sumOut)),
  ]
})

export const RULE_VARIABLES: readonly RuleVariable[] = Object.freeze([
  tx('id', 'text', false, "the transaction's id (unique per source)", fromTx((t) => t.id)),
  tx('at', 'number', false, 'when it happened, epoch milliseconds (UTC)', fromTx((t) => t.at)),
  tx('hour', 'number', false, 'the hour of day it happened, 0–23, UTC', fromTx((t) => Math.floor((((t.at % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS))),
  tx('amount', 'number', false, "the amount, minor units of the transaction's currency", fromTx((t) => t.amount), 'f.amount_mean'),
  tx('reporting_amount', 'number', true, 'the amount in reporting-currency minor units; null when its currency has no rate', fromEvaluation((e) => e.reportingAmount), 'f.amount_mean'),
  tx('currency', 'text', false, 'ISO 4217 code', fromTx((t) => t.currency)),
  tx('direction', 'text', false, "'in' (money to the customer) or 'out'", fromTx((t) => t.direction)),
  tx('type', 'text', false, "'sale', 'purchase', 'payment', 'refund', 'transfer' or 'cash'", fromTx((t) => t.type)),
  tx('channel', 'text', true, "how it was made, as the source names it ('online', 'branch', 'cash', …)", fromTx((t) => t.channel)),
  tx('category', 'text', true, 'the category the source gave it', fromTx((t) => t.category)),
  tx('counterparty_id', 'text', true, "the counterparty's id", fromTx((t) => t.counterparty?.id)),
  tx('counterparty_name', 'text', true, "the counterparty's name", fromTx((t) => t.counterparty?.name)),
  tx('counterparty_country', 'text', true, "the counterparty's country, ISO 3166-1 alpha-2", fromTx((t) => t.counterparty?.country)),
  tx('is_cash', 'boolean', false, "of type cash or through channel 'cash'", fromEvaluation((e) => e.isCash)),
  tx('is_round', 'boolean', false, 'the amount is a multiple of the round amount (default 1,000.00)', fromEvaluation((e) => e.isRound)),
  tx('is_new_counterparty', 'boolean', false, 'its counterparty relationship is younger than the new-counterparty days (30)', fromEvaluation((e) => e.isNewCounterparty)),
  tx('is_high_risk_country', 'boolean', false, "the counterparty's country is on the high-risk list (FATF)", fromEvaluation((e) => e.isHighRiskCountry)),
  tx('is_late', 'boolean', false, 'a later transaction of the customer had already arrived', fromEvaluation((e) => e.isLate)),
  tx('amount_z', 'number', true, "z-score of the reporting amount against the customer's amount baseline before it", fromEvaluation((e) => e.amountZ), 'f.amount_mean'),
  tx('daily_count_z', 'number', true, "z-score of its day's count so far against the daily-count baseline", fromEvaluation((e) => e.dailyCountZ), 'f.daily_count_mean'),
  tx('gap_days', 'number', true, 'days since the previous transaction; null for the first', fromEvaluation((e) => e.gapDays)),

  ...windowVariables,
  f('avg_amount_90d', 'number', true, 'amount in and out over 90 days / the transactions with a rate in them', fromWindow(4, (w) => {
    const count = w.countIn + w.countOut - w.unconvertedCount
    return count > 0 ? (w.sumIn + w.sumOut) / count : null
  })),
  f('distinct_counterparties_30d', 'number', false, 'distinct counterparties in the last 30 days', fromFeatures((x) => x.distinctCounterparties['30d'])),
  f('distinct_counterparties_90d', 'number', false, 'distinct counterparties in the last 90 days', fromFeatures((x) => x.distinctCounterparties['90d'])),
  f('new_counterparties', 'number', false, 'counterparties whose relationship began in the last 30 days', fromFeatures((x) => x.newCounterparties)),
  f('cash_share_30d', 'number', true, 'cash amount / all amounts, 30 days (0–1)', fromFeatures((x) => x.cashShare)),
  f('largest_amount_30d', 'number', true, 'the largest amount in the last 30 days', fromFeatures((x) => x.largestAmount['30d']), 'f.amount_mean'),
  f('largest_amount_90d', 'number', true, 'the largest amount in the last 90 days', fromFeatures((x) => x.largestAmount['90d']), 'f.amount_mean'),
  f('high_risk_share_90d', 'number', true, 'amounts with a high-risk-country counterparty / all amounts, 90 days (0–1)', fromFeatures((x) => x.highRiskCountryShare)),
  f('round_share_30d', 'number', true, 'round transactions / all transactions, 30 days (0–1)', fromFeatures((x) => x.roundAmountShare)),
  f('amount_mean', 'number', true, 'the amount baseline: exponentially weighted mean amount (half-life 30 days)', fromFeatures((x) => x.baselines.amount.mean)),
  f('amount_sd', 'number', true, 'its standard deviation; null before two amounts', fromFeatures((x) => sqrtOrNull(x.baselines.amount.variance))),
  f('daily_count_mean', 'number', true, 'the daily-count baseline: weighted mean transactions per closed day', fromFeatures((x) => x.baselines.dailyCount.mean)),
  f('daily_count_sd', 'number', true, 'its standard deviation; null before two days', fromFeatures((x) => sqrtOrNull(x.baselines.dailyCount.variance))),
  f('category_shift', 'number', true, 'Jensen–Shannon divergence (0–1) of the category mix: last 30 days against the 90 before', fromFeatures((x) => x.categoryShift.divergence)),
  f('days_dormant', 'number', true, 'days from the latest transaction to now', fromFeatures((x) => x.daysDormant)),
  f('gap_before_last_days', 'number', true, 'the silence the latest transaction ended, in days', fromFeatures((x) => x.gapBeforeLastDays)),
  f('total_count', 'number', false, 'every transaction ever applied', fromFeatures((x) => x.totalCount)),

  define('customer', 'customer.id', 'text', false, "Fengkong's customer id", fromCustomer((x) => x.id)),
  define('customer', 'customer.type', 'text', false, "'company' or 'individual'", fromCustomer((x) => x.type)),
  define('customer', 'customer.country', 'text', false, 'ISO 3166-1 alpha-2', fromCustomer((x) => x.country)),
  define('customer', 'customer.region', 'text', true, 'region within the country', fromCustomer((x) => x.region)),
  define('customer', 'customer.industry_code', 'text', true, 'industry code (GB/T 4754)', fromCustomer((x) => x.industry?.code)),
  define('customer', 'customer.status', 'text', false, "'prospect', 'onboarding', 'active', 'under_review', 'suspended' or 'closed'", fromCustomer((x) => x.status)),
  define('customer', 'customer.listed', 'boolean', false, 'publicly listed', fromCustomer((x) => x.listed)),
  define('customer', 'customer.tags', 'list of text', false, "the customer's tags: 'vip' in customer.tags", fromCustomer((x) => x.tags)),

  define('rating', 'rating.grade', 'text', true, 'the current grade on the master scale; null when not rated', fromRating((x) => x.grade)),
  define('rating', 'rating.pd', 'number', true, 'probability of default, 0–1', fromRating((x) => x.pd)),
  define('rating', 'rating.previous_grade', 'text', true, 'the grade before it', fromRating((x) => x.previousGrade)),
  define('rating', 'rating.downgraded', 'boolean', true, 'the grade is worse than the previous one', fromRating((x) => x.downgraded)),

  define('receivables', 'receivables.max_dpd', 'number', true, 'days past due of the most overdue open invoice', fromReceivables((x) => x.maxDpd)),
  define('receivables', 'receivables.weighted_dpd', 'number', true, 'open-amount-weighted days past due of the overdue invoices', fromReceivables((x) => x.weightedDpd)),
  define('receivables', 'receivables.overdue', 'number', true, 'overdue amount, minor units', fromReceivables((x) => x.overdue)),
  define('receivables', 'receivables.outstanding', 'number', true, 'outstanding amount, minor units', fromReceivables((x) => x.outstanding)),
  define('receivables', 'receivables.utilisation', 'number', true, 'outstanding / credit limit (1 is the whole limit)', fromReceivables((x) => x.utilisation)),
  define('receivables', 'receivables.payment_index', 'number', true, 'payment index 1–100, 80 paying on terms', fromReceivables((x) => x.paymentIndex)),

  define('bureau', 'bureau.score', 'number', true, 'the latest bureau score', fromBureau((x) => x.score)),
  define('bureau', 'bureau.score_drop', 'number', true, 'the largest recent score drop, points', fromBureau((x) => x.scoreDrop)),
  define('bureau', 'bureau.rating_downgrade', 'boolean', true, 'a recent bureau rating downgrade', fromBureau((x) => x.ratingDowngrade)),
  define('bureau', 'bureau.new_court_judgment', 'boolean', true, 'a recent new court judgment', fromBureau((x) => x.newCourtJudgment)),
  define('bureau', 'bureau.new_default', 'boolean', true, 'a recent new default', fromBureau((x) => x.newDefault)),
  define('bureau', 'bureau.new_tax_arrears', 'boolean', true, 'recent new tax arrears', fromBureau((x) => x.newTaxArrears)),

  define('zscore', 'zscore.zone', 'text', true, "Altman Z-score zone: 'safe', 'grey' or 'distress'", fromZScore((x) => x.zone)),
  define('zscore', 'zscore.score', 'number', true, 'the Altman Z-score', fromZScore((x) => x.score)),

  define('portfolio', 'portfolio.exposure_share', 'number', true, "the customer's outstanding receivables / the whole portfolio's, in the reporting currency (0–1); null while the portfolio has nothing outstanding", fromPortfolio(exposureShare)),
  define('portfolio', 'portfolio.max_single_name_share', 'number', false, "the risk appetite's limit on one customer's share: the active risk policy's riskAppetite.maxSingleNameShare (default 0.10)", fromPortfolio((x) => x.maxSingleNameShare)),
  define('portfolio', 'portfolio.outstanding', 'number', false, "the customer's outstanding receivables, reporting-currency minor units (currencies without a rate left out)", fromPortfolio((x) => x.outstanding)),
  define('portfolio', 'portfolio.total_outstanding', 'number', false, "every customer's outstanding receivables added up, reporting-currency minor units", fromPortfolio((x) => x.totalOutstanding)),
])

export const RULE_SCOPE: Scope<RuleContext> = createScope(RULE_VARIABLES)

const BY_NAME = new Map(RULE_VARIABLES.map((variable) => [variable.name, variable]))

export function ruleVariable(name: string): RuleVariable | undefined {
  return BY_NAME.get(name)
}

/** Where a source's variables come from and what reading them costs. */
export const VARIABLE_SOURCES: Readonly<Record<VariableSource, { prefix: string; cost: string }>> = {
  tx: { prefix: 'tx.', cost: 'a field of the transaction or its evaluation: free' },
  features: { prefix: 'f.', cost: 'the features: one pass over the customer’s recent transactions, at most once per context, then free' },
  customer: { prefix: 'customer.', cost: 'a field of the customer: free' },
  rating: { prefix: 'rating.', cost: 'a field of the rating: free' },
  receivables: { prefix: 'receivables.', cost: 'a field of the receivables facts: free' },
  bureau: { prefix: 'bureau.', cost: 'a field of the bureau facts: free' },
  zscore: { prefix: 'zscore.', cost: 'a field of the Z-score: free' },
  portfolio: { prefix: 'portfolio.', cost: 'every customer’s outstanding receivables as of the day’s end, added up once a day for the whole portfolio when a daily rule reads one; rules of the other scopes read null' },
}
