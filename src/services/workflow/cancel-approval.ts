import { AppError } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { cancelRefusal } from '../../domain/workflow/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withDecisions, type ApprovalRequest } from './approval-request-record.ts'

export type CancelApprovalOptions = { store: Store; actor: Actor; requestId: string; note?: string | null; now?: () => Date }

/** The requester withdraws a pending request. Audited as approval.cancelled. */
export async function cancelApproval({ store, actor, requestId, note = null, now = () => new Date() }: CancelApprovalOptions): Promise<ApprovalRequest> {
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    let select = trx.selectFrom('approval_requests').selectAll().where('id', '=', requestId)
    if (store.dialect === 'postgres') select = select.forUpdate()
    const row = await select.executeTakeFirst()
    if (!row) throw new AppError('not_found', `no approval request ${requestId}`)
    const [before] = await withDecisions(trx, [row])
    const refusal = cancelRefusal(before!, by)
    if (refusal) throw new AppError(refusal.code, refusal.reason)
    const at = now().toISOString()
    const text = typeof note === 'string' && note.trim() !== '' ? note.trim() : null
    await trx.updateTable('approval_requests').set({ status: 'cancelled', decided_at: at, outcome: text === null ? null : canonicalJson({ cancelNote: text }) }).where('id', '=', requestId).execute()
    const [after] = await withDecisions(trx, [await trx.selectFrom('approval_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow()])
    await appendAuditEntry(trx, { actor: by, action: 'approval.cancelled', entity: 'approval_request', entityId: requestId, before: before as unknown as JsonValue, after: after as unknown as JsonValue, at })
    return after!
  })
}
