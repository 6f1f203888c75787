import type { Kysely } from 'kysely'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Role } from '../../domain/identity/index.ts'
import type { ApprovalDecisionKind, ApprovalKind, ApprovalState, ApprovalStatus } from '../../domain/workflow/index.ts'
import type { ApprovalDecision, ApprovalRequest } from '../../schemas/workflow.ts'
import type { ApprovalRequestTable, Database } from '../../store/schema.ts'

export type { ApprovalDecision, ApprovalRequest }

export function approvalRequestFromRow(row: ApprovalRequestTable, decisions: ApprovalDecision[]): ApprovalRequest {
  return {
    id: row.id,
    kind: row.kind as ApprovalKind,
    customerId: row.customer_id,
    payload: JSON.parse(row.payload) as Record<string, JsonValue>,
    amount: { amount: Number(row.amount), currency: row.currency },
    grade: row.grade,
    policyVersion: Number(row.policy_version),
    requiredRole: row.required_role as Role,
    approversNeeded: Number(row.approvers_needed),
    routeExplanation: row.route_explanation,
    status: row.status as ApprovalStatus,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedAt: row.decided_at,
    note: row.note,
    outcome: row.outcome === null ? null : (JSON.parse(row.outcome) as Record<string, JsonValue>),
    decisions,
  }
}

/** The decisions on the requests, oldest first, by request id. */
export async function decisionsOf(db: Kysely<Database>, requestIds: readonly string[]): Promise<Map<string, ApprovalDecision[]>> {
  const byRequest = new Map<string, ApprovalDecision[]>(requestIds.map((id) => [id, []]))
  if (requestIds.length === 0) return byRequest
  const rows = await db.selectFrom('approval_decisions').selectAll().where('request_id', 'in', [...requestIds]).orderBy('at').orderBy('user_id').execute()
  for (const row of rows) byRequest.get(row.request_id)?.push({ userId: row.user_id, decision: row.decision as ApprovalDecisionKind, note: row.note, at: row.at })
  return byRequest
}

export async function withDecisions(db: Kysely<Database>, rows: readonly ApprovalRequestTable[]): Promise<ApprovalRequest[]> {
  const decisions = await decisionsOf(db, rows.map((r) => r.id))
  return rows.map((row) => approvalRequestFromRow(row, decisions.get(row.id) ?? []))
}

/** The domain's view of a request, to decide on. */
export function approvalStateOf(request: ApprovalRequest): ApprovalState {
  return {
    status: request.status,
    requestedBy: request.requestedBy,
    requiredRole: request.requiredRole,
    approversNeeded: request.approversNeeded,
    decisions: request.decisions.map((d) => ({ by: `user:${d.userId}`, decision: d.decision })),
  }
}
