import type { ChainHead } from '../../domain/audit/index.ts'
import { CATCH_UP_CUSTOMER_SEARCH_INDEX, DEFER_CUSTOMER_SEARCH_INDEX } from '../../store/customer-search-deferral.ts'
import { SQLITE_PRAGMAS, type Store } from '../../store/open-store.ts'
import { chainAuditEntries, readAuditHead, toAuditRow } from '../../store/repositories/audit-ledger.ts'
import { AUDIT_ENTRY_COLUMNS } from '../../store/repositories/audit-ledger-sqlite.ts'
import { SqliteWriter, WRITE_CONFLICT, type WriterStep } from '../../store/sqlite-writer.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { insertsCustomers, recordingBatchWriter, type BatchOperation, type RecordedBatch } from './batch-writer.ts'
import type { WrittenCustomers } from './customer-lookup.ts'
import type { PipelinedBatch } from './import-target.ts'

/** A batch planned on the import's thread: what its upsert answered, and the writes to make. */
export type PlannedBatch<T> = { result: T; steps: WriterStep[]; written: WrittenCustomers }

export type BatchLanding = 'landed' | 'conflict'

// Measured on 100,000 customers with their audit entries: 32,000–34,000 rows/s at 50 rows a statement, 26,000–30,000 one by one.
const ROWS_PER_INSERT = 50

/** Batches sent and not yet landed, at most. */
export const PIPELINE_DEPTH = 2

const MOVE_AUDIT_HEAD = 'update audit_head set seq = ?, hash = ? where id = 1 and seq = ? and hash = ?'

/**
 * Imports into a SQLite file as a pipeline of two threads. The import's thread reads and
 * checks batch k+1, looks its rows up, merges them and seals their audit entries, while a
 * writer thread (sqlite-writer.ts) writes and commits batch k. Before, one thread did both
 * in turn, and the writes (inserts, the search index, the commit's fsync) were as long as
 * everything else together.
 *
 * A batch is planned outside the transaction that writes it, so the plan says what it
 * assumed and the writer checks it in that transaction:
 * - the audit ledger's head is still the one the batch's entries were chained to;
 * - every customer the batch updates still has the version it read;
 * - the keys it inserts are still free (the unique indexes).
 * If another writer (the API, another import) got in between, the writer commits nothing of
 * the batch and answers `conflict`; the import then does that batch, and those planned on
 * top of it, the ordinary way, in a transaction each on its own thread, and goes on.
 *
 * Batches are planned while those before them are still being written (up to
 * PIPELINE_DEPTH in flight, which evens out batches that take longer on one side than the
 * other), so a batch's lookup answers from their writes before the store. A batch that
 * meets a conflict makes every batch after it that writes meet one too: its audit entries
 * were chained to entries that never landed, so its head check fails.
 */
export class ImportPipeline {
  private writer: SqliteWriter | null = null
  /** The audit entry the next batch's entries follow: the last one planned, once read from the store. */
  private head: ChainHead | null = null

  private constructor(private readonly store: Store & { sqlite: NonNullable<Store['sqlite']> }) {}

  /** A pipeline for the store, or null where the import writes on its own thread: PostgreSQL, and SQLite in memory (no second connection can see it). */
  static for(store: Store): ImportPipeline | null {
    const sqlite = store.sqlite
    return sqlite && !sqlite.memory ? new ImportPipeline({ ...store, sqlite }) : null
  }

  /**
   * Runs an upsert with its writes recorded, not made, and turns them into the writer's steps.
   * `inFlight`: what the batches sent and not yet landed wrote, oldest first.
   */
  async plan<T>(upsert: (batch: PipelinedBatch) => Promise<T>, inFlight: readonly WrittenCustomers[]): Promise<PlannedBatch<T>> {
    const writer = recordingBatchWriter()
    let written: WrittenCustomers = []
    const result = await upsert({ writer, inFlight: inFlight.length === 0 ? null : inFlight.flat(), wrote: (customers) => (written = customers) })
    if (writer.auditRecords.length > 0 && !this.head) {
      this.head = await readAuditHead(this.store.db)
      if (!this.head) throw new Error('the audit ledger has no head row')
    }
    return { result, steps: this.stepsOf(writer), written }
  }

  /**
   * Writes a planned batch in one transaction on the writer thread, after those sent before it
   * (the thread takes them in order).
   */
  send(planned: PlannedBatch<unknown>): Promise<BatchLanding> {
    if (planned.steps.length === 0) return Promise.resolve('landed')
    this.writer ??= new SqliteWriter({ path: this.store.sqlite.name, pragmas: SQLITE_PRAGMAS, statements: {} })
    // Not an async function holding `planned` while the writer works: the steps (a batch's
    // values, its audit entries' text) were copied to the writer thread when run() posted
    // them, and let go here they die young instead of being copied by every scavenge until
    // the batch lands. Measured on 100,000 customers, five runs each: scavenges took 519–693 ms
    // of the import thread (median 595) instead of 699–811 (median 748).
    return this.landing(this.writer.run(planned.steps))
  }

