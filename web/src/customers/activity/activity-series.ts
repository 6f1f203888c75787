import type { ActivityInterval, ActivitySeriesItem } from '../../api/types.ts'

const DAY_MS = 86_400_000

/** The ranges the amounts chart offers. */
export const ACTIVITY_RANGES = ['90d', '12m'] as const
export type ActivityRange = (typeof ACTIVITY_RANGES)[number]

export const ACTIVITY_INTERVALS: readonly ActivityInterval[] = ['day', 'week', 'month']

/** A UTC calendar date, YYYY-MM-DD. */
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * The first day (YYYY-MM-DD) of the UTC day, Monday-based week or month holding `at`: how the
 * server names its periods (src/api/routes/customer-activity.ts periodStart).
 */
export function periodStart(at: number, interval: ActivityInterval): string {
  const date = new Date(at)
  if (interval === 'month') return `${isoDay(at).slice(0, 7)}-01`
  if (interval === 'week') date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
  return isoDay(date.getTime())
}

/** Every period from the one holding `from` to the one holding `to` (both YYYY-MM-DD), oldest first. */
export function periodsBetween(from: string, to: string, interval: ActivityInterval): string[] {
  const last = periodStart(Date.parse(to), interval)
  const periods: string[] = []
  const cursor = new Date(Date.parse(periodStart(Date.parse(from), interval)))
  // A guard against a reversed or absurd range: ten years of days is plenty.
  while (periods.length < 3700) {
    const period = isoDay(cursor.getTime())
    if (period > last) break
    periods.push(period)
    if (interval === 'month') cursor.setUTCMonth(cursor.getUTCMonth() + 1)
    else cursor.setUTCDate(cursor.getUTCDate() + (interval === 'week' ? 7 : 1))
  }
  return periods
}

/**
 * Where a range starts, as an ISO instant for the query and a date for the chart: the last 90
 * days are today and the 89 UTC days before it; the last 12 months are this month and the 11
 * before it, from their first day, so every bar of a monthly chart is a whole month but the last.
 */
export function rangeStart(range: ActivityRange, now: number): { from: string; fromDate: string; toDate: string } {
  const today = new Date(now)
  const start =
    range === '90d'
      ? Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - 89 * DAY_MS
      : Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 11, 1)
  return { from: new Date(start).toISOString(), fromDate: isoDay(start), toDate: isoDay(now) }
}

/** The currencies of a series, the one with the most volume (in and out) first; ties by code. */
export function currenciesByVolume(items: readonly ActivitySeriesItem[]): string[] {
  const volume = new Map<string, number>()
  for (const item of items) volume.set(item.currency, (volume.get(item.currency) ?? 0) + item.sumIn + item.sumOut)
  return [...volume].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([currency]) => currency)
}

/** One currency's series as chart columns, oldest first. Money is minor units; money out is negative so it draws below the axis. */
export type SeriesChartData = {
  currency: string
  periods: string[]
  sumIn: number[]
  sumOut: number[]
  countIn: number[]
  countOut: number[]
}

/**
 * One currency's counts and sums per period. With `fill` every period from `fill.from` to
 * `fill.to` is present, those without transactions as 0 (a bar chart then spaces time evenly);
 * without it, only the periods the server sent.
 */
export function seriesChartData(
  items: readonly ActivitySeriesItem[],
  currency: string,
  interval: ActivityInterval,
  fill?: { from: string; to: string },
): SeriesChartData {
  const byPeriod = new Map(items.filter((item) => item.currency === currency).map((item) => [item.period, item]))
  const periods = fill ? [...new Set([...periodsBetween(fill.from, fill.to, interval), ...byPeriod.keys()])].sort() : [...byPeriod.keys()].sort()
  const column = (pick: (item: ActivitySeriesItem) => number) => periods.map((period) => (byPeriod.has(period) ? pick(byPeriod.get(period)!) : 0))
  return {
    currency,
    periods,
    sumIn: column((item) => item.sumIn),
    // `|| 0` keeps an empty period at 0 rather than −0.
    sumOut: column((item) => -item.sumOut || 0),
    countIn: column((item) => item.countIn),
    countOut: column((item) => item.countOut),
  }
}
