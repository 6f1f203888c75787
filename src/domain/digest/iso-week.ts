/**
 * ISO-8601 weeks (`2025-W23`): Monday to Sunday, UTC; week 1 is the week holding 4 January,
 * so the first days of January can belong to the last week of the year before.
 * A week is the half-open interval [from, to): `to` is the next Monday.
 */
export type IsoWeek = {
  /** `YYYY-Www`. */
  week: string
  /** The Monday, YYYY-MM-DD. */
  from: string
  /** The Monday after, YYYY-MM-DD: not in the week. */
  to: string
}

const DAY_MS = 86_400_000
const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/

/** The week of a day (YYYY-MM-DD). */
export function isoWeekOf(day: string): IsoWeek {
  const at = Date.parse(`${day}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !Number.isFinite(at)) throw new RangeError(`not a date: ${day}`)
  const weekday = (new Date(at).getUTCDay() + 6) % 7
  const monday = at - weekday * DAY_MS
  // The week belongs to the year of its Thursday.
  const thursday = new Date(monday + 3 * DAY_MS)
  const year = thursday.getUTCFullYear()
  const number = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1
  return weekFrom(`${year}-W${String(number).padStart(2, '0')}`, monday)
}

/** The week a `YYYY-Www` names; null when it is not one (a bad form, week 0, week 53 of a 52-week year). */
export function parseIsoWeek(text: string): IsoWeek | null {
  const match = WEEK_PATTERN.exec(text)
  if (!match) return null
  const year = Number(match[1])
  const number = Number(match[2])
  if (number < 1 || number > weeksInYear(year)) return null
  const january4 = Date.UTC(year, 0, 4)
  const firstMonday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS
  return weekFrom(text, firstMonday + (number - 1) * 7 * DAY_MS)
}

/** The last week that has ended by `now` (epoch ms): the week before the one `now` is in. */
export function lastFullIsoWeek(now: number): IsoWeek {
  return isoWeekOf(new Date(now - 7 * DAY_MS).toISOString().slice(0, 10))
}

/** 52 or 53: a year has 53 weeks when 28 December falls in week 53. */
export function weeksInYear(year: number): number {
  const december28 = Date.UTC(year, 11, 28)
  const weekday = (new Date(december28).getUTCDay() + 6) % 7
  const thursday = december28 - weekday * DAY_MS + 3 * DAY_MS
  return Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1
}

function weekFrom(week: string, monday: number): IsoWeek {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  return { week, from: day(monday), to: day(monday + 7 * DAY_MS) }
}
