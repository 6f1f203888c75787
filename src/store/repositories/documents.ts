import type { Kysely } from 'kysely'
import type { DocumentInfo } from '../../schemas/document.ts'
import type { Database, DocumentTable } from '../schema.ts'

export type { DocumentInfo }

const INFO_COLUMNS = ['id', 'customer_id', 'filename', 'content_type', 'size', 'sha256', 'category', 'uploaded_by', 'created_at'] as const

export function toDocumentInfo(row: Omit<DocumentTable, 'content'>): DocumentInfo {
  return {
    id: row.id,
    customerId: row.customer_id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    category: row.category,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  }
}

export async function listDocuments(db: Kysely<Database>, customerId: string): Promise<DocumentInfo[]> {
  const rows = await db.selectFrom('documents').select(INFO_COLUMNS).where('customer_id', '=', customerId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
  return rows.map(toDocumentInfo)
}

export async function findDocument(db: Kysely<Database>, customerId: string, id: string): Promise<DocumentInfo | undefined> {
  const row = await db.selectFrom('documents').select(INFO_COLUMNS).where('customer_id', '=', customerId).where('id', '=', id).executeTakeFirst()
  return row && toDocumentInfo(row)
}

export async function findDocumentBySha256(db: Kysely<Database>, customerId: string, sha256: string): Promise<DocumentInfo | undefined> {
  const row = await db.selectFrom('documents').select(INFO_COLUMNS).where('customer_id', '=', customerId).where('sha256', '=', sha256).executeTakeFirst()
  return row && toDocumentInfo(row)
}

export async function readDocumentContent(db: Kysely<Database>, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('documents').select('content').where('id', '=', id).executeTakeFirst()
  return row && Buffer.from(row.content)
}
