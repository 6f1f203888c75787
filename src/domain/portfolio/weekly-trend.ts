/**
 * Daily counts folded into weeks: the alert and disposition trends. A week starts on Monday
 * 00:00 UTC (ISO 8601) and is named by that date. Every week from the one holding `from` to the
 * one holding `to` is present, empty ones with zeros, so a chart's axis has no gaps; each
 * series (severity, disposition…) has a count for every week.
 */
export type DailyCount = { day: string; series: string; count: number }

export type WeeklyTrend = {
  weeks: string[]
  series: { key: string; counts: number[]; total: number }[]
}

const DAY_MS = 86_400_000

/** The Monday (YYYY-MM-DD) of the ISO week holding a day given as YYYY-MM-DD. */
export function weekOf(day: string): string {
  const at = Date.parse(`${day}T00:00:00Z`)
  if (!Number.isFinite(at)) throw new RangeError(`not a date: ${day}`)
  const weekday = (new Date(at).getUTCDay() + 6) % 7
  return new Date(at - weekday * DAY_MS).toISOString().slice(0, 10)
}

export type WeeklyTrendOptions = { counts: readonly DailyCount[]; from: string; to: string; series?: readonly string[] }

export function weeklyTrend({ counts, from, to, series = [] }: WeeklyTrendOptions): WeeklyTrend {
  const first = Date.parse(`${weekOf(from)}T00:00:00Z`)
  const last = Date.parse(`${weekOf(to)}T00:00:00Z`)
  const weeks: string[] = []
  for (let at = first; at <= last; at += 7 * DAY_MS) weeks.push(new Date(at).toISOString().slice(0, 10))
  const index = new Map(weeks.map((week, i) => [week, i]))
  const keys = [...series, ...[...new Set(counts.map((c) => c.series))].filter((key) => !series.includes(key)).sort()]
  const rows = new Map(keys.map((key) => [key, weeks.map(() => 0)]))
  for (const { day, series: key, count } of counts) {
    const week = index.get(weekOf(day))
    if (week === undefined) continue
    rows.get(key)![week]! += count
  }
  return { weeks, series: keys.map((key) => ({ key, counts: rows.get(key)!, total: rows.get(key)!.reduce((sum, n) => sum + n, 0) })) }
}
