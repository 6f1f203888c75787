import { computeRatios, type Ratios } from './ratios.ts'
import { annualisingFactor, itemValue, statementYearEarlier, type FinancialStatement, type LineItem } from './statement.ts'
import { chooseZModel, type ZModelChoice, type ZModelProfile } from './z-model-choice.ts'
import { calculateZScore, zModelTerms, zScoreInputsOf, type X5Coefficient, type ZComponents, type ZModel, type ZModelTerms, type ZScoreInput, type ZScoreInputs, type ZZone } from './z-score.ts'
import { calculateZmijewski, ZMIJEWSKI, type ZmijewskiInput, type ZmijewskiResult } from './zmijewski.ts'

/**
 * Everything Fengkong computes from a customer's statements, period by period, newest
 * first: the ratios, the Z-score of the model its profile calls for (and why that model),
 * and Zmijewski's probability. Models read the statement's items; flows of a period shorter
 * than a year (EBIT, sales, net income) are annualised before they are divided by a
 * balance-sheet item, as the ratios do.
 */
export type AnalysableStatement = FinancialStatement & { id: string; audited: boolean }

export type FinancialAnalysisOptions = {
  profile: ZModelProfile
  /** Overrides the model the profile calls for. */
  model?: ZModel
  /** The X5 coefficient when the model is z (1.0 or the paper's 0.999); ignored by the other models. */
  x5Coefficient?: X5Coefficient
}

export type PeriodZScore = ZModelTerms & {
  model: ZModel
  /** Why this model: the profile rule that picked it, or the override. */
  modelReason: string
  score: number | null
  zone: ZZone | null
  /** Why score is null: "needs items.marketValueEquity", "division by zero: totalAssets is 0". */
  reason: string | null
  components: ZComponents | null
  /** The statement items the model read (minor units) and periodMonths. */
  inputs: Record<string, number | null>
}

export type PeriodZmijewski = Pick<ZmijewskiResult, 'coefficients' | 'constant' | 'cutoff' | 'formula'> & {
  score: number | null
  probability: number | null
  predictsDistress: boolean | null
  reason: string | null
  components: ZmijewskiResult['components'] | null
  inputs: Record<string, number | null>
}

export type PeriodAnalysis = {
  statementId: string
  periodEnd: string
  periodMonths: number
  currency: string
  audited: boolean
  ratios: Ratios
  zScore: PeriodZScore
  zmijewski: PeriodZmijewski
}

export type FinancialAnalysis = { modelChoice: ZModelChoice; periods: PeriodAnalysis[] }

export function analyseStatements(statements: readonly AnalysableStatement[], options: FinancialAnalysisOptions): FinancialAnalysis {
  const modelChoice = chooseZModel(options.profile, options.model)
  const newestFirst = [...statements].sort((a, b) => (a.periodEnd === b.periodEnd ? b.periodMonths - a.periodMonths : a.periodEnd < b.periodEnd ? 1 : -1))
  return {
    modelChoice,
    periods: newestFirst.map((statement) => ({
      statementId: statement.id,
      periodEnd: statement.periodEnd,
      periodMonths: statement.periodMonths,
      currency: statement.currency,
      audited: statement.audited,
      ratios: computeRatios(statement, statementYearEarlier(statements, statement)),
      zScore: zScoreOf(statement, modelChoice, options.x5Coefficient),
      zmijewski: zmijewskiOf(statement),
    })),
  }
}

/** The statement item each Z input comes from; working capital is currentAssets − currentLiabilities. */
const Z_ITEMS: Record<ZScoreInput, readonly LineItem[]> = {
  workingCapital: ['currentAssets', 'currentLiabilities'],
  retainedEarnings: ['retainedEarnings'],
  ebit: ['ebit'],
  marketValueEquity: ['marketValueEquity'],
  bookValueEquity: ['equity'],
  sales: ['revenue'],
  totalAssets: ['totalAssets'],
  totalLiabilities: ['totalLiabilities'],
}

