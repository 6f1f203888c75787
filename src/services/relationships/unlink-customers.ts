import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findRelationship } from '../../store/repositories/relationships.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type UnlinkCustomersOptions = { store: Store; actor: Actor; customerId: string; relationshipId: string }

export async function unlinkCustomers({ store, actor, customerId, relationshipId }: UnlinkCustomersOptions): Promise<void> {
  await withTransaction(store.db, async (trx) => {
    const before = await findRelationship(trx, relationshipId)
    if (!before || (before.customerId !== customerId && before.toCustomerId !== customerId)) {
      throw new AppError('not_found', `customer ${customerId} has no relationship ${relationshipId}`)
    }
    await trx.deleteFrom('relationships').where('id', '=', relationshipId).execute()
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'relationship.deleted', entity: 'relationship', entityId: relationshipId, before })
  })
}
