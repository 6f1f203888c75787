import { AppError, invalidField } from '../../app-error.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { enqueueWebhookEvents } from '../webhooks/enqueue-webhook-event.ts'
import { creditHoldFromRow, type CreditHold } from './credit-hold.ts'
import type { HeldCustomers } from './held-customers.ts'

export type LiftCreditHoldOptions = { store: Store; actor: Actor; customerId: string; note: string; held?: Pick<HeldCustomers, 'delete'> }

/**
 * Lifts the customer's active credit hold with a note saying why: its next sale is answered
 * allowed again. Audited as credit_hold.lifted and queued for the webhooks.
 */
export async function liftCreditHold({ store, actor, customerId, note, held }: LiftCreditHoldOptions): Promise<CreditHold> {
  if (typeof note !== 'string' || note.trim() === '') throw invalidField('note', 'must say why the hold is lifted')
  const by = actorLabel(actor)
  const lifted = await withTransaction(store.db, async (trx) => {
    let select = trx.selectFrom('credit_holds').selectAll().where('customer_id', '=', customerId).where('lifted_at', 'is', null)
    if (store.dialect === 'postgres') select = select.forUpdate()
    const row = await select.executeTakeFirst()
    if (!row) throw new AppError('not_found', `customer ${customerId} has no active credit hold`)
    const before = creditHoldFromRow(row)
    const at = new Date().toISOString()
    const after: CreditHold = { ...before, liftedAt: at, liftedBy: by, liftNote: note.trim() }
    await trx.updateTable('credit_holds').set({ lifted_at: at, lifted_by: by, lift_note: after.liftNote }).where('id', '=', row.id).execute()
    await appendAuditEntry(trx, { actor: by, action: 'credit_hold.lifted', entity: 'credit_hold', entityId: row.id, before: before as unknown as JsonValue, after: after as unknown as JsonValue, at })
    await enqueueWebhookEvents(trx, { at, events: [{ event: 'credit_hold.lifted', data: after }] })
    return after
  })
  held?.delete(customerId)
  return lifted
}
