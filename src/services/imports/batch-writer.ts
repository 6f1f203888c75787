import type { Kysely } from 'kysely'
import { appendAuditEntries, type AuditRecord } from '../../store/repositories/audit-ledger.ts'
import { appendAuditEntriesSqlite } from '../../store/repositories/audit-ledger-sqlite.ts'
import type { Database } from '../../store/schema.ts'
import { withDeferredCustomerSearchIndex } from '../../store/customer-search-deferral.ts'
import { sqliteBulkInsert } from '../../store/sqlite-bulk-insert.ts'
import type { ImportContext } from './import-target.ts'

/**
 * Collects a batch's inserts, updates and audit records in row order, then writes them in
 * the batch's transaction: runs of inserts as multi-row INSERTs, updates one by one, and the
 * audit records as one bulk append. On SQLite the inserts and the audit append go through
 * prepared statements on the raw handle (the measured hot path of an import); PostgreSQL
 * goes through Kysely. Both write the same rows and the same hash chain.
 */
export type BatchWriter = {
  insert(table: ImportTable, row: Record<string, unknown>): void
  /** `version`: the version the row had when the batch read it, for tables that keep one. */
  update(table: ImportTable, row: { id: string; version?: number }, values: Record<string, unknown>): void
  audit(record: AuditRecord): void
  flush(): Promise<void>
}

export type ImportTable = 'customers' | 'contacts' | 'financial_statements' | 'bureau_records'

export type BatchOperation =
  | { kind: 'insert'; table: ImportTable; row: Record<string, unknown> }
  | { kind: 'update'; table: ImportTable; id: string; version: number | undefined; values: Record<string, unknown> }

/** Whether a batch inserts customers: it then defers their search index to its end (migration 0018), on either path. */
export function insertsCustomers(operations: readonly BatchOperation[]): boolean {
  return operations.some((operation) => operation.kind === 'insert' && operation.table === 'customers')
}

/** A batch's writes kept in order and not made: a pipelined import hands them to its writer thread (import-pipeline.ts). */
export type RecordedBatch = BatchWriter & { operations: BatchOperation[]; auditRecords: AuditRecord[] }

export function recordingBatchWriter(): RecordedBatch {
  const operations: BatchOperation[] = []
  const auditRecords: AuditRecord[] = []
  return {
    operations,
    auditRecords,
    insert: (table, row) => void operations.push({ kind: 'insert', table, row }),
    update: (table, { id, version }, values) => void operations.push({ kind: 'update', table, id, version, values }),
    audit: (record) => void auditRecords.push(record),
    flush: async () => {},
  }
}

// Kysely cannot type a table chosen at run time; the targets keep each table's columns honest.
type AnyDb = Kysely<any>

export function batchWriter({ store, trx }: Pick<ImportContext, 'store' | 'trx'>): BatchWriter {
  const { operations, auditRecords, insert, update, audit } = recordingBatchWriter()
  const sqlite = store.sqlite

  async function insertRun(table: ImportTable, rows: Record<string, unknown>[]): Promise<void> {
    const columns = Object.keys(rows[0]!)
    if (sqlite) {
      sqliteBulkInsert(sqlite, table, columns)(rows)
      return
    }
    const perStatement = Math.max(1, Math.floor(30_000 / columns.length))
    for (let start = 0; start < rows.length; start += perStatement) await (trx as AnyDb).insertInto(table).values(rows.slice(start, start + perStatement)).execute()
  }

  return {
    insert,
    update,
    audit,
    async flush() {
      // New customers join the search index once a batch, not once a row (migration 0018).
      if (sqlite && insertsCustomers(operations)) await withDeferredCustomerSearchIndex(sqlite, writeOperations)
      else await writeOperations()
      if (sqlite) appendAuditEntriesSqlite(sqlite, auditRecords)
      else await appendAuditEntries(trx, auditRecords)
      operations.length = 0
      auditRecords.length = 0
    },
  }

  async function writeOperations(): Promise<void> {
    let run: Record<string, unknown>[] = []
    let runKey = ''
    for (const operation of operations) {
      const key = operation.kind === 'insert' ? `${operation.table}:${Object.keys(operation.row).join(',')}` : ''
      if (run.length > 0 && key !== runKey) {
        await insertRun(runKeyTable(runKey), run)
        run = []
      }
      if (operation.kind === 'insert') {
        run.push(operation.row)
        runKey = key
      } else {
        await (trx as AnyDb).updateTable(operation.table).set(operation.values).where('id', '=', operation.id).execute()
      }
    }
    if (run.length > 0) await insertRun(runKeyTable(runKey), run)
  }
}

function runKeyTable(key: string): ImportTable {
  return key.slice(0, key.indexOf(':')) as ImportTable
}
