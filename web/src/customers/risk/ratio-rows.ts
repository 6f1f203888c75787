import type { FinancialAnalysis, Ratio, RatioCategory } from '../../api/types.ts'

export type RatioRow = {
  key: string
  category: RatioCategory
  /** Rows of a category sit together; the first spans them all in the category column, the rest 0. */
  categorySpan: number
  /** By statement id. */
  byPeriod: Record<string, Ratio>
}

/** The ratios of every period as rows (in the server's order, grouped by category), one column per period. */
export function ratioRows(analysis: Pick<FinancialAnalysis, 'periods'>): RatioRow[] {
  const keys = [...new Set(analysis.periods.flatMap((period) => Object.keys(period.ratios)))]
  const ratioOf = (key: string) => analysis.periods.map((p) => (p.ratios as Record<string, Ratio | undefined>)[key]).find((r) => r !== undefined)!
  const categories = [...new Set(keys.map((key) => ratioOf(key).category))]
  return categories.flatMap((category) => {
    const inCategory = keys.filter((key) => ratioOf(key).category === category)
    return inCategory.map((key, index) => ({
      key,
      category,
      categorySpan: index === 0 ? inCategory.length : 0,
      byPeriod: Object.fromEntries(
        analysis.periods.flatMap((period) => {
          const ratio = (period.ratios as Record<string, Ratio | undefined>)[key]
          return ratio ? [[period.statementId, ratio]] : []
        }),
      ),
    }))
  })
}

/**
 * A ratio's value for the locale: margins, returns and growth as percentages, days as whole
 * days, the rest as a multiple with two decimals. null when there is no finite value, so a
 * table shows the reason instead of "NaN".
 */
export function formatRatio(ratio: Pick<Ratio, 'value' | 'unit' | 'category'>, locale: string): string | null {
  const { value } = ratio
  if (value === null || !Number.isFinite(value)) return null
  if (ratio.unit === 'days') return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value)
  if (ratio.category === 'profitability' || ratio.category === 'growth') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value)
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)
}
