import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import type { RecordKind } from '../../store/repositories/customer-record-kinds.ts'
import { deleteRecord, findRecord } from '../../store/repositories/customer-records.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type DeleteCustomerRecordOptions = { store: Store; actor: Actor; kind: RecordKind; customerId: string; recordId: string }

export async function deleteCustomerRecord({ store, actor, kind, customerId, recordId }: DeleteCustomerRecordOptions): Promise<void> {
  await withTransaction(store.db, async (trx) => {
    const before = await findRecord(trx, kind, customerId, recordId)
    if (!before) throw new AppError('not_found', `customer ${customerId} has no ${kind.entity.replace(/_/g, ' ')} ${recordId}`)
    await deleteRecord(trx, kind, recordId)
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: `${kind.entity}.deleted`, entity: kind.entity, entityId: recordId, before })
  })
}
