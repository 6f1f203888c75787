import type { Aging } from '../../api/types.ts'

export type AgingChartData = {
  currency: string
  /** The server's bucket labels, in its order: 'current', '1-30', …, '120+'. */
  labels: string[]
  /** Open amount per bucket, minor units. */
  amounts: number[]
  /** Open invoices per bucket. */
  counts: number[]
  /** A colour per bucket, green for current to dark red for the oldest. */
  colours: string[]
  /** Nothing is open: the chart would be empty. */
  isEmpty: boolean
}

const RAMP = ['#16a34a', '#facc15', '#f59e0b', '#f97316', '#ef4444', '#b91c1c']

/** The colour of bucket `index` of `count`: the first green, the last dark red, the rest spread along the ramp between. */
export function agingColour(index: number, count: number): string {
  if (count <= 1) return RAMP[0]!
  return RAMP[Math.round((index / (count - 1)) * (RAMP.length - 1))]!
}

/** One currency's aging as chart columns, a bar per bucket the server sent, however it set the edges. */
export function agingChartData(aging: Aging): AgingChartData {
  const count = aging.buckets.length
  return {
    currency: aging.currency,
    labels: aging.buckets.map((bucket) => bucket.label),
    amounts: aging.buckets.map((bucket) => bucket.amount),
    counts: aging.buckets.map((bucket) => bucket.invoices),
    colours: aging.buckets.map((_, index) => agingColour(index, count)),
    isEmpty: aging.total.invoices === 0,
  }
}
