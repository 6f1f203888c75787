import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findDocument } from '../../store/repositories/documents.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type DeleteDocumentOptions = { store: Store; actor: Actor; customerId: string; documentId: string }

export async function deleteDocument({ store, actor, customerId, documentId }: DeleteDocumentOptions): Promise<void> {
  await withTransaction(store.db, async (trx) => {
    const before = await findDocument(trx, customerId, documentId)
    if (!before) throw new AppError('not_found', `customer ${customerId} has no document ${documentId}`)
    await trx.deleteFrom('documents').where('id', '=', documentId).execute()
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'document.deleted', entity: 'document', entityId: documentId, before })
  })
}
