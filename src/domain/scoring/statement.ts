/**
 * A financial statement as the scoring rules see it: line items in integer minor units of
 * its currency (absent or null = not reported), the date its period ends and how many
 * months it covers. The stored statement (src/schemas/customer-records.ts) has this shape.
 */
export type LineItem =
  | 'revenue'
  | 'costOfSales'
  | 'ebit'
  | 'interestExpense'
  | 'netIncome'
  | 'depreciation'
  | 'totalAssets'
  | 'currentAssets'
  | 'cash'
  | 'receivables'
  | 'inventory'
  | 'totalLiabilities'
  | 'currentLiabilities'
  | 'longTermDebt'
  | 'equity'
  | 'retainedEarnings'
  | 'operatingCashFlow'
  | 'marketValueEquity'

export type StatementItems = Readonly<Partial<Record<LineItem, number | null>>>

export type FinancialStatement = {
  /** YYYY-MM-DD */
  periodEnd: string
  /** 12 for a year, 6 for a half year, … */
  periodMonths: number
  currency: string
  items: StatementItems
}

/** The item's value when it was reported as a finite number, else null. */
export function itemValue(items: StatementItems, item: LineItem): number | null {
  const value = items[item]
  return typeof value === 'number' && Number.isFinite(value) ? value : null
}

/**
 * Flows (income, cash flow) of a period shorter than a year, scaled to a year: 12 / periodMonths.
 * A half year's net income times 2 is comparable with a year-end balance sheet.
 */
export function annualisingFactor(periodMonths: number): number {
  return 12 / periodMonths
}

/**
 * The period end one year earlier. A month-end maps to the same month's end
 * (2024-02-29 → 2023-02-28, 2025-02-28 → 2024-02-29); any other day to the same day,
 * clamped to the month's length.
 */
export function yearEarlier(periodEnd: string): string {
  const [year, month, day] = periodEnd.split('-').map(Number) as [number, number, number]
  const isMonthEnd = day === daysInMonth(year, month)
  const previousDay = isMonthEnd ? daysInMonth(year - 1, month) : Math.min(day, daysInMonth(year - 1, month))
  return `${String(year - 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(previousDay).padStart(2, '0')}`
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The statement covering the same length of period that ended one year before this one. */
export function statementYearEarlier<S extends FinancialStatement>(statements: readonly S[], statement: FinancialStatement): S | null {
  const periodEnd = yearEarlier(statement.periodEnd)
  return statements.find((other) => other.periodEnd === periodEnd && other.periodMonths === statement.periodMonths) ?? null
}

/** "12-month statement ending 2024-12-31" */
export function describePeriod(periodEnd: string, periodMonths: number): string {
  return `${periodMonths}-month statement ending ${periodEnd}`
}
