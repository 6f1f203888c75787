import type { Role } from '../../domain/identity/index.ts'
import type { ApprovalKind, ApprovalStatus } from '../../domain/workflow/index.ts'
import type { Store } from '../../store/open-store.ts'
import { withDecisions, type ApprovalRequest } from './approval-request-record.ts'

export const APPROVAL_VIEWS = ['inbox', 'mine', 'all'] as const
export type ApprovalView = (typeof APPROVAL_VIEWS)[number]

export type ListApprovalsOptions = {
  store: Store
  /** Who asks, and their role. */
  userId: string
  role: Role
  /** inbox: pending requests the user may decide (their role, not theirs, not decided yet); mine: the user's requests; all. */
  view: ApprovalView
  status?: ApprovalStatus
  kind?: ApprovalKind
  customerId?: string
  limit?: number
}

/** Approval requests, newest first, with their decisions. */
export async function listApprovals({ store, userId, role, view, status, kind, customerId, limit = 100 }: ListApprovalsOptions): Promise<ApprovalRequest[]> {
  const me = `user:${userId}`
  let query = store.db.selectFrom('approval_requests').selectAll()
  if (view === 'inbox') {
    query = query
      .where('status', '=', 'pending')
      .where('required_role', '=', role)
      .where('requested_by', '!=', me)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('approval_decisions as d').select('d.request_id').whereRef('d.request_id', '=', 'approval_requests.id').where('d.user_id', '=', userId))))
  }
  if (view === 'mine') query = query.where('requested_by', '=', me)
  if (status !== undefined) query = query.where('status', '=', status)
  if (kind !== undefined) query = query.where('kind', '=', kind)
  if (customerId !== undefined) query = query.where('customer_id', '=', customerId)
  const rows = await query.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
  return withDecisions(store.db, rows)
}
