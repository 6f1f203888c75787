import type SqliteDatabase from 'better-sqlite3'
import { sqliteBulkInsert } from '../sqlite-bulk-insert.ts'
import { chainAuditEntries, toAuditRow, type AppendedAuditEntry, type AuditRecord } from './audit-ledger.ts'

/** audit_entries' columns in the order bulk appends write them. */
export const AUDIT_ENTRY_COLUMNS = ['seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'prev_hash', 'hash', 'customer_id'] as const

/**
 * appendAuditEntries over prepared statements on the raw SQLite handle, for measured bulk
 * paths. The same chain, the same rows: bump the head first (taking the write lock), seal
 * with chainAuditEntries, insert, move the head's hash. Call it inside the transaction that
 * makes the writes it records (a Kysely transaction on the same handle).
 */
export function appendAuditEntriesSqlite(sqlite: SqliteDatabase.Database, records: readonly AuditRecord[]): AppendedAuditEntry[] {
  if (records.length === 0) return []
  if (!sqlite.inTransaction) throw new Error('audit entries must be appended inside the transaction of the writes they record')
  const head = sqlite.prepare('update audit_head set seq = seq + ? where id = 1 returning seq, hash').get(records.length) as { seq: number; hash: string } | undefined
  if (!head) throw new Error('the audit ledger has no head row')
  const sealed = chainAuditEntries({ seq: Number(head.seq) - records.length, hash: head.hash }, records)
  sqliteBulkInsert(sqlite, 'audit_entries', AUDIT_ENTRY_COLUMNS)(sealed.map(toAuditRow))
  sqlite.prepare('update audit_head set hash = ? where id = 1').run(sealed.at(-1)!.entry.hash)
  return sealed.map((s) => s.entry)
}
