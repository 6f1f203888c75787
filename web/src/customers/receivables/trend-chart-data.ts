import type { ReceivablesTrend } from '../../api/types.ts'

export type TrendChartData = {
  /** The date (UTC) of each point: month ends, then today. */
  dates: string[]
  dsoSimple: (number | null)[]
  dsoCountback: (number | null)[]
  paymentIndex: (number | null)[]
  /** Some point has the figure: without one, its chart says so instead of drawing an empty axis. */
  hasDso: boolean
  hasPaymentIndex: boolean
}

/** The trend's points as chart columns, oldest first; a point the server could not compute stays null, a gap in the line. */
export function trendChartData(trend: ReceivablesTrend): TrendChartData {
  const points = [...trend.points].sort((a, b) => a.asOf.localeCompare(b.asOf))
  const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null)
  const data = {
    dates: points.map((p) => p.asOf.slice(0, 10)),
    dsoSimple: points.map((p) => finite(p.dsoSimple)),
    dsoCountback: points.map((p) => finite(p.dsoCountback)),
    paymentIndex: points.map((p) => finite(p.paymentIndex)),
  }
  return {
    ...data,
    hasDso: [...data.dsoSimple, ...data.dsoCountback].some((v) => v !== null),
    hasPaymentIndex: data.paymentIndex.some((v) => v !== null),
  }
}
