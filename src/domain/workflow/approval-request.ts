import type { Role } from '../identity/permissions.ts'
import { approvalRoute } from '../policy/approval-route.ts'
import type { ApprovalMatrix } from '../policy/risk-policy.ts'

/**
 * Approval requests: someone asks, the approval matrix of the active policy says which role
 * approves and how many different people of it must; a request is pending until enough of
 * them approve (approved), one of them rejects (rejected) or its requester withdraws it
 * (cancelled). The requester never decides their own request, and one person counts once.
 */
export const APPROVAL_KINDS = ['limit_change', 'rating_override', 'onboarding', 'hold_release'] as const
export type ApprovalKind = (typeof APPROVAL_KINDS)[number]

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number]

export const APPROVAL_DECISIONS = ['approved', 'rejected'] as const
export type ApprovalDecisionKind = (typeof APPROVAL_DECISIONS)[number]

/** The request kind the approval matrix's rules name for each kind (a limit change is the matrix's `credit_limit`). */
export const MATRIX_REQUEST_KIND: Readonly<Record<ApprovalKind, string>> = {
  limit_change: 'credit_limit',
  rating_override: 'rating_override',
  onboarding: 'onboarding',
  hold_release: 'hold_release',
}

/**
 * Who approves a kind the matrix has no rule for at all (the default policy routes only
 * credit limits): one risk manager. A matrix that has rules for the kind but none that takes
 * the request is not overridden by this: the request is refused.
 */
export const FALLBACK_ROUTE: { role: Role; approvers: number } = { role: 'risk_manager', approvers: 1 }

export type ApprovalState = {
  status: ApprovalStatus
  /** Who asked (an actor label, `user:<id>`). */
  requestedBy: string
  requiredRole: Role
  approversNeeded: number
  decisions: readonly { by: string; decision: ApprovalDecisionKind }[]
}

export type Decider = { by: string; role: Role }

export type DecisionOutcome =
  | { ok: true; status: ApprovalStatus; approvals: number }
  | { ok: false; code: 'forbidden' | 'conflict'; reason: string }

/** The different people who approved. */
export function approvalsOf(state: Pick<ApprovalState, 'decisions'>): number {
  return new Set(state.decisions.filter((d) => d.decision === 'approved').map((d) => d.by)).size
}

/** Whether `decider` may decide the request now, and why not. */
export function decisionRefusal(state: ApprovalState, decider: Decider): { code: 'forbidden' | 'conflict'; reason: string } | null {
  if (state.status !== 'pending') return { code: 'conflict', reason: `the request is ${state.status}, not pending` }
  if (decider.by === state.requestedBy) return { code: 'forbidden', reason: 'the requester cannot decide their own request' }
  if (decider.role !== state.requiredRole) return { code: 'forbidden', reason: `the request needs approvers of the role ${state.requiredRole}, you are ${decider.role}` }
  if (state.decisions.some((d) => d.by === decider.by)) return { code: 'conflict', reason: 'you have already decided this request' }
  return null
}

/**
 * One decision: an approval counts the decider once and approves the request when enough
 * different people approved; a rejection rejects it.
 */
export function decide(state: ApprovalState, decider: Decider, decision: ApprovalDecisionKind): DecisionOutcome {
  const refusal = decisionRefusal(state, decider)
  if (refusal) return { ok: false, ...refusal }
  const approvals = approvalsOf({ decisions: [...state.decisions, { by: decider.by, decision }] })
  if (decision === 'rejected') return { ok: true, status: 'rejected', approvals }
  return { ok: true, status: approvals >= state.approversNeeded ? 'approved' : 'pending', approvals }
}

/** Only the requester withdraws, and only a pending request. */
export function cancelRefusal(state: Pick<ApprovalState, 'status' | 'requestedBy'>, by: string): { code: 'forbidden' | 'conflict'; reason: string } | null {
  if (state.status !== 'pending') return { code: 'conflict', reason: `the request is ${state.status}, not pending` }
  if (by !== state.requestedBy) return { code: 'forbidden', reason: 'only the requester can cancel a request' }
  return null
}

export type RouteInput = { kind: ApprovalKind; amount: number; currency: string; grade: string | null }

export type WorkflowRoute = { routed: true; role: Role; approvers: number; explanation: string } | { routed: false; reason: string }

/**
 * Who must approve a request of the kind under the matrix (approvalRoute), or the fallback
 * when the matrix names no rule of the kind at all. An ungraded customer is routed as grade
 * "" (only rules naming no grades take it).
 */
export function routeApproval(matrix: ApprovalMatrix, { kind, amount, currency, grade }: RouteInput): WorkflowRoute {
  const requestKind = MATRIX_REQUEST_KIND[kind]
  if (!matrix.rules.some((rule) => rule.requestKind === requestKind)) {
    const { role, approvers } = FALLBACK_ROUTE
    return { routed: true, role, approvers, explanation: `the approval matrix has no rule for ${requestKind} requests: the fallback applies (${approvers} ${role} must approve)` }
  }
  const route = approvalRoute(matrix, { requestKind, amount, currency, grade: grade ?? '' })
  if (!route.routed) return route
  return { routed: true, role: route.role, approvers: route.approvers, explanation: route.explanation }
}
