import type { ReviewFrequency } from '../../domain/policy/index.ts'
import { daysOverdue, isReviewOverdue } from '../../domain/workflow/index.ts'
import type { Review, ReviewStatus } from '../../schemas/workflow.ts'
import type { ReviewTable } from '../../store/schema.ts'

export { REVIEW_STATUSES, type Review, type ReviewStatus } from '../../schemas/workflow.ts'

export function reviewFromRow(row: ReviewTable & { customer_name?: string | null }, now: Date): Review {
  const overdue = row.status === 'scheduled' && isReviewOverdue(row.due_on, now)
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name ?? null,
    dueOn: row.due_on,
    basedOn: row.based_on,
    grade: row.grade,
    frequency: JSON.parse(row.frequency) as ReviewFrequency,
    policyVersion: Number(row.policy_version),
    status: row.status as ReviewStatus,
    overdue,
    daysOverdue: overdue ? daysOverdue(row.due_on, now) : 0,
    scheduledAt: row.scheduled_at,
    completedBy: row.completed_by,
    completedAt: row.completed_at,
    outcome: row.outcome,
    overdueAlertedAt: row.overdue_alerted_at,
    overdueTaskId: row.overdue_task_id,
  }
}