function zScoreOf(statement: FinancialStatement, choice: ZModelChoice, x5Coefficient: X5Coefficient | undefined): PeriodZScore {
  const { model } = choice
  const options = model === 'z' && x5Coefficient !== undefined ? { x5Coefficient } : {}
  const item = (name: LineItem) => itemValue(statement.items, name)
  const annual = annualisingFactor(statement.periodMonths)
  const scaled = (value: number | null) => (value === null ? null : value * annual)
  const difference = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b)
  const inputs: ZScoreInputs = {
    workingCapital: difference(item('currentAssets'), item('currentLiabilities')),
    retainedEarnings: item('retainedEarnings'),
    ebit: scaled(item('ebit')),
    marketValueEquity: item('marketValueEquity'),
    bookValueEquity: item('equity'),
    sales: scaled(item('revenue')),
    totalAssets: item('totalAssets'),
    totalLiabilities: item('totalLiabilities'),
  }
  const outcome = calculateZScore(model, inputs, options)
  const readItems = [...new Set(zScoreInputsOf(model).flatMap((input) => Z_ITEMS[input]))]
  const base = {
    model,
    modelReason: choice.reason,
    ...zModelTerms(model, options),
    inputs: { ...Object.fromEntries(readItems.map((name) => [name, item(name)])), periodMonths: statement.periodMonths },
  }
  if (outcome.ok) return { ...base, score: outcome.result.score, zone: outcome.result.zone, reason: null, components: outcome.result.components }
  const missing = readItems.filter((name) => item(name) === null)
  const reason =
    missing.length > 0
      ? `needs ${missing.map((name) => `items.${name}`).join(', ')}`
      : outcome.problems.map((problem) => divisorReason(problem.input, inputs[problem.input as ZScoreInput] ?? 0)).join('; ')
  return { ...base, score: null, zone: null, reason, components: null }
}

function zmijewskiOf(statement: FinancialStatement): PeriodZmijewski {
  const item = (name: LineItem) => itemValue(statement.items, name)
  const netIncome = item('netIncome')
  const inputs: Record<ZmijewskiInput, number | null> = {
    netIncome: netIncome === null ? null : netIncome * annualisingFactor(statement.periodMonths),
    totalAssets: item('totalAssets'),
    totalLiabilities: item('totalLiabilities'),
    currentAssets: item('currentAssets'),
    currentLiabilities: item('currentLiabilities'),
  }
  const reported = { netIncome, totalAssets: inputs.totalAssets, totalLiabilities: inputs.totalLiabilities, currentAssets: inputs.currentAssets, currentLiabilities: inputs.currentLiabilities, periodMonths: statement.periodMonths }
  const base = {
    coefficients: ZMIJEWSKI.coefficients,
    constant: ZMIJEWSKI.constant,
    cutoff: ZMIJEWSKI.cutoff,
    formula: 'Φ(-4.336 - 4.513·netIncome·(12 / periodMonths)/totalAssets + 5.679·totalLiabilities/totalAssets + 0.004·currentAssets/currentLiabilities); distress when ≥ 0.5',
    inputs: reported,
  }
  const outcome = calculateZmijewski(inputs)
  if (!outcome.ok) {
    const missing = outcome.problems.filter((p) => p.kind === 'missing').map((p) => `items.${p.input}`)
    const reason = missing.length > 0 ? `needs ${missing.join(', ')}` : outcome.problems.map((problem) => divisorReason(problem.input, inputs[problem.input] ?? 0)).join('; ')
    return { ...base, score: null, probability: null, predictsDistress: null, reason, components: null }
  }
  const { score, probability, predictsDistress, components } = outcome.result
  return { ...base, score, probability, predictsDistress, reason: null, components }
}

function divisorReason(item: string, value: number): string {
  return value === 0 ? `division by zero: ${item} is 0` : `${item} is negative (${value}): it must be greater than 0`
}
