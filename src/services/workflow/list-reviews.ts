import { dateOf } from '../../domain/workflow/index.ts'
import type { Store } from '../../store/open-store.ts'
import { reviewFromRow, type Review, type ReviewStatus } from './review-record.ts'

export type ListReviewsOptions = {
  store: Store
  now: () => Date
  /** Due on or after / on or before (YYYY-MM-DD). */
  from?: string
  to?: string
  /** true: only the overdue (scheduled and due before today); false: only those not overdue. */
  overdue?: boolean
  status?: ReviewStatus
  customerId?: string
  limit?: number
}

/** Periodic reviews by due date, with their customer's name and whether they are overdue. */
export async function listReviews({ store, now, from, to, overdue, status, customerId, limit = 1000 }: ListReviewsOptions): Promise<Review[]> {
  const date = now()
  const today = dateOf(date.toISOString())
  let query = store.db.selectFrom('reviews').innerJoin('customers', 'customers.id', 'reviews.customer_id').selectAll('reviews').select('customers.name as customer_name')
  if (from !== undefined) query = query.where('reviews.due_on', '>=', from)
  if (to !== undefined) query = query.where('reviews.due_on', '<=', to)
  if (status !== undefined) query = query.where('reviews.status', '=', status)
  if (customerId !== undefined) query = query.where('reviews.customer_id', '=', customerId)
  if (overdue === true) query = query.where('reviews.status', '=', 'scheduled').where('reviews.due_on', '<', today)
  if (overdue === false) query = query.where((eb) => eb.or([eb('reviews.status', '!=', 'scheduled'), eb('reviews.due_on', '>=', today)]))
  const rows = await query.orderBy('reviews.due_on').orderBy('reviews.id').limit(limit).execute()
  return rows.map((row) => reviewFromRow(row, date))
}