  private async landing(written: Promise<unknown>): Promise<BatchLanding> {
    try {
      await written
      return 'landed'
    } catch (error) {
      if (!isConflict(error)) throw error
      this.reset()
      return 'conflict'
    }
  }

  /** Forgets the head it chained to: the next batch reads it from the store. */
  reset(): void {
    this.head = null
  }

  async close(): Promise<void> {
    await this.writer?.close()
    this.writer = null
  }

  private stepsOf({ operations, auditRecords }: RecordedBatch): WriterStep[] {
    const steps: WriterStep[] = []
    let auditStep: WriterStep | null = null
    if (auditRecords.length > 0) {
      const head = this.head!
      const sealed = chainAuditEntries(head, auditRecords)
      const last = sealed.at(-1)!.entry
      // First, so a batch that lost the race stops before it writes anything.
      steps.push({ sql: MOVE_AUDIT_HEAD, width: 4, values: [last.seq, last.hash, head.seq, head.hash], expectChanges: 1 })
      this.head = { seq: last.seq, hash: last.hash }
      auditStep = insertStep('audit_entries', AUDIT_ENTRY_COLUMNS, sealed.map(toAuditRow))
    }
    const defersSearch = insertsCustomers(operations)
    if (defersSearch) steps.push({ sql: DEFER_CUSTOMER_SEARCH_INDEX, width: 0, values: [] })
    steps.push(...operationSteps(operations))
    if (defersSearch) for (const sql of CATCH_UP_CUSTOMER_SEARCH_INDEX) steps.push({ sql, width: 0, values: [] })
    if (auditStep) steps.push(auditStep)
    return steps
  }
}

/** The operations in order, each run of inserts (or updates) of one table and column list as one step. */
function operationSteps(operations: readonly BatchOperation[]): WriterStep[] {
  const steps: WriterStep[] = []
  let start = 0
  while (start < operations.length) {
    const first = operations[start]!
    const columns = columnsOf(first)
    let end = start + 1
    while (end < operations.length && sameShape(operations[end]!, first, columns)) end += 1
    const run = operations.slice(start, end)
    if (first.kind === 'insert') {
      steps.push(insertStep(first.table, columns, run.map((operation) => (operation as Extract<BatchOperation, { kind: 'insert' }>).row)))
    } else {
      steps.push(updateStep(first.table, columns, run as Extract<BatchOperation, { kind: 'update' }>[]))
    }
    start = end
  }
  return steps
}

function columnsOf(operation: BatchOperation): string[] {
  return Object.keys(operation.kind === 'insert' ? operation.row : operation.values)
}

function sameShape(operation: BatchOperation, first: BatchOperation, columns: readonly string[]): boolean {
  if (operation.kind !== first.kind || operation.table !== first.table) return false
  const keys = columnsOf(operation)
  if (keys.length !== columns.length) return false
  for (let i = 0; i < keys.length; i += 1) if (keys[i] !== columns[i]) return false
  return true
}

function insertStep(table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): WriterStep {
  // Columns the same in every row (the batch's time, the actor, often the country and status) go once.
  const fixed: [number, unknown][] = []
  const varying: string[] = []
  const first = rows[0]!
  for (let c = 0; c < columns.length; c += 1) {
    const column = columns[c]!
    const value = first[column] ?? null
    let same = rows.length > 1
    for (let r = 1; same && r < rows.length; r += 1) same = (rows[r]![column] ?? null) === value
    if (same) fixed.push([c, value])
    else varying.push(column)
  }
  // One column at least must vary, or the writer could not count the rows.
  if (varying.length === 0) varying.push(columns[fixed.pop()![0]]!)
  const values: unknown[] = new Array(rows.length * varying.length)
  let at = 0
  for (const row of rows) for (const column of varying) values[at++] = row[column] ?? null
  return { sql: `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`, width: columns.length, values, fixed, rowsPerStatement: ROWS_PER_INSERT }
}

/** Updates that land only on the version they read: a row someone else changed meanwhile changes nothing, and the batch is a conflict. */
function updateStep(table: string, columns: readonly string[], updates: readonly Extract<BatchOperation, { kind: 'update' }>[]): WriterStep {
  const width = columns.length + 2
  const values: unknown[] = new Array(updates.length * width)
  let at = 0
  for (const update of updates) {
    if (update.version === undefined) throw new Error(`a pipelined import cannot update ${table}: its rows keep no version to check`)
    for (const column of columns) values[at++] = update.values[column] ?? null
    values[at++] = update.id
    values[at++] = update.version
  }
  const set = columns.map((column) => `${column} = ?`).join(', ')
  return { sql: `update ${table} set ${set} where id = ? and version = ?`, width, values, expectChanges: 1 }
}

/** The writer found the store changed since the batch was planned: a moved head or version (expectChanges), or a key someone else took. */
function isConflict(error: unknown): boolean {
  return (error as { code?: string }).code === WRITE_CONFLICT || isUniqueViolation(error)
}
