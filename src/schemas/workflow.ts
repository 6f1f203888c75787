import type { JsonValue } from '../domain/audit/index.ts'
import type { Role } from '../domain/identity/index.ts'
import type { ReviewFrequency } from '../domain/policy/index.ts'
import type { ApprovalDecisionKind, ApprovalKind, ApprovalStatus } from '../domain/workflow/index.ts'

/** Approval requests and periodic reviews as services and the API show them (docs/workflow.md), shared with the web UI. */
export type ApprovalDecision = { userId: string; decision: ApprovalDecisionKind; note: string | null; at: string }

export type ApprovalRequest = {
  id: string
  kind: ApprovalKind
  customerId: string
  payload: Record<string, JsonValue>
  amount: { amount: number; currency: string }
  grade: string | null
  policyVersion: number
  requiredRole: Role
  approversNeeded: number
  routeExplanation: string
  status: ApprovalStatus
  requestedBy: string
  requestedAt: string
  decidedAt: string | null
  note: string | null
  outcome: Record<string, JsonValue> | null
  decisions: ApprovalDecision[]
}

export const REVIEW_STATUSES = ['scheduled', 'done', 'cancelled'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

/** A periodic review; `overdue` and `daysOverdue` are derived at the time it is read. */
export type Review = {
  id: string
  customerId: string
  customerName: string | null
  dueOn: string
  basedOn: string
  grade: string
  frequency: ReviewFrequency
  policyVersion: number
  status: ReviewStatus
  overdue: boolean
  daysOverdue: number
  scheduledAt: string
  completedBy: string | null
  completedAt: string | null
  outcome: string | null
  overdueAlertedAt: string | null
  overdueTaskId: string | null
}
