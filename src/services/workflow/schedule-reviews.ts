import { randomUUID } from 'node:crypto'
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
import { reviewFromRow } from './review-record.ts'

export type ScheduleReviewsOptions = { store: Store; now: () => Date; actor?: Actor }

export type ScheduleReviewsResult = {
  policyVersion: number
  scheduled: number
  rescheduled: number
  cancelled: number
  unchanged: number
  /** Active customers without a review, and why (never assessed, no frequency for the grade). */
  skipped: { customerId: string; reason: string }[]
}

/**
 * Ensures every active customer has one scheduled review, due per its current grade's
 * frequency in the ACTIVE policy, counted from its last assessment or completed review,
 * whichever is later (review-schedule.ts). Idempotent: a review whose due date and grade
 * still hold is left alone; one whose grade or the policy's frequency changed is moved
 * (review.rescheduled; an open task its overdue alert opened is cancelled). The scheduled reviews of closed customers are cancelled. Audited
 * per review (review.scheduled, review.rescheduled, review.cancelled), in one transaction.
 */
export async function scheduleReviews({ store, now, actor = { kind: 'system' } }: ScheduleReviewsOptions): Promise<ScheduleReviewsResult> {
  const policy = await activePolicy(store)
  const frequencies = policy.policy.reviewFrequencyPerGrade
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const at = now().toISOString()
    const customers = await trx.selectFrom('customers').select(['id', 'status']).where('status', 'in', ['active', 'closed']).orderBy('id').execute()
    const active = customers.filter((c) => c.status === 'active').map((c) => c.id)
    const closed = new Set(customers.filter((c) => c.status === 'closed').map((c) => c.id))
    const latest = await latestAssessments(trx)
    const lastReviews = new Map(
      (await trx.selectFrom('reviews').select(['customer_id', (eb) => eb.fn.max('completed_at').as('last')]).where('status', '=', 'done').groupBy('customer_id').execute()).map((r) => [r.customer_id, r.last as string | null]),
    )
    const existing = new Map((await trx.selectFrom('reviews').selectAll().where('status', '=', 'scheduled').execute()).map((r) => [r.customer_id, r]))
    const result: ScheduleReviewsResult = { policyVersion: policy.version, scheduled: 0, rescheduled: 0, cancelled: 0, unchanged: 0, skipped: [] }
    const audit: AuditRecord[] = []
    const inserts: ReviewTable[] = []

    for (const customerId of active) {
      const assessment = latest.get(customerId)
      const current = existing.get(customerId)
      if (!assessment?.grade) {
        result.skipped.push({ customerId, reason: assessment ? 'the newest assessment gave no grade' : 'the customer was never assessed' })
        continue
      }
      const next = nextReview({ grade: assessment.grade, frequencies, lastAssessedAt: assessment.createdAt, lastReviewedAt: lastReviews.get(customerId) ?? null })
      if (!next.scheduled) {
        result.skipped.push({ customerId, reason: next.reason })
        continue
      }
      const frequency = canonicalJson(next.frequency as unknown as JsonValue)
      if (current && current.due_on === next.dueOn && current.grade === assessment.grade) {
        result.unchanged += 1
        continue
      }
      if (current) {
        // The due date moved: the task an overdue alert opened for the old date is cancelled.
        if (current.overdue_task_id) {
          const task = await findRecord(trx, taskKind, customerId, current.overdue_task_id)
          if (task && task.status === 'open') {
            const cancelled = await updateRecord(trx, taskKind, task.id, { status: 'cancelled', updated_at: at })
            audit.push({ actor: by, action: 'task.updated', entity: 'task', entityId: task.id, before: task as unknown as JsonValue, after: cancelled as unknown as JsonValue, at })
          }
        }
        const changes = { due_on: next.dueOn, based_on: next.basedOn, grade: assessment.grade, frequency, policy_version: policy.version, overdue_alerted_at: null, overdue_task_id: null }
        await trx.updateTable('reviews').set(changes).where('id', '=', current.id).execute()
        const before = reviewFromRow(current, now())
        const after = reviewFromRow({ ...current, ...changes }, now())
        audit.push({ actor: by, action: 'review.rescheduled', entity: 'review', entityId: current.id, before: before as unknown as JsonValue, after: after as unknown as JsonValue, at })
        result.rescheduled += 1
        continue
      }
      const row: ReviewTable = {
        id: randomUUID(),
        customer_id: customerId,
        due_on: next.dueOn,
        based_on: next.basedOn,
        grade: assessment.grade,
        frequency,
        policy_version: policy.version,
        status: 'scheduled',
        scheduled_at: at,
        completed_by: null,
        completed_at: null,
        outcome: null,
        overdue_alerted_at: null,
        overdue_task_id: null,
      }
      inserts.push(row)
      audit.push({ actor: by, action: 'review.scheduled', entity: 'review', entityId: row.id, after: reviewFromRow(row, now()) as unknown as JsonValue, at })
      result.scheduled += 1
    }
    for (const [customerId, row] of existing) {
      if (!closed.has(customerId)) continue
      await trx.updateTable('reviews').set({ status: 'cancelled' }).where('id', '=', row.id).execute()
      audit.push({ actor: by, action: 'review.cancelled', entity: 'review', entityId: row.id, before: reviewFromRow(row, now()) as unknown as JsonValue, after: reviewFromRow({ ...row, status: 'cancelled' }, now()) as unknown as JsonValue, at })
      result.cancelled += 1
    }
    for (let i = 0; i < inserts.length; i += 500) await trx.insertInto('reviews').values(inserts.slice(i, i + 500)).execute()
    await appendAuditEntries(trx, audit)
    return result
  })
}
