import { AppError, invalidField } from '../../app-error.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntries, type AuditRecord } from '../../store/repositories/audit-ledger.ts'
import { contractKind } from '../../store/repositories/customer-record-kinds.ts'
import { findRecord, updateRecord } from '../../store/repositories/customer-records.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { enqueueWebhookEvents } from '../webhooks/enqueue-webhook-event.ts'
import { limitProposalFromRow, type LimitProposal } from './limit-proposal.ts'

export type DecideLimitProposalOptions = { store: Store; actor: Actor; proposalId: string; decision: 'accepted' | 'rejected'; note?: string | null }

/**
 * Accepts or rejects a proposed limit cut. Accepting sets the contract's credit limit to the
 * proposed limit (contract.updated) — refused when the contract's limit is no longer the one
 * the proposal cut, or the contract is no longer active; rejecting needs a note saying why.
 * Audited as limit_proposal.accepted or limit_proposal.rejected and queued for the webhooks.
 */
export async function decideLimitProposal({ store, actor, proposalId, decision, note = null }: DecideLimitProposalOptions): Promise<LimitProposal> {
  const text = typeof note === 'string' && note.trim() !== '' ? note.trim() : null
  if (decision === 'rejected' && text === null) throw invalidField('note', 'must say why the proposal is rejected')
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    let select = trx.selectFrom('limit_proposals').selectAll().where('id', '=', proposalId)
    if (store.dialect === 'postgres') select = select.forUpdate()
    const row = await select.executeTakeFirst()
    if (!row) throw new AppError('not_found', `no limit proposal ${proposalId}`)
    const before = limitProposalFromRow(row)
    if (before.status !== 'proposed') throw new AppError('conflict', `limit proposal ${proposalId} is already ${before.status}`)
    const at = new Date().toISOString()
    const audit: AuditRecord[] = []
    if (decision === 'accepted') {
      const contract = await findRecord(trx, contractKind, before.customerId, before.contractId)
      if (!contract || contract.status !== 'active') throw new AppError('conflict', `contract ${before.contractId} is no longer active: the proposal cannot be applied`)
      if (contract.creditLimit !== before.currentLimit.amount || contract.currency !== before.currentLimit.currency) {
        throw new AppError('conflict', `the contract's limit changed since the proposal (now ${contract.creditLimit} ${contract.currency}); reject this proposal and decide afresh`)
      }
      const changed = await updateRecord(trx, contractKind, contract.id, { credit_limit: before.proposedLimit.amount, updated_at: at })
      audit.push({ actor: by, action: 'contract.updated', entity: 'contract', entityId: contract.id, before: contract as unknown as JsonValue, after: changed as unknown as JsonValue, at })
    }
    const after: LimitProposal = { ...before, status: decision, decidedAt: at, decidedBy: by, note: text }
    await trx.updateTable('limit_proposals').set({ status: decision, decided_at: at, decided_by: by, note: text }).where('id', '=', proposalId).execute()
    audit.push({ actor: by, action: `limit_proposal.${decision}`, entity: 'limit_proposal', entityId: proposalId, before: before as unknown as JsonValue, after: after as unknown as JsonValue, at })
    await appendAuditEntries(trx, audit)
    await enqueueWebhookEvents(trx, { at, events: [{ event: decision === 'accepted' ? 'limit_proposal.accepted' : 'limit_proposal.rejected', data: after }] })
    return after
  })
}
