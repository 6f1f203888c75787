import { createHash } from 'node:crypto'
import { AppError, invalidField } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findDocumentBySha256, type DocumentInfo } from '../../store/repositories/documents.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { assertCustomerExists } from '../customer-records/record-checks.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type UploadDocumentOptions = {
  store: Store
  actor: Actor
  customerId: string
  filename: string
  contentType: string
  category?: string | null
  content: Buffer
}

/**
 * Stores a file against a customer with its SHA-256, which the audit entry also records:
 * the ledger then proves exactly which bytes were on file, and when. The same file twice
 * for one customer is refused, naming the copy already held.
 */
export async function uploadDocument({ store, actor, customerId, filename, contentType, category = null, content }: UploadDocumentOptions): Promise<DocumentInfo> {
  const cleanName = filename.replace(/[\\/\u0000-\u001f]/g, '_').trim()
  if (cleanName === '' || cleanName.length > 255) throw invalidField('filename', 'must be 1 to 255 characters')
  if (content.length === 0) throw invalidField('body', 'is empty: send the file as the request body')
  const sha256 = createHash('sha256').update(content).digest('hex')
  const now = new Date().toISOString()
  return withTransaction(store.db, async (trx) => {
    await assertCustomerExists(trx, customerId)
    const existing = await findDocumentBySha256(trx, customerId, sha256)
    if (existing) throw new AppError('conflict', `this file is already on record as ${existing.filename}`, { details: [{ path: 'body', message: `duplicates document ${existing.id}` }] })
    const info: DocumentInfo = {
      id: crypto.randomUUID(),
      customerId,
      filename: cleanName,
      contentType,
      size: content.length,
      sha256,
      category,
      uploadedBy: actorLabel(actor),
      createdAt: now,
    }
    await trx
      .insertInto('documents')
      .values({
        id: info.id,
        customer_id: customerId,
        filename: info.filename,
        content_type: contentType,
        size: info.size,
        sha256,
        category,
        content,
        uploaded_by: info.uploadedBy,
        created_at: now,
      })
      .execute()
    await appendAuditEntry(trx, { actor: info.uploadedBy, action: 'document.uploaded', entity: 'document', entityId: info.id, after: info, at: now })
    return info
  })
}
