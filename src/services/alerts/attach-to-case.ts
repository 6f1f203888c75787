import { createHash, randomUUID } from 'node:crypto'
import { AppError, invalidField } from '../../app-error.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import type { CaseAttachment } from '../../store/repositories/case-attachments.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'

export type AttachToCaseOptions = { store: Store; actor: Actor; caseId: string; filename: string; contentType: string; content: Buffer }

/**
 * Attaches a file (a screenshot, a statement, a call note) to a case, with its SHA-256, which
 * the audit entry (case.attachment_added, under the case's customer) records too: the ledger
 * proves which bytes were attached, and when. The same file twice on one case is refused.
 */
export async function attachToCase({ store, actor, caseId, filename, contentType, content }: AttachToCaseOptions): Promise<CaseAttachment> {
  const cleanName = filename.replace(/[\\/\u0000-\u001f]/g, '_').trim()
  if (cleanName === '' || cleanName.length > 255) throw invalidField('filename', 'must be 1 to 255 characters')
  if (content.length === 0) throw invalidField('body', 'is empty: send the file as the request body')
  const sha256 = createHash('sha256').update(content).digest('hex')
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const kase = await trx.selectFrom('cases').select(['id', 'customer_id']).where('id', '=', caseId).executeTakeFirst()
    if (!kase) throw new AppError('not_found', `no case ${caseId}`)
    const existing = await trx.selectFrom('case_attachments').select(['id', 'filename']).where('case_id', '=', caseId).where('sha256', '=', sha256).executeTakeFirst()
    if (existing) throw new AppError('conflict', `this file is already attached as ${existing.filename}`, { details: [{ path: 'body', message: `duplicates attachment ${existing.id}` }] })
    const at = new Date().toISOString()
    const info: CaseAttachment = { id: randomUUID(), caseId, filename: cleanName, contentType, size: content.length, sha256, uploadedBy: by, createdAt: at }
    await trx
      .insertInto('case_attachments')
      .values({ id: info.id, case_id: caseId, filename: info.filename, content_type: contentType, size: info.size, sha256, content, uploaded_by: by, created_at: at })
      .execute()
    await appendAuditEntry(trx, { actor: by, action: 'case.attachment_added', entity: 'case', entityId: caseId, after: { ...info, customerId: kase.customer_id } as unknown as JsonValue, at })
    return info
  })
}
