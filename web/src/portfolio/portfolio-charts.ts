import type { ChartOption } from '../charts/echart.tsx'
import { formatMoneyCompact, formatMoney } from '../format/money.ts'
import type { ExposureBucket, WeeklyTrend } from '../../../src/domain/portfolio/index.ts'

/** The grades' colours, best to worst, then unrated in grey. */
const GRADE_COLOURS = ['#15803d', '#16a34a', '#65a30d', '#ca8a04', '#ea580c', '#dc2626', '#b91c1c', '#7f1d1d']
const SEVERITY_COLOURS: Record<string, string> = { low: '#94a3b8', medium: '#f59e0b', high: '#ea580c', critical: '#b91c1c' }

export type ChartText = { currency: string; locale: string; label: (key: string) => string }

/** Exposure per bucket as bars, in the buckets' order (a scale's grades best first; industries largest first). */
export function exposureBarOption(buckets: readonly ExposureBucket[], { currency, locale, label }: ChartText, { graded = false, horizontal = false } = {}): ChartOption {
  const names = buckets.map((b) => label(b.key))
  const data = buckets.map((b, i) => ({ value: b.exposure, itemStyle: { color: graded ? (b.key === 'unrated' ? '#94a3b8' : GRADE_COLOURS[i % GRADE_COLOURS.length]) : '#1d4ed8' } }))
  const money = { type: 'value' as const, axisLabel: { formatter: (value: number) => formatMoneyCompact(value, currency, locale) } }
  const categories = { type: 'category' as const, data: names, inverse: horizontal }
  return {
    grid: { left: horizontal ? 140 : 64, right: 24, top: 16, bottom: 32 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => formatMoney(Number(value), currency, locale) },
    xAxis: horizontal ? money : categories,
    yAxis: horizontal ? categories : money,
    series: [{ type: 'bar', data }],
  }
}

/** Weekly counts stacked by series (severity or disposition). */
export function weeklyTrendOption(trend: WeeklyTrend, label: (key: string) => string): ChartOption {
  return {
    grid: { left: 40, right: 16, top: 36, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: trend.weeks },
    yAxis: { type: 'value', minInterval: 1 },
    series: trend.series.map((s) => ({ type: 'bar', stack: 'all', name: label(s.key), data: s.counts, itemStyle: SEVERITY_COLOURS[s.key] ? { color: SEVERITY_COLOURS[s.key] } : undefined })),
  }
}

/** A migration cell's background: the diagonal (unchanged) blue, downgrades red, upgrades green, deeper with the row share. */
export function migrationCellColour(rowIndex: number, columnIndex: number, grades: number, percentage: number | null): string | undefined {
  if (percentage === null || percentage === 0) return undefined
  const alpha = (0.1 + 0.6 * (percentage / 100)).toFixed(2)
  if (rowIndex >= grades || columnIndex >= grades) return `rgba(100, 116, 139, ${alpha})`
  if (rowIndex === columnIndex) return `rgba(29, 78, 216, ${alpha})`
  return columnIndex > rowIndex ? `rgba(220, 38, 38, ${alpha})` : `rgba(22, 163, 74, ${alpha})`
}
