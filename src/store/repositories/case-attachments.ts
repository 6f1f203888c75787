import type { Kysely } from 'kysely'
import type { CaseAttachmentTable, Database } from '../schema.ts'

/** A file attached to a case, without its bytes. */
export type CaseAttachment = { id: string; caseId: string; filename: string; contentType: string; size: number; sha256: string; uploadedBy: string; createdAt: string }

const INFO_COLUMNS = ['id', 'case_id', 'filename', 'content_type', 'size', 'sha256', 'uploaded_by', 'created_at'] as const

export function caseAttachmentFromRow(row: Omit<CaseAttachmentTable, 'content'>): CaseAttachment {
  return { id: row.id, caseId: row.case_id, filename: row.filename, contentType: row.content_type, size: Number(row.size), sha256: row.sha256, uploadedBy: row.uploaded_by, createdAt: row.created_at }
}

/** A case's attachments, newest first. */
export async function listCaseAttachments(db: Kysely<Database>, caseId: string): Promise<CaseAttachment[]> {
  const rows = await db.selectFrom('case_attachments').select(INFO_COLUMNS).where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map(caseAttachmentFromRow)
}

/** One attachment of a case with its bytes, or undefined. */
export async function readCaseAttachment(db: Kysely<Database>, caseId: string, id: string): Promise<{ info: CaseAttachment; content: Buffer } | undefined> {
  const row = await db.selectFrom('case_attachments').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst()
  return row && { info: caseAttachmentFromRow(row), content: Buffer.from(row.content) }
}
