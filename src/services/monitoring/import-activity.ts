import { createHash } from 'node:crypto'
import type { FieldProblem } from '../../domain/customers/index.ts'
import type { Transaction } from '../../domain/monitoring/activity.ts'
import type { Monitoring } from '../../engine/monitoring.ts'
import { InvoiceInputSchema, PaymentInputSchema, TransactionInputSchema } from '../../schemas/activity.ts'
import type { ImportEncoding, ImportFormat, RowError } from '../../schemas/import-job.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { fieldsOfSchema, type Field } from '../imports/fields.ts'
import { ImportFileError, readRowBatches } from '../imports/read-rows.ts'
import type { ImportProgress, ImportResult } from '../imports/run-import.ts'
import { planColumns, toRecord, type ColumnPlan } from '../imports/to-record.ts'
import type { ActivityKind } from './activity-inputs.ts'
import { plainTransactionRow } from './plain-transaction-row.ts'
import { ingestActivity } from './ingest-activity.ts'

export const ACTIVITY_KINDS = ['transactions', 'invoices', 'payments'] as const

type Input = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>

export type ImportActivityOptions = {
  store: Store
  monitoring: Monitoring
  actor: Actor
  kind: ActivityKind
  /** Opens the file's bytes; called twice for an atomic import (check everything, then write). */
  open: () => Input
  format: ImportFormat
  encoding?: ImportEncoding
  /** Refuse the whole file, writing nothing, when any row is bad. */
  atomic?: boolean
  /** Rows per database transaction (default 5,000). */
  batchSize?: number
  onProgress?: (progress: ImportProgress) => void
}

const FIELDS: Record<ActivityKind, Field[]> = {
  transactions: fieldsOfSchema(TransactionInputSchema),
  invoices: fieldsOfSchema(InvoiceInputSchema),
  // In CSV, allocations are one cell: INVOICE:AMOUNT|INVOICE:AMOUNT.
  payments: [...fieldsOfSchema(PaymentInputSchema).filter((field) => field.path !== 'allocations'), { path: 'allocations', kind: 'string' }],
}
const REQUIRED: Record<ActivityKind, string[]> = {
  transactions: ['id', 'customerId', 'at', 'amount', 'currency', 'direction', 'type'],
  invoices: ['id', 'customerId', 'number', 'issuedAt', 'dueAt', 'amount', 'currency'],
  payments: ['id', 'customerId', 'at', 'amount', 'currency'],
}

/**
 * Imports a file of transactions, invoices or payments (CSV or NDJSON, the API's field
 * names) through the monitoring engine, a batch per database transaction. Every row is
 * checked as the API checks it; bad rows are reported by line and field while the good ones
 * land; a repeated id (a re-run, or a re-run after a crash) is counted as unchanged and
 * never twice. The import itself is one audit entry with the file's SHA-256 and its counts.
 */
