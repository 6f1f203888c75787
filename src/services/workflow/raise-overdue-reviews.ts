import { randomUUID } from 'node:crypto'
import type { JsonValue } from '../../domain/audit/index.ts'
import { dateOf } from '../../domain/workflow/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntries, type AuditRecord } from '../../store/repositories/audit-ledger.ts'
import { taskKind } from '../../store/repositories/customer-record-kinds.ts'
import { insertRecord } from '../../store/repositories/customer-records.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { reviewFromRow, type Review } from './review-record.ts'

export type RaiseOverdueReviewsOptions = { store: Store; now: () => Date; actor?: Actor }

/**
 * Raises each overdue review once: a task "Overdue periodic review" for the customer's owner
 * (unassigned when it has none), due today, and an audit entry review.overdue; the review
 * keeps when it was raised and the task, so it is never raised twice (until it is
 * rescheduled). The task is closed when the review is completed. Returns the reviews raised.
 */
export async function raiseOverdueReviews({ store, now, actor = { kind: 'system' } }: RaiseOverdueReviewsOptions): Promise<Review[]> {
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const date = now()
    const at = date.toISOString()
    const today = dateOf(at)
    const rows = await trx
      .selectFrom('reviews')
      .innerJoin('customers', 'customers.id', 'reviews.customer_id')
      .selectAll('reviews')
      .select(['customers.owner_id', 'customers.name as customer_name'])
      .where('reviews.status', '=', 'scheduled')
      .where('reviews.due_on', '<', today)
      .where('reviews.overdue_alerted_at', 'is', null)
      .orderBy('reviews.due_on')
      .execute()
    const audit: AuditRecord[] = []
    const raised: Review[] = []
    for (const { owner_id, ...row } of rows) {
      const task = await insertRecord(trx, taskKind, {
        id: randomUUID(),
        customer_id: row.customer_id,
        title: `Overdue periodic review (due ${row.due_on}, grade ${row.grade})`,
        description: `The periodic review of ${row.customer_name} was due on ${row.due_on}. Complete it on the reviews page.`,
        due_on: today,
        assignee_id: owner_id,
        status: 'open',
        created_by: by,
        completed_at: null,
        created_at: at,
        updated_at: at,
      })
      audit.push({ actor: by, action: 'task.created', entity: 'task', entityId: task.id, after: task as unknown as JsonValue, at })
      await trx.updateTable('reviews').set({ overdue_alerted_at: at, overdue_task_id: task.id }).where('id', '=', row.id).execute()
      const review = reviewFromRow({ ...row, overdue_alerted_at: at, overdue_task_id: task.id }, date)
      audit.push({ actor: by, action: 'review.overdue', entity: 'review', entityId: row.id, before: reviewFromRow(row, date) as unknown as JsonValue, after: review as unknown as JsonValue, at })
      raised.push(review)
    }
    await appendAuditEntries(trx, audit)
    return raised
  })
}
