import { itemValue, type FinancialStatement } from './statement.ts'

/**
 * A recommended credit limit: the smallest of five candidate limits, scaled by the
 * customer's grade and rounded down to a round unit. Every candidate is reported with its
 * formula, the inputs it read and, when it could not be computed, why.
 *
 * Money is integer minor units of the statement's currency throughout. Each candidate is
 * rounded down to a whole minor unit as it is computed (so is a monthly sales figure
 * derived from revenue); the grade-scaled value is rounded down again, then down to
 * `roundingUnit`. Percentages are whole-number percent (10 = 10 %) so that
 * `amount × percent / 100` is exact integer arithmetic before the one division.
 */
export const CREDIT_LIMIT_METHODS = ['tangibleNetWorth', 'workingCapital', 'monthlySales', 'needBased', 'bureau'] as const
export type CreditLimitMethod = (typeof CREDIT_LIMIT_METHODS)[number]

/** Grade → factor in [0, 1] applied to the smallest candidate. */
export type GradeScale = Readonly<Record<string, number>>

export const DEFAULT_GRADE_SCALE: GradeScale = { AAA: 1, AA: 1, A: 0.9, BBB: 0.75, BB: 0.5, B: 0.3, CCC: 0.1, D: 0 }

export type CreditLimitPercentages = {
  /** Percent of tangible net worth (equity: statements carry no intangibles line, so none is deducted). */
  tangibleNetWorth: number
  /** Percent of working capital (currentAssets − currentLiabilities). */
  workingCapital: number
  /** Percent of monthly sales. */
  monthlySales: number
}

export const DEFAULT_CREDIT_LIMIT_PERCENTAGES: CreditLimitPercentages = { tangibleNetWorth: 10, workingCapital: 20, monthlySales: 25 }

/** 1,000.00 in a currency with two decimals. */
export const DEFAULT_CREDIT_LIMIT_ROUNDING_UNIT = 100_000

export type RecommendCreditLimitOptions = {
  /** The latest statement: its items, currency and period length (to derive monthly sales). */
  statement: Pick<FinancialStatement, 'items' | 'currency' | 'periodMonths'>
  /** Minor units per month; when absent or null, floor(revenue / periodMonths). */
  monthlySales?: number | null
  creditTermsDays: number
  averagePaymentDelayDays?: number
  /** The bureau's recommended limit, or null when there is none. */
  bureauLimit?: { amount: number; currency: string } | null
  grade: string
  gradeScale?: GradeScale
  percentages?: Partial<CreditLimitPercentages>
  /** Minor units the limit is rounded down to. */
  roundingUnit?: number
}

export type CreditLimitCandidate = {
  method: CreditLimitMethod
  formula: string
  inputs: Record<string, number | null>
  /** Minor units; null when it could not be computed (then `reason` says why). */
  value: number | null
  /** Why value is null, or why it is 0 (negative net worth or working capital). */
  reason: string | null
}

export type CreditLimitRecommendation = {
  /** Minor units; null when no candidate could be computed or the grade has no factor. */
  limit: number | null
  currency: string
  /** The candidate that set the limit. */
  binding: CreditLimitMethod | null
  candidates: CreditLimitCandidate[]
  gradeFactor: number | null
  explanation: string[]
}

/**
 * Rounds a product of money and a float factor down to a whole minor unit, after removing
 * floating-point noise (700,000 × 0.3 is 209,999.99999999997 in binary; it should be 210,000).
 */
function floorMinor(amount: number): number {
  return Math.floor(Number(amount.toPrecision(15)))
}

