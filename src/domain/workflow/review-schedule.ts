import type { ReviewFrequency } from '../policy/risk-policy.ts'

/**
 * Periodic reviews: a customer of a grade is reviewed every `every` days or months of the
 * policy's reviewFrequencyPerGrade, counted from its last review or assessment, whichever is
 * later. Dates are 'YYYY-MM-DD' (UTC calendar days).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

function parts(date: string): [number, number, number] {
  const match = DATE.exec(date)
  if (!match) throw new RangeError(`${date} is not a date as YYYY-MM-DD`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/**
 * The date `frequency` after `date`. Months are added on the calendar: the same day of the
 * month, or the month's last day when it has fewer days (31 January + 1 month = 28 or 29
 * February; 29 February + 12 months = 28 February).
 */
export function addFrequency(date: string, frequency: ReviewFrequency): string {
  const [year, month, day] = parts(date)
  if (!Number.isSafeInteger(frequency.every) || frequency.every < 1) throw new RangeError(`a review frequency is a whole number ≥ 1, not ${frequency.every}`)
  if (frequency.unit === 'days') return format(Date.UTC(year, month - 1, day) + frequency.every * DAY_MS)
  const monthIndex = month - 1 + frequency.every
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate()
  return format(Date.UTC(year, monthIndex, Math.min(day, lastDay)))
}

/** The UTC calendar date of an ISO-8601 time (or of a date). */
export function dateOf(time: string): string {
  if (DATE.test(time)) return time
  const ms = Date.parse(time)
  if (Number.isNaN(ms)) throw new RangeError(`${time} is not an ISO-8601 time`)
  return format(ms)
}

export type NextReviewInput = {
  grade: string
  frequencies: Readonly<Record<string, ReviewFrequency>>
  /** When the customer was last assessed (ISO-8601 time or date), or null. */
  lastAssessedAt: string | null
  /** When its last periodic review was completed, or null. */
  lastReviewedAt: string | null
}

export type NextReview =
  | { scheduled: true; dueOn: string; basedOn: string; frequency: ReviewFrequency }
  | { scheduled: false; reason: string }

/** When the customer's next review is due: its grade's frequency after the later of its last review and its last assessment. */
export function nextReview({ grade, frequencies, lastAssessedAt, lastReviewedAt }: NextReviewInput): NextReview {
  const frequency = frequencies[grade]
  if (!frequency) return { scheduled: false, reason: `the policy has no review frequency for grade ${grade}` }
  const dates = [lastAssessedAt, lastReviewedAt].filter((d): d is string => d !== null).map(dateOf)
  if (dates.length === 0) return { scheduled: false, reason: 'the customer was never assessed nor reviewed' }
  const basedOn = dates.reduce((a, b) => (a > b ? a : b))
  return { scheduled: true, dueOn: addFrequency(basedOn, frequency), basedOn, frequency }
}

/** A review is overdue from the day after it was due: on `dueOn` itself it is still on time. */
export function isReviewOverdue(dueOn: string, now: Date): boolean {
  parts(dueOn)
  return format(now.getTime()) > dueOn
}

/** Days past due at `now` (0 when not overdue). */
export function daysOverdue(dueOn: string, now: Date): number {
  const [year, month, day] = parts(dueOn)
  const today = Date.parse(`${format(now.getTime())}T00:00:00Z`)
  return Math.max(0, Math.round((today - Date.UTC(year, month - 1, day)) / DAY_MS))
}
