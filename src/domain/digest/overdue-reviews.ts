import type { ReviewFrequency } from '../policy/risk-policy.ts'

/**
 * Whose periodic review is overdue: a customer is reviewed every so often by its grade (the
 * policy's review frequency); its review is due that long after its latest assessment, and
 * overdue when the due day is before `asOf`. A grade without a frequency is never overdue.
 * Months are calendar months, the day kept or, in a shorter month, its last day
 * (31 January + 1 month = 28 or 29 February).
 */
export type GradedCustomer = { customerId: string; grade: string; assessedAt: string }

export type OverdueReview = GradedCustomer & { dueOn: string }

export type OverdueReviewsOptions = {
  customers: readonly GradedCustomer[]
  frequency: Readonly<Record<string, ReviewFrequency>>
  /** ISO time. */
  asOf: string
}

/** The overdue reviews, longest overdue first (ties by customer id). */
export function overdueReviews({ customers, frequency, asOf }: OverdueReviewsOptions): OverdueReview[] {
  const today = asOf.slice(0, 10)
  const overdue: OverdueReview[] = []
  for (const customer of customers) {
    const every = frequency[customer.grade]
    if (!every) continue
    const dueOn = reviewDueOn(customer.assessedAt.slice(0, 10), every)
    if (dueOn < today) overdue.push({ ...customer, dueOn })
  }
  return overdue.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0))
}

/** The day (YYYY-MM-DD) a review is due after one on `day`. */
export function reviewDueOn(day: string, { every, unit }: ReviewFrequency): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  if (unit === 'days') return new Date(Date.UTC(year, month - 1, date) + every * 86_400_000).toISOString().slice(0, 10)
  const target = Date.UTC(year, month - 1 + every, 1)
  const lastDay = new Date(Date.UTC(new Date(target).getUTCFullYear(), new Date(target).getUTCMonth() + 1, 0)).getUTCDate()
  return new Date(target + (Math.min(date, lastDay) - 1) * 86_400_000).toISOString().slice(0, 10)
}
