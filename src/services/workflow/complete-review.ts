import { randomUUID } from 'node:crypto'
import { AppError, invalidField } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { nextReview } from '../../domain/workflow/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntries, type AuditRecord } from '../../store/repositories/audit-ledger.ts'
import { taskKind } from '../../store/repositories/customer-record-kinds.ts'
import { findRecord, updateRecord } from '../../store/repositories/customer-records.ts'
import type { ReviewTable } from '../../store/schema.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { activePolicy } from '../policy/active-policy.ts'
import { latestAssessments } from './customer-grade.ts'
import { reviewFromRow, type Review } from './review-record.ts'

export type CompleteReviewOptions = { store: Store; actor: Actor; reviewId: string; outcome: string; now?: () => Date }

/**
 * Completes a scheduled review with its outcome, closes the task its overdue alert opened, and
 * schedules the customer's next review (when it is active and graded) from today, per its
 * current grade in the active policy. Audited as review.completed (and task.updated,
 * review.scheduled).
 */
export async function completeReview({ store, actor, reviewId, outcome, now = () => new Date() }: CompleteReviewOptions): Promise<{ review: Review; next: Review | null }> {
  const text = typeof outcome === 'string' ? outcome.trim() : ''
  if (text === '') throw invalidField('outcome', 'must say what the review found')
  const by = actorLabel(actor)
  const policy = await activePolicy(store)
  return withTransaction(store.db, async (trx) => {
    const date = now()
    const at = date.toISOString()
    let select = trx.selectFrom('reviews').selectAll().where('id', '=', reviewId)
    if (store.dialect === 'postgres') select = select.forUpdate()
    const row = await select.executeTakeFirst()
    if (!row) throw new AppError('not_found', `no review ${reviewId}`)
    if (row.status !== 'scheduled') throw new AppError('conflict', `review ${reviewId} is ${row.status}, not scheduled`)
    const audit: AuditRecord[] = []
    const done: ReviewTable = { ...row, status: 'done', completed_by: by, completed_at: at, outcome: text }
    await trx.updateTable('reviews').set({ status: 'done', completed_by: by, completed_at: at, outcome: text }).where('id', '=', reviewId).execute()
    audit.push({ actor: by, action: 'review.completed', entity: 'review', entityId: reviewId, before: reviewFromRow(row, date) as unknown as JsonValue, after: reviewFromRow(done, date) as unknown as JsonValue, at })

    if (row.overdue_task_id) {
      const task = await findRecord(trx, taskKind, row.customer_id, row.overdue_task_id)
      if (task && task.status === 'open') {
        const changed = await updateRecord(trx, taskKind, task.id, { status: 'done', completed_at: at, updated_at: at })
        audit.push({ actor: by, action: 'task.updated', entity: 'task', entityId: task.id, before: task as unknown as JsonValue, after: changed as unknown as JsonValue, at })
      }
    }

    let next: Review | null = null
    const customer = await trx.selectFrom('customers').select('status').where('id', '=', row.customer_id).executeTakeFirst()
    const grade = (await latestAssessments(trx, [row.customer_id])).get(row.customer_id)?.grade ?? null
    if (customer?.status === 'active' && grade) {
      const planned = nextReview({ grade, frequencies: policy.policy.reviewFrequencyPerGrade, lastAssessedAt: null, lastReviewedAt: at })
      if (planned.scheduled) {
        const nextRow: ReviewTable = {
          id: randomUUID(),
          customer_id: row.customer_id,
          due_on: planned.dueOn,
          based_on: planned.basedOn,
          grade,
          frequency: canonicalJson(planned.frequency as unknown as JsonValue),
          policy_version: policy.version,
          status: 'scheduled',
          scheduled_at: at,
          completed_by: null,
          completed_at: null,
          outcome: null,
          overdue_alerted_at: null,
          overdue_task_id: null,
        }
        await trx.insertInto('reviews').values(nextRow).execute()
        next = reviewFromRow(nextRow, date)
        audit.push({ actor: by, action: 'review.scheduled', entity: 'review', entityId: nextRow.id, after: next as unknown as JsonValue, at })
      }
    }
    await appendAuditEntries(trx, audit)
    return { review: reviewFromRow(done, date), next }
  })
}
