import { DAY_MS } from '../activity.ts'

/**
 * Day and month arithmetic on epoch milliseconds, in UTC.
 */

/** Whole days from `from` to `to`, truncated toward zero: 36 hours is 1 day, −12 hours is 0. */
export function wholeDaysBetween(from: number, to: number): number {
  return Math.trunc((to - from) / DAY_MS) + 0
}

/** Midnight UTC of the first day of the month `monthsBack` months before the month of `time`. */
export function monthStart(time: number, monthsBack = 0): number {
  const date = new Date(time)
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1)
}

/** The days in the UTC month that starts at `start`. */
export function daysInMonth(start: number): number {
  return Math.round((monthStart(start, -1) - start) / DAY_MS)
}

/** 'YYYY-MM' of the UTC month of `time`. */
export function monthLabel(time: number): string {
  return new Date(time).toISOString().slice(0, 7)
}

/**
 * The same time of day `months` calendar months earlier; a day the earlier month lacks
 * becomes its last day (31 March − 1 month = 28 or 29 February).
 */
export function monthsBefore(time: number, months: number): number {
  const date = new Date(time)
  const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1)
  const day = Math.min(date.getUTCDate(), daysInMonth(start))
  return start + (day - 1) * DAY_MS + (time - Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()))
}

export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}
