import { DAY_MS, HOUR_MS } from '../../domain/monitoring/activity.ts'

/**
 * The generated period, day by day. Days are UTC dates; customers work on China time
 * (UTC+8), so a local working day 08:00–20:00 falls inside the same UTC date.
 */
export type Window = {
  /** Midnight UTC of the first day. */
  start: number
  /** Midnight UTC of the day after the last (exclusive). */
  end: number
  days: number
  /** How busy each day is for everyone: weekday, season, month end, public holidays. */
  dayFactor: readonly number[]
  isBusinessDay: readonly boolean[]
  /** Window day of the first of each month, from the window's first month to two months past its end. */
  monthStarts: readonly number[]
}

export type Interval = { from: number; to: number }

const LOCAL_OFFSET_HOURS = 8
// Sunday … Saturday
const WEEKDAY = [0.04, 1.1, 1, 1, 1, 0.95, 0.12]
// January … December: the Spring Festival empties February, the year-end rush fills December.
const MONTH = [1, 0.6, 1, 1, 0.95, 1.05, 0.95, 0.95, 1.05, 0.85, 1.1, 1.2]
// Fixed-date public holidays (month, first day, last day); the lunar ones are in MONTH.
const HOLIDAYS: [number, number, number][] = [
  [1, 1, 1],
  [5, 1, 5],
  [10, 1, 7],
]

export function createWindow(from: string, months: number): Window {
  if (!/^\d{4}-\d{2}-\d{2}/.test(from) || Number.isNaN(Date.parse(from.slice(0, 10)))) throw new RangeError(`from must be an ISO date (YYYY-MM-DD), got ${from}`)
  if (!(Number.isInteger(months) && months >= 1 && months <= 60)) throw new RangeError(`months must be a whole number from 1 to 60, got ${months}`)
  const start = Date.parse(`${from.slice(0, 10)}T00:00:00Z`)
  const first = new Date(start)
  const end = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + months, first.getUTCDate())
  const days = Math.round((end - start) / DAY_MS)
  const dayFactor: number[] = []
  const isBusinessDay: boolean[] = []
  for (let day = 0; day < days; day += 1) {
    const date = new Date(start + day * DAY_MS)
    const [month, dom, weekday] = [date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCDay()]
    const lastDom = new Date(Date.UTC(date.getUTCFullYear(), month, 0)).getUTCDate()
    const holiday = HOLIDAYS.some(([m, a, b]) => m === month && dom >= a && dom <= b)
    const monthEnd = dom > lastDom - 3 ? 1.3 : 1
    dayFactor.push(WEEKDAY[weekday]! * MONTH[month - 1]! * monthEnd * (holiday ? 0.15 : 1))
    isBusinessDay.push(weekday >= 1 && weekday <= 5 && !holiday)
  }
  const monthStarts = Array.from({ length: months + 3 }, (_, m) => Math.round((Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1) - start) / DAY_MS))
  return { start, end, days, dayFactor, isBusinessDay, monthStarts }
}

/** The time `localHour` (China time, 8–20) on day `day` of the window. */
export function timeOn(window: Window, day: number, localHour: number): number {
  return window.start + day * DAY_MS + Math.round((localHour - LOCAL_OFFSET_HOURS) * HOUR_MS)
}

/** The window's day a time falls on. */
export function dayOf(window: Window, time: number): number {
  return Math.floor((time - window.start) / DAY_MS)
}

/** `day` itself when it is a business day, else the next one (possibly past the window). */
export function nextBusinessDay(window: Window, day: number): number {
  let d = Math.max(0, day)
  while (d < window.days && !window.isBusinessDay[d]) d += 1
  return d
}

/** The first day of the month `months` after the window's first month, as a window day. */
export function monthStartDay(window: Window, months: number): number {
  const known = window.monthStarts[months]
  if (known !== undefined) return known
  const first = new Date(window.start)
  return Math.round((Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + months, 1) - window.start) / DAY_MS)
}

export function isInside(intervals: readonly Interval[], time: number): boolean {
  return intervals.some((interval) => time >= interval.from && time < interval.to)
}

export function overlaps(intervals: readonly Interval[], from: number, to: number): boolean {
  return intervals.some((interval) => from < interval.to && to > interval.from)
}

export function iso(time: number): string {
  return new Date(time).toISOString()
}
