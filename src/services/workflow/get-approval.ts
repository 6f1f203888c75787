import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { withDecisions, type ApprovalRequest } from './approval-request-record.ts'

export type GetApprovalOptions = { store: Store; requestId: string }

export async function getApproval({ store, requestId }: GetApprovalOptions): Promise<ApprovalRequest> {
  const row = await store.db.selectFrom('approval_requests').selectAll().where('id', '=', requestId).executeTakeFirst()
  if (!row) throw new AppError('not_found', `no approval request ${requestId}`)
  return (await withDecisions(store.db, [row]))[0]!
}
