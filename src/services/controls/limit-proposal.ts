import type { ControlReason } from '../../domain/alerts/control-policy.ts'
import type { ControlReviewTable, LimitProposalTable } from '../../store/schema.ts'

export const LIMIT_PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected'] as const
export type LimitProposalStatus = (typeof LIMIT_PROPOSAL_STATUSES)[number]

/** A proposal to cut a customer's credit limit, set off by an alert under the control policy. */
export type LimitProposal = {
  id: string
  customerId: string
  contractId: string
  caseId: string | null
  alertId: string | null
  currentLimit: { amount: number; currency: string }
  proposedLimit: { amount: number; currency: string }
  cutPercent: number
  reason: string
  reasons: ControlReason[]
  status: LimitProposalStatus
  proposedAt: string
  proposedBy: string
  decidedAt: string | null
  decidedBy: string | null
  note: string | null
}

/** A review the control policy started: the customer set under review and a task due. */
export type ControlReview = {
  id: string
  customerId: string
  caseId: string | null
  alertId: string | null
  taskId: string
  statusBefore: string
  dueOn: string
  reason: string
  reasons: ControlReason[]
  triggeredAt: string
  triggeredBy: string
}

export function limitProposalFromRow(row: LimitProposalTable): LimitProposal {
  return {
    id: row.id,
    customerId: row.customer_id,
    contractId: row.contract_id,
    caseId: row.case_id,
    alertId: row.alert_id,
    currentLimit: { amount: Number(row.current_limit), currency: row.currency },
    proposedLimit: { amount: Number(row.proposed_limit), currency: row.currency },
    cutPercent: Number(row.cut_percent),
    reason: row.reason,
    reasons: JSON.parse(row.reasons) as ControlReason[],
    status: row.status as LimitProposalStatus,
    proposedAt: row.proposed_at,
    proposedBy: row.proposed_by,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    note: row.note,
  }
}

export function controlReviewFromRow(row: ControlReviewTable): ControlReview {
  return {
    id: row.id,
    customerId: row.customer_id,
    caseId: row.case_id,
    alertId: row.alert_id,
    taskId: row.task_id,
    statusBefore: row.status_before,
    dueOn: row.due_on,
    reason: row.reason,
    reasons: JSON.parse(row.reasons) as ControlReason[],
    triggeredAt: row.triggered_at,
    triggeredBy: row.triggered_by,
  }
}
