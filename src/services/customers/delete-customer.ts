import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findCustomerById } from '../../store/repositories/customers.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type DeleteCustomerOptions = { store: Store; actor: Actor; customerId: string }

/** Tables holding a customer's records, deleted with it; the ledger entry keeps the customer as it was. */
export const CUSTOMER_CHILD_TABLES = ['contacts', 'interactions', 'tasks', 'documents', 'financial_statements', 'bureau_records', 'contracts', 'assessments', 'expert_assessments'] as const

/** The monitoring engine's tables holding the customer's activity. */
export const MONITORING_TABLES = ['payments', 'invoices', 'transactions', 'feature_snapshots', 'ground_truth_patterns'] as const

export async function deleteCustomer({ store, actor, customerId }: DeleteCustomerOptions): Promise<void> {
  await withTransaction(store.db, async (trx) => {
    const before = await findCustomerById(trx, customerId)
    if (!before) throw new AppError('not_found', `no customer ${customerId}`)
    for (const table of CUSTOMER_CHILD_TABLES) await trx.deleteFrom(table).where('customer_id', '=', customerId).execute()
    // Its monitoring history goes too: allocations first, they point at its payments.
    const payments = await trx.selectFrom('payments').select(['source', 'id']).where('customer_id', '=', customerId).execute()
    for (const payment of payments) await trx.deleteFrom('payment_allocations').where('source', '=', payment.source).where('payment_id', '=', payment.id).execute()
    for (const table of MONITORING_TABLES) await trx.deleteFrom(table).where('customer_id', '=', customerId).execute()
    await trx.deleteFrom('relationships').where((eb) => eb.or([eb('from_customer_id', '=', customerId), eb('to_customer_id', '=', customerId)])).execute()
    await trx.deleteFrom('customers').where('id', '=', customerId).execute()
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'customer.deleted', entity: 'customer', entityId: customerId, before })
  })
}
