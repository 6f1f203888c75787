import type { ControlReason } from '../domain/alerts/control-policy.ts'

/** What the control policy did to a customer, as services and the API show it (docs/alerts.md), shared with the web UI. */
export type CreditHold = {
  id: string
  customerId: string
  reason: string
  alertId: string | null
  placedAt: string
  placedBy: string
  liftedAt: string | null
  liftedBy: string | null
  liftNote: string | null
}

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
