import { AppError } from '../../app-error.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Customer, LifecycleStatus } from '../../domain/customers/index.ts'
import { transitionProblems } from '../../domain/workflow/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findCustomerById, toCustomer } from '../../store/repositories/customers.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import type { Database } from '../../store/schema.ts'
import type { Kysely } from 'kysely'
import { actorLabel, type Actor } from '../actor.ts'
import { readLifecycleFacts } from './lifecycle-facts.ts'

export type ChangeCustomerStatusOptions = { store: Store; actor: Actor; customerId: string; status: LifecycleStatus; note?: string | null; now?: () => Date }

/**
 * Moves a customer along its lifecycle after the domain's checks (lifecycle.ts): a move that is
 * not allowed, or that lacks something, is refused with 409 and one detail per missing item.
 * Audited as customer.status_changed with the customer before and after and the note.
 */
export async function changeCustomerStatus({ store, actor, customerId, status, note = null, now = () => new Date() }: ChangeCustomerStatusOptions): Promise<Customer> {
  const text = typeof note === 'string' && note.trim() !== '' ? note.trim() : null
  return withTransaction(store.db, async (trx) => {
    let select = trx.selectFrom('customers').select('id').where('id', '=', customerId)
    if (store.dialect === 'postgres') select = select.forUpdate()
    if (!(await select.executeTakeFirst())) throw new AppError('not_found', `no customer ${customerId}`)
    const before = (await findCustomerById(trx, customerId))!
    await assertLifecycleMove(trx, before, status, text)
    const at = now().toISOString()
    const row = await trx.updateTable('customers').set({ status, version: before.version + 1, updated_at: at }).where('id', '=', customerId).returningAll().executeTakeFirstOrThrow()
    const after = toCustomer(row)
    await appendAuditEntry(trx, {
      actor: actorLabel(actor),
      action: 'customer.status_changed',
      entity: 'customer',
      entityId: customerId,
      before: before as unknown as JsonValue,
      after: { ...after, statusNote: text } as unknown as JsonValue,
      at,
    })
    return after
  })
}

/**
 * Refuses (409, one detail per missing item) a lifecycle move the domain's checks do not allow:
 * the one gate every change of a customer's status passes, whichever route asks for it.
 */
export async function assertLifecycleMove(db: Kysely<Database>, before: Customer, to: LifecycleStatus, note: string | null): Promise<void> {
  const facts = await readLifecycleFacts(db, before)
  const problems = transitionProblems({ from: before.status, to, facts, note })
  if (problems.length > 0) {
    throw new AppError('conflict', `customer ${before.name} cannot become ${to}: ${problems.map((p) => p.message).join('; ')}`, { details: problems })
  }
}
