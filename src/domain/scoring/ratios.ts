import { annualisingFactor, describePeriod, itemValue, yearEarlier, type FinancialStatement, type LineItem, type StatementItems } from './statement.ts'

/**
 * Financial ratios of one statement, each with its formula and the inputs it used so a
 * reviewer can recompute it by hand. A ratio that cannot be computed has `value: null` and
 * says why ("needs items.inventory", "division by zero: currentLiabilities is 0"); nothing
 * here returns NaN or Infinity, or throws on a statement with gaps.
 *
 * Balance-sheet items are the period-end values (not averages). Flows of a period shorter
 * than a year are annualised (× 12 / periodMonths) where they are divided by a balance-sheet
 * item, so a half year's ROA compares with a full year's; days are scaled to the period.
 */
export const RATIO_CATEGORIES = ['liquidity', 'leverage', 'profitability', 'efficiency', 'cashFlow', 'growth'] as const
export type RatioCategory = (typeof RATIO_CATEGORIES)[number]

export type RatioUnit = 'ratio' | 'days'

export type Ratio = {
  label: string
  category: RatioCategory
  unit: RatioUnit
  /** How the value is computed, in the line items' names: "(currentAssets - inventory) / currentLiabilities". */
  formula: string
  /** The values the formula used (minor units, or months), null where one was not reported. */
  inputs: Record<string, number | null>
  value: number | null
  /** Why value is null. */
  reason: string | null
  /** A caution about a value that was computed, e.g. a negative denominator. */
  note: string | null
}

type QuotientSpec = {
  label: string
  category: Exclude<RatioCategory, 'growth'>
  unit: RatioUnit
  formula: string
  /** Every item the formula reads, in the order the formula names them. */
  uses: readonly LineItem[]
  numerator: (value: (item: LineItem) => number) => number
  denominator: LineItem
  /** Scales the quotient by the period's length (annualised flows, days). */
  periodFactor?: (periodMonths: number) => number
}

const perYear = (periodMonths: number) => annualisingFactor(periodMonths)
const daysOfPeriod = (periodMonths: number) => (365 * periodMonths) / 12

const QUOTIENTS = {
  currentRatio: {
    label: 'Current ratio',
    category: 'liquidity',
    unit: 'ratio',
    formula: 'currentAssets / currentLiabilities',
    uses: ['currentAssets', 'currentLiabilities'],
    numerator: (v) => v('currentAssets'),
    denominator: 'currentLiabilities',
  },
  quickRatio: {
    label: 'Quick ratio',
    category: 'liquidity',
    unit: 'ratio',
    formula: '(currentAssets - inventory) / currentLiabilities',
    uses: ['currentAssets', 'inventory', 'currentLiabilities'],
    numerator: (v) => v('currentAssets') - v('inventory'),
    denominator: 'currentLiabilities',
  },
  cashRatio: {
    label: 'Cash ratio',
    category: 'liquidity',
    unit: 'ratio',
    formula: 'cash / currentLiabilities',
    uses: ['cash', 'currentLiabilities'],
    numerator: (v) => v('cash'),
    denominator: 'currentLiabilities',
  },
  debtToEquity: {
    label: 'Debt to equity (total liabilities / equity)',
    category: 'leverage',
    unit: 'ratio',
    formula: 'totalLiabilities / equity',
    uses: ['totalLiabilities', 'equity'],
    numerator: (v) => v('totalLiabilities'),
    denominator: 'equity',
  },
  debtToAssets: {
    label: 'Debt to assets (total liabilities / total assets)',
    category: 'leverage',
    unit: 'ratio',
    formula: 'totalLiabilities / totalAssets',
    uses: ['totalLiabilities', 'totalAssets'],
    numerator: (v) => v('totalLiabilities'),
    denominator: 'totalAssets',
  },
  interestCoverage: {
    label: 'Interest coverage',
    category: 'leverage',
    unit: 'ratio',
    formula: 'ebit / interestExpense',
    uses: ['ebit', 'interestExpense'],
    numerator: (v) => v('ebit'),
    denominator: 'interestExpense',
  },
  returnOnAssets: {
    label: 'Return on assets',
    category: 'profitability',
    unit: 'ratio',
    formula: 'netIncome * (12 / periodMonths) / totalAssets',
    uses: ['netIncome', 'totalAssets'],
    numerator: (v) => v('netIncome'),
    denominator: 'totalAssets',
    periodFactor: perYear,
  },
  returnOnEquity: {
    label: 'Return on equity',
    category: 'profitability',
    unit: 'ratio',
    formula: 'netIncome * (12 / periodMonths) / equity',
    uses: ['netIncome', 'equity'],
    numerator: (v) => v('netIncome'),
    denominator: 'equity',
    periodFactor: perYear,
  },
  grossMargin: {
    label: 'Gross margin',
    category: 'profitability',
    unit: 'ratio',
    formula: '(revenue - costOfSales) / revenue',
    uses: ['revenue', 'costOfSales'],
    numerator: (v) => v('revenue') - v('costOfSales'),
    denominator: 'revenue',
  },
  ebitMargin: {
    label: 'EBIT margin',
    category: 'profitability',
    unit: 'ratio',
    formula: 'ebit / revenue',
    uses: ['ebit', 'revenue'],
    numerator: (v) => v('ebit'),
    denominator: 'revenue',
  },
  netMargin: {
    label: 'Net margin',
    category: 'profitability',
    unit: 'ratio',
    formula: 'netIncome / revenue',
    uses: ['netIncome', 'revenue'],
    numerator: (v) => v('netIncome'),
    denominator: 'revenue',
  },
  receivableDays: {
    label: 'Receivable days (DSO)',
    category: 'efficiency',
    unit: 'days',
    formula: 'receivables / revenue * 365 * periodMonths / 12',
    uses: ['receivables', 'revenue'],
    numerator: (v) => v('receivables'),
    denominator: 'revenue',
    periodFactor: daysOfPeriod,
  },
  inventoryDays: {
    label: 'Inventory days (DIO)',
    category: 'efficiency',
    unit: 'days',
    formula: 'inventory / costOfSales * 365 * periodMonths / 12',
    uses: ['inventory', 'costOfSales'],
    numerator: (v) => v('inventory'),
    denominator: 'costOfSales',
    periodFactor: daysOfPeriod,
  },
  assetTurnover: {
    label: 'Asset turnover',
    category: 'efficiency',
    unit: 'ratio',
    formula: 'revenue * (12 / periodMonths) / totalAssets',
    uses: ['revenue', 'totalAssets'],
    numerator: (v) => v('revenue'),
    denominator: 'totalAssets',
    periodFactor: perYear,
  },
  operatingCashFlowToLiabilities: {
    label: 'Operating cash flow to total liabilities',
    category: 'cashFlow',
    unit: 'ratio',
    formula: 'operatingCashFlow * (12 / periodMonths) / totalLiabilities',
    uses: ['operatingCashFlow', 'totalLiabilities'],
    numerator: (v) => v('operatingCashFlow'),
    denominator: 'totalLiabilities',
    periodFactor: perYear,
  },
} as const satisfies Record<string, QuotientSpec>