export function recommendCreditLimit(options: RecommendCreditLimitOptions): CreditLimitRecommendation {
  const { statement, creditTermsDays, averagePaymentDelayDays = 0, bureauLimit = null, grade } = options
  const gradeScale = options.gradeScale ?? DEFAULT_GRADE_SCALE
  const percent = { ...DEFAULT_CREDIT_LIMIT_PERCENTAGES, ...options.percentages }
  const roundingUnit = options.roundingUnit ?? DEFAULT_CREDIT_LIMIT_ROUNDING_UNIT
  const { currency, items, periodMonths } = statement

  const equity = itemValue(items, 'equity')
  const currentAssets = itemValue(items, 'currentAssets')
  const currentLiabilities = itemValue(items, 'currentLiabilities')
  const revenue = itemValue(items, 'revenue')
  const monthlySales = monthlySalesOf(options.monthlySales ?? null, revenue, periodMonths)

  const candidates: CreditLimitCandidate[] = [
    percentOf('tangibleNetWorth', `equity * ${percent.tangibleNetWorth} / 100 (tangible net worth = equity: no intangibles line)`, percent.tangibleNetWorth, { equity }, equity, 'equity'),
    percentOf(
      'workingCapital',
      `(currentAssets - currentLiabilities) * ${percent.workingCapital} / 100`,
      percent.workingCapital,
      { currentAssets, currentLiabilities },
      currentAssets !== null && currentLiabilities !== null ? currentAssets - currentLiabilities : null,
      'working capital',
    ),
    percentOf('monthlySales', `monthlySales * ${percent.monthlySales} / 100`, percent.monthlySales, { monthlySales: monthlySales.value }, monthlySales.value, 'monthly sales', monthlySales.reason),
    needBased(monthlySales, creditTermsDays, averagePaymentDelayDays),
    bureau(bureauLimit, currency),
  ]

  const explanation = candidates.map((c) => `${c.method}: ${c.value === null ? `not computed (${c.reason})` : `${c.value}${c.reason ? ` (${c.reason})` : ''}`}`)
  const computed = candidates.filter((c): c is CreditLimitCandidate & { value: number } => c.value !== null)
  const gradeFactor = Object.hasOwn(gradeScale, grade) ? gradeScale[grade]! : null
  const result = { currency, candidates, gradeFactor, explanation }

  if (computed.length === 0) {
    explanation.push('no candidate could be computed: no limit recommended')
    return { ...result, limit: null, binding: null }
  }
  const smallest = computed.reduce((min, c) => (c.value < min.value ? c : min))
  explanation.push(`smallest candidate: ${smallest.method} = ${smallest.value} ${currency} minor units`)
  if (gradeFactor === null) {
    explanation.push(`grade ${grade} is not in the grade-scaling table: no limit recommended`)
    return { ...result, limit: null, binding: smallest.method }
  }
  const scaled = floorMinor(smallest.value * gradeFactor)
  const limit = Math.floor(scaled / roundingUnit) * roundingUnit
  explanation.push(`grade ${grade} factor ${gradeFactor}: ${smallest.value} × ${gradeFactor} = ${scaled}`)
  explanation.push(`rounded down to a multiple of ${roundingUnit}: ${limit} ${currency} minor units`)
  return { ...result, limit, binding: smallest.method }
}

function needs(inputs: Record<string, number | null>): string {
  const missing = Object.entries(inputs).filter(([, value]) => value === null)
  return `needs ${missing.map(([name]) => (name === 'monthlySales' ? name : `items.${name}`)).join(', ')}`
}

type MonthlySales = { value: number | null; reason: string | null; derived: boolean }

function monthlySalesOf(given: number | null, revenue: number | null, periodMonths: number): MonthlySales {
  if (given !== null) return { value: given, reason: null, derived: false }
  if (revenue === null) return { value: null, reason: 'needs monthlySales or items.revenue', derived: true }
  return { value: Math.floor(revenue / periodMonths), reason: null, derived: true }
}

function percentOf(
  method: CreditLimitMethod,
  formula: string,
  pct: number,
  inputs: Record<string, number | null>,
  base: number | null,
  baseName: string,
  missing: string | null = base === null ? needs(inputs) : null,
): CreditLimitCandidate {
  if (missing !== null || base === null) return { method, formula, inputs, value: null, reason: missing ?? needs(inputs) }
  if (base < 0) return { method, formula, inputs, value: 0, reason: `${baseName} is negative (${base}): no limit on it` }
  return { method, formula, inputs, value: floorMinor((base * pct) / 100), reason: null }
}

function needBased(sales: MonthlySales, termsDays: number, delayDays: number): CreditLimitCandidate {
  const inputs = { monthlySales: sales.value, creditTermsDays: termsDays, averagePaymentDelayDays: delayDays }
  const formula = 'monthlySales * (creditTermsDays + averagePaymentDelayDays) / 30'
  if (sales.value === null) return { method: 'needBased', formula, inputs, value: null, reason: sales.reason }
  if (sales.value < 0) return { method: 'needBased', formula, inputs, value: 0, reason: `monthly sales are negative (${sales.value}): no limit on them` }
  return { method: 'needBased', formula, inputs, value: floorMinor((sales.value * (termsDays + delayDays)) / 30), reason: null }
}

function bureau(limit: { amount: number; currency: string } | null, currency: string): CreditLimitCandidate {
  const inputs = { bureauLimit: limit?.amount ?? null }
  const base = { method: 'bureau' as const, formula: 'bureauLimit', inputs }
  if (limit === null) return { ...base, value: null, reason: 'no bureau-recommended limit' }
  if (limit.currency !== currency) return { ...base, value: null, reason: `the bureau limit is in ${limit.currency}, the statement in ${currency}` }
  return { ...base, value: Math.max(0, Math.floor(limit.amount)), reason: null }
}
