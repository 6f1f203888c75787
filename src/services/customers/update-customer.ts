import { AppError } from '../../app-error.ts'
import type { Customer } from '../../domain/customers/index.ts'
import type { CustomerPatch } from '../../schemas/customer.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { listCustomFieldDefinitions } from '../../store/repositories/custom-fields.ts'
import { customerColumns, findCustomerById, toCustomer } from '../../store/repositories/customers.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { assertReferencesExist, assertUniqueKeys } from './create-customer.ts'
import { assertValidCustomer, withCustomerDefaults } from './customer-fields.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { assertLifecycleMove } from '../workflow/change-customer-status.ts'

export type UpdateCustomerOptions = { store: Store; actor: Actor; customerId: string; patch: CustomerPatch }

/**
 * Applies a partial change. With `version`, a change made on a stale copy is refused (409)
 * instead of silently overwriting someone else's edit. A patch that changes nothing
 * writes nothing and records nothing. A change of status must be a move the lifecycle allows,
 * with what it needs (docs/workflow.md): the same checks as POST /customers/:id/status.
 */
export async function updateCustomer({ store, actor, customerId, patch }: UpdateCustomerOptions): Promise<Customer> {
  const definitions = await listCustomFieldDefinitions(store.db)
  const now = new Date().toISOString()
  return withTransaction(store.db, async (trx) => {
    const before = await findCustomerById(trx, customerId)
    if (!before) throw new AppError('not_found', `no customer ${customerId}`)
    const { version, ...changes } = patch
    if (version !== undefined && version !== before.version) {
      throw new AppError('conflict', `customer ${before.name} was changed by someone else (version ${before.version}, you edited ${version}); reload and retry`, {
        details: [{ path: 'version', message: `is ${before.version} on the server` }],
      })
    }
    const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...current } = before
    const fields = withCustomerDefaults({ ...current, ...changes, customFields: { ...current.customFields, ...changes.customFields } })
    assertValidCustomer(fields, definitions)
    const columns = customerColumns(fields)
    const unchanged = JSON.stringify(columns) === JSON.stringify(customerColumns(withCustomerDefaults(current)))
    if (unchanged) return before
    // A status change passes the lifecycle's checks as POST /customers/:id/status does (which also takes the note some moves need).
    // Checked on the customer as the patch leaves it: a patch may give the owner onboarding needs along with the status.
    if (fields.status !== before.status) await assertLifecycleMove(trx, { ...before, ...fields, status: before.status }, fields.status, null)
    await assertReferencesExist(trx, fields)
    await assertUniqueKeys(trx, fields, customerId)
    const row = await trx
      .updateTable('customers')
      .set({ ...columns, version: before.version + 1, updated_at: now })
      .where('id', '=', customerId)
      .returningAll()
      .executeTakeFirstOrThrow()
    const after = toCustomer(row)
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'customer.updated', entity: 'customer', entityId: customerId, before, after, at: now })
    return after
  })
}