/** Year-on-year growth of an item against the statement of the same length one year earlier. */
const GROWTH = {
  revenueGrowth: { label: 'Revenue growth, year on year', item: 'revenue' },
  netIncomeGrowth: { label: 'Net income growth, year on year', item: 'netIncome' },
  totalAssetsGrowth: { label: 'Total assets growth, year on year', item: 'totalAssets' },
} as const satisfies Record<string, { label: string; item: LineItem }>

export type RatioKey = keyof typeof QUOTIENTS | keyof typeof GROWTH
export const RATIO_KEYS = [...Object.keys(QUOTIENTS), ...Object.keys(GROWTH)] as RatioKey[]
export type Ratios = Record<RatioKey, Ratio>

/**
 * Every ratio of the statement. `previous` is the statement of the same length that ended
 * one year earlier (statementYearEarlier finds it), or null when there is none: growth
 * then says so instead of a value.
 */
export function computeRatios(statement: FinancialStatement, previous: FinancialStatement | null = null): Ratios {
  const ratios = {} as Ratios
  for (const [key, spec] of Object.entries(QUOTIENTS) as [keyof typeof QUOTIENTS, QuotientSpec][]) ratios[key] = quotient(spec, statement)
  for (const [key, spec] of Object.entries(GROWTH) as [keyof typeof GROWTH, (typeof GROWTH)[keyof typeof GROWTH]][]) {
    ratios[key] = growth(spec.label, spec.item, statement, previous)
  }
  return ratios
}

function quotient(spec: QuotientSpec, statement: FinancialStatement): Ratio {
  const { items, periodMonths } = statement
  const inputs: Record<string, number | null> = Object.fromEntries(spec.uses.map((item) => [item, itemValue(items, item)]))
  if (spec.periodFactor) inputs.periodMonths = periodMonths
  const base = { label: spec.label, category: spec.category, unit: spec.unit, formula: spec.formula, inputs }
  const missing = missingItems(items, spec.uses)
  if (missing) return { ...base, value: null, reason: missing, note: null }
  const value = (item: LineItem) => itemValue(items, item)!
  const denominator = value(spec.denominator)
  if (denominator === 0) return { ...base, value: null, reason: `division by zero: ${spec.denominator} is 0`, note: null }
  const result = (spec.numerator(value) / denominator) * (spec.periodFactor?.(periodMonths) ?? 1)
  const note = denominator < 0 ? `${spec.denominator} is negative (${denominator}): the sign of this ratio does not read as usual` : null
  return { ...base, value: result, reason: null, note }
}

function growth(label: string, item: LineItem, statement: FinancialStatement, previous: FinancialStatement | null): Ratio {
  const previousName = `previous.${item}`
  const current = itemValue(statement.items, item)
  const before = previous ? itemValue(previous.items, item) : null
  const period = previous ? `the ${describePeriod(previous.periodEnd, previous.periodMonths)}` : null
  const base = {
    label,
    category: 'growth' as const,
    unit: 'ratio' as const,
    formula: `(${item} - ${previousName}) / |${previousName}|` + (period ? `, previous = ${period}` : ''),
    inputs: { [item]: current, [previousName]: before },
  }
  const refuse = (reason: string): Ratio => ({ ...base, value: null, reason, note: null })
  if (current === null) return refuse(`needs items.${item}`)
  if (!previous) return refuse(`no ${describePeriod(yearEarlier(statement.periodEnd), statement.periodMonths)} to compare with`)
  if (previous.currency !== statement.currency) return refuse(`${period} is in ${previous.currency}, this one in ${statement.currency}`)
  if (before === null) return refuse(`needs items.${item} of ${period}`)
  if (before === 0) return refuse(`division by zero: ${previousName} is 0`)
  const note = before < 0 ? `${previousName} is negative: growth is measured against its size, so a smaller loss shows as growth` : null
  return { ...base, value: (current - before) / Math.abs(before), reason: null, note }
}

/** "needs items.inventory" or "needs items.inventory, items.costOfSales", or null when all are there. */
export function missingItems(items: StatementItems, uses: readonly LineItem[]): string | null {
  const missing = uses.filter((item) => itemValue(items, item) === null)
  return missing.length === 0 ? null : `needs ${missing.map((item) => `items.${item}`).join(', ')}`
}
