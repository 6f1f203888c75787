import { AppError, invalidField } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { isRole } from '../../domain/identity/index.ts'
import { decide, type ApprovalDecisionKind } from '../../domain/workflow/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { contractKind } from '../../store/repositories/customer-record-kinds.ts'
import { findRecord, updateRecord } from '../../store/repositories/customer-records.ts'
import type { Transaction, Kysely } from 'kysely'
import type { Database } from '../../store/schema.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { overrideRating } from '../assessments/override-rating.ts'
import { currentCreditLimit } from '../controls/current-credit-limit.ts'
import type { HeldCustomers } from '../controls/held-customers.ts'
import { liftCreditHold } from '../controls/lift-credit-hold.ts'
import { approvalStateOf, withDecisions, type ApprovalRequest } from './approval-request-record.ts'

export type DecideApprovalOptions = {
  store: Store
  /** The signed-in user deciding; their role is read from the store. */
  userId: string
  requestId: string
  decision: ApprovalDecisionKind
  /** Why; required to reject. */
  note?: string | null
  /** The server's in-memory credit holds, told when a hold release lifts a hold. */
  held?: Pick<HeldCustomers, 'delete'>
  now?: () => Date
}

/**
 * One approver's decision. Refused (403) for the requester and for a user without the
 * required role; (409) when the request is not pending or the user already decided. When
 * enough different approvers approved, the request is applied in the same transaction:
 * - limit_change: the customer's credit limit where the platform keeps it, the newest active
 *   contract with a limit (contract.updated); without one the approved limit stands on the
 *   request (the lifecycle reads it as the approved limit);
 * - rating_override: the override service, with the requester as who overrode;
 * - hold_release: the lift-credit-hold service, with the request's note;
 * - onboarding: nothing more; the approval lets the customer become active.
 * Audited as approval.approved (each approval) and approval.decided (when the request's status changes).
 */
export async function decideApproval({ store, userId, requestId, decision, note = null, held, now = () => new Date() }: DecideApprovalOptions): Promise<ApprovalRequest> {
  const text = typeof note === 'string' && note.trim() !== '' ? note.trim() : null
  if (decision === 'rejected' && text === null) throw invalidField('note', 'must say why the request is rejected')
  const actor: Actor = { kind: 'user', userId }
  const by = actorLabel(actor)
  let liftedHoldOf: string | null = null
  const result = await withTransaction(store.db, async (trx) => {
    const user = await trx.selectFrom('users').select(['role']).where('id', '=', userId).executeTakeFirst()
    if (!user || !isRole(user.role)) throw new AppError('forbidden', 'only a user with a role decides requests')
    let select = trx.selectFrom('approval_requests').selectAll().where('id', '=', requestId)
    if (store.dialect === 'postgres') select = select.forUpdate()
    const row = await select.executeTakeFirst()
    if (!row) throw new AppError('not_found', `no approval request ${requestId}`)
    const [before] = await withDecisions(trx, [row])
    const outcome = decide(approvalStateOf(before!), { by, role: user.role }, decision)
    if (!outcome.ok) throw new AppError(outcome.code, outcome.reason)

    const at = now().toISOString()
    await trx.insertInto('approval_decisions').values({ request_id: requestId, user_id: userId, decision, note: text, at }).execute()
    await appendAuditEntry(trx, {
      actor: by,
      action: `approval.${decision}`,
      entity: 'approval_request',
      entityId: requestId,
      after: { requestId, customerId: before!.customerId, kind: before!.kind, decision, note: text, approvals: outcome.approvals, approversNeeded: before!.approversNeeded } as JsonValue,
      at,
    })
    if (outcome.status === 'pending') return (await withDecisions(trx, [row]))[0]!

    let applied: Record<string, JsonValue> | null = null
    if (outcome.status === 'approved') {
      applied = await apply(trx, store, before!, actor)
      if (before!.kind === 'hold_release') liftedHoldOf = before!.customerId
    }
    await trx
      .updateTable('approval_requests')
      .set({ status: outcome.status, decided_at: at, outcome: applied === null ? null : canonicalJson(applied) })
      .where('id', '=', requestId)
      .execute()
    const updated = await trx.selectFrom('approval_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow()
    const [after] = await withDecisions(trx, [updated])
    await appendAuditEntry(trx, { actor: by, action: 'approval.decided', entity: 'approval_request', entityId: requestId, before: before as unknown as JsonValue, after: after as unknown as JsonValue, at })
    return after!
  })
  if (liftedHoldOf !== null) held?.delete(liftedHoldOf)
  return result
}

function actorOf(label: string): Actor {
  if (label.startsWith('user:')) return { kind: 'user', userId: label.slice('user:'.length) }
  if (label.startsWith('cli:')) return { kind: 'cli', name: label.slice('cli:'.length) }
  return { kind: 'system' }
}

async function apply(trx: Transaction<Database> | Kysely<Database>, store: Store, request: ApprovalRequest, approver: Actor): Promise<Record<string, JsonValue>> {
  const inTransaction: Store = { ...store, db: trx }
  const { payload, customerId } = request
  switch (request.kind) {
    case 'limit_change': {
      const limit = payload.limit as { amount: number; currency: string }
      const current = await currentCreditLimit(trx, customerId)
      if (!current) return { applied: 'approved_limit', limit, reason: 'no active contract carries a limit: the approved limit stands on the request' }
      if (current.currency !== limit.currency) throw new AppError('conflict', `the customer's limit is in ${current.currency}, the request in ${limit.currency}: reject it and ask again in ${current.currency}`)
      const contract = await findRecord(trx, contractKind, customerId, current.contractId)
      const at = new Date().toISOString()
      const changed = await updateRecord(trx, contractKind, current.contractId, { credit_limit: limit.amount, updated_at: at })
      await appendAuditEntry(trx, { actor: actorLabel(approver), action: 'contract.updated', entity: 'contract', entityId: current.contractId, before: contract as unknown as JsonValue, after: changed as unknown as JsonValue, at })
      return { applied: 'contract_limit', contractId: current.contractId, before: { amount: current.amount, currency: current.currency }, after: limit }
    }
    case 'rating_override': {
      const assessment = await overrideRating({
        store: inTransaction,
        actor: actorOf(request.requestedBy),
        assessmentId: String(payload.assessmentId),
        grade: String(payload.grade),
        justification: String(payload.justification),
      })
      return { applied: 'rating_override', assessmentId: assessment.id, finalGrade: assessment.finalGrade }
    }
    case 'hold_release': {
      const hold = await liftCreditHold({ store: inTransaction, actor: approver, customerId, note: request.note ?? 'released by approval' })
      return { applied: 'hold_lifted', holdId: hold.id }
    }
    case 'onboarding':
      return { applied: 'onboarding_approved' }
  }
}