export async function importActivity(options: ImportActivityOptions): Promise<ImportResult> {
  const { store, monitoring, kind, format, atomic = false, batchSize = 5000, onProgress } = options
  const result: ImportResult = { read: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, errors: [], refused: false, fileError: null }
  const hash = createHash('sha256')

  const pass = async (write: boolean) => {
    const counts: ImportResult = { ...result, errors: [] }
    let bytes = 0
    let plan: ColumnPlan | null = null
    const onHeader = (columns: string[]) => {
      const { plan: made, unknown, duplicates } = planColumns(columns, FIELDS[kind])
      const problems = [
        ...unknown.map((column) => ({ line: 1, field: column, message: `is not a column of ${kind} files` })),
        ...duplicates.map((column) => ({ line: 1, field: column, message: 'appears twice in the header' })),
        ...REQUIRED[kind].filter((column) => !columns.includes(column)).map((column) => ({ line: 1, field: column, message: 'is missing' })),
      ]
      if (problems.length > 0) throw new ImportFileError(problems)
      plan = made
    }
    // Rows in file order: a transaction ready to go, an item for the full check, or its problems.
    type Entry = { line: number; tx: Transaction } | { line: number; item: unknown } | { line: number; problems: FieldProblem[] }
    let entries: Entry[] = []
    let items = 0
    let inFlight: Promise<void> | null = null
    let failure: { error: unknown } | null = null
    const landed = async () => {
      await inFlight
      inFlight = null
      if (failure) throw failure.error
    }
    const flush = async () => {
      const slow = entries.filter((entry): entry is { line: number; item: unknown } => 'item' in entry)
      if (kind === 'transactions') {
        // The rows the fast lane left: the full check, with its exact errors.
        const checked = slow.length === 0 ? null : await ingestActivity({ store, monitoring, kind, items: slow.map((entry) => entry.item), checkOnly: true })
        const transactions: Transaction[] = []
        let next = 0
        for (const entry of entries) {
          if ('problems' in entry) fail(counts, entry.line, entry.problems)
          else if ('tx' in entry) transactions.push(entry.tx)
          else {
            const index = next++
            const tx = checked!.checked.get(index)
            if (tx) transactions.push(tx)
            else fail(counts, entry.line, checked!.results[index]!.errors ?? [])
          }
        }
        if (!write) counts.inserted += transactions.length
        else if (transactions.length > 0) {
          // One batch in flight: while the engine writes this one (on its writer thread), the
          // next is read and checked here. Its outcomes are counted before the next goes in.
          await landed()
          inFlight = monitoring.engine.submit(transactions).then(
            (outcomes) => {
              for (const outcome of outcomes) {
                if (outcome.status === 'duplicate') counts.unchanged += 1
                else counts.inserted += 1
              }
            },
            (error: unknown) => {
              failure = { error }
            },
          )
        }
      } else {
        for (const entry of entries) if ('problems' in entry) fail(counts, entry.line, entry.problems)
        if (slow.length > 0) {
          const outcome = await ingestActivity({ store, monitoring, kind, items: slow.map((entry) => entry.item), checkOnly: !write })
          outcome.results.forEach((item, i) => {
            if (item.status === 'rejected') fail(counts, slow[i]!.line, item.errors ?? [])
            else if (item.status === 'accepted' || item.status === 'queued') counts.inserted += 1
            else if (item.status === 'updated') counts.updated += 1
            else counts.unchanged += 1
          })
        }
      }
      onProgress?.({ read: counts.read, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, failed: counts.failed, bytes })
      entries = []
      items = 0
    }
    await monitoring.customers.resolve([]) // loads every customer's keys, for the fast lane's lookups
    const known = (key: string) => monitoring.customers.known(key)
    const source = options.open()
    const counted = write ? hashing(source, hash) : source
    try {
      for await (const rows of readRowBatches(counted, { format, encoding: options.encoding, onHeader, onBytes: (n) => (bytes += n) })) {
        for (const row of rows) {
          counts.read += 1
          if ('problem' in row) {
            entries.push({ line: row.line, problems: [{ path: '', message: row.problem }] })
            continue
          }
          const tx = kind === 'transactions' && plan ? plainTransactionRow(row.record, known) : null
          if (tx) entries.push({ line: row.line, tx })
          else if (plan) {
            const converted = toRecord(row.record, plan)
            if (kind === 'payments') splitAllocations(converted)
            if (converted.problems.length > 0) entries.push({ line: row.line, problems: converted.problems })
            else entries.push({ line: row.line, item: converted.record })
          } else entries.push({ line: row.line, item: row.record })
          items += 1
        }
        if (items >= batchSize) await flush()
      }
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error
      counts.fileError = error.message
      counts.errors.push(...error.errors)
    }
    await flush()
    await landed()
    onProgress?.({ read: counts.read, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, failed: counts.failed, bytes })
    counts.errors.sort((a, b) => a.line - b.line)
    return counts
  }

  if (atomic) {
    const checked = await pass(false)
    if (checked.failed > 0 || checked.fileError) return { ...checked, inserted: 0, updated: 0, unchanged: 0, refused: true }
  }
  Object.assign(result, await pass(true))
  await monitoring.engine.checkpoint()
  await appendAuditEntry(store.db, {
    actor: actorLabel(options.actor),
    action: 'activity.imported',
    entity: 'import',
    entityId: crypto.randomUUID(),
    after: { kind, format, sha256: hash.digest('hex'), read: result.read, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, failed: result.failed },
    at: new Date().toISOString(),
  })
  return result
}

function fail(counts: ImportResult, line: number, problems: readonly FieldProblem[]): void {
  counts.failed += 1
  for (const problem of problems) counts.errors.push({ line, field: problem.path, message: problem.message } satisfies RowError)
}

async function* hashing(input: Input, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of input) {
    hash.update(chunk)
    yield chunk
  }
}

/** A CSV allocations cell, INVOICE:AMOUNT|INVOICE:AMOUNT, as the array the schema expects. */
function splitAllocations(converted: { record: Record<string, unknown>; problems: FieldProblem[] }): void {
  const cell = converted.record.allocations
  if (typeof cell !== 'string') return
  const allocations = []
  for (const part of cell.split('|')) {
    const at = part.lastIndexOf(':')
    const amount = Number(part.slice(at + 1))
    if (at <= 0 || !Number.isInteger(amount)) {
      converted.problems.push({ path: 'allocations', message: `"${part}" is not INVOICE:AMOUNT (amount in minor units)` })
      return
    }
    allocations.push({ invoiceId: part.slice(0, at).trim(), amount })
  }
  converted.record.allocations = allocations
}
