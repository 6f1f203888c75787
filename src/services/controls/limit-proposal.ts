import type { ControlReason } from '../../domain/alerts/control-policy.ts'
import type { ControlReview, LimitProposal, LimitProposalStatus } from '../../schemas/controls.ts'
import type { ControlReviewTable, LimitProposalTable } from '../../store/schema.ts'

export { LIMIT_PROPOSAL_STATUSES, type ControlReview, type LimitProposal, type LimitProposalStatus } from '../../schemas/controls.ts'

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
