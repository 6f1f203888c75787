import type { Statement, StatementItem } from '../api/types.ts'

/** The line items in the order a reader expects: income statement, balance sheet, cash flow, market. */
export const STATEMENT_LINES = [
  'revenue',
  'costOfSales',
  'ebit',
  'interestExpense',
  'depreciation',
  'netIncome',
  'totalAssets',
  'currentAssets',
  'cash',
  'receivables',
  'inventory',
  'totalLiabilities',
  'currentLiabilities',
  'longTermDebt',
  'equity',
  'retainedEarnings',
  'operatingCashFlow',
  'marketValueEquity',
] as const satisfies readonly StatementItem[]

// Fails to compile when the server adds a line item this list does not show.
type Unshown = Exclude<StatementItem, (typeof STATEMENT_LINES)[number]>
const everyLineShown: [Unshown] extends [never] ? true : Unshown = true
void everyLineShown

export type StatementRow = { item: string; values: Record<string, number | null> }

/**
 * Statements pivoted for reading: one column per period, newest first, one row per line
 * item any period reports, in STATEMENT_LINES order (unknown items after them).
 */
export function statementTable(statements: readonly Statement[]): { periods: Statement[]; rows: StatementRow[] } {
  const periods = [...statements].sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.periodMonths - a.periodMonths)
  const reported = new Set(periods.flatMap((s) => Object.entries(s.items).filter(([, v]) => v !== null && v !== undefined).map(([k]) => k)))
  const known: readonly string[] = STATEMENT_LINES
  const items = [...known.filter((item) => reported.has(item)), ...[...reported].filter((item) => !known.includes(item)).sort()]
  const rows = items.map((item) => ({ item, values: Object.fromEntries(periods.map((s) => [s.id, s.items[item] ?? null])) }))
  return { periods, rows }
}
