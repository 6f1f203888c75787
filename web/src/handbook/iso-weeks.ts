/** An ISO week (Monday to Sunday, UTC) as the digest API names it, with its first and last day. */
export type WeekChoice = { week: string; monday: string; sunday: string }

const DAY_MS = 86_400_000

/** The week of a day: `2026-W10` for 2026-03-02 … 2026-03-08. Week 1 holds 4 January. */
export function isoWeekOf(ms: number): WeekChoice {
  const day = Math.floor(ms / DAY_MS) * DAY_MS
  const weekday = (new Date(day).getUTCDay() + 6) % 7
  const monday = day - weekday * DAY_MS
  const thursday = new Date(monday + 3 * DAY_MS)
  const year = thursday.getUTCFullYear()
  const number = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1
  const iso = (at: number) => new Date(at).toISOString().slice(0, 10)
  return { week: `${year}-W${String(number).padStart(2, '0')}`, monday: iso(monday), sunday: iso(monday + 6 * DAY_MS) }
}

/** The last `count` weeks that have ended by `now`, the most recent first. */
export function recentFullWeeks(now: number, count: number): WeekChoice[] {
  return Array.from({ length: count }, (_, index) => isoWeekOf(now - (index + 1) * 7 * DAY_MS))
}
