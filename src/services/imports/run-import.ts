import { AppError } from '../../app-error.ts'
import type { FieldProblem } from '../../domain/customers/index.ts'
import type { ImportCounts, ImportEncoding, ImportFormat, ImportSource, ImportTarget, RowError } from '../../schemas/import-job.ts'
import type { Store } from '../../store/open-store.ts'
import { listCustomFieldDefinitions } from '../../store/repositories/custom-fields.ts'
import type { Database } from '../../store/schema.ts'
import { actorLabel, type Actor } from '../actor.ts'
import type { ImportContext, PreparedRow, RowOutcome } from './import-target.ts'
import type { WrittenCustomers } from './customer-lookup.ts'
import { ImportPipeline, PIPELINE_DEPTH, type BatchLanding } from './import-pipeline.ts'
import { ImportFileError, readRows } from './read-rows.ts'
import { IMPORT_TARGET_HANDLERS } from './targets.ts'
import { planColumns, toRecord, type ColumnPlan } from './to-record.ts'
import { zohoMapping } from './zoho-mapping.ts'
import type { Kysely } from 'kysely'

export type RunImportOptions = {
  store: Store
  actor: Actor
  target: ImportTarget
  /** The file's bytes as they arrive (a file stream, a request body). */
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>
  format: ImportFormat
  encoding?: ImportEncoding
  /** Map another system's export (zoho) onto Fengkong's fields. */
  from?: ImportSource | null
  /** Refuse the whole file, writing nothing, when any row is bad. */
  atomic?: boolean
  /** Rows per transaction (and per progress report). */
  batchSize?: number
  onProgress?: (progress: ImportProgress) => void
}

export type ImportProgress = ImportCounts & { read: number; bytes: number }

export type ImportResult = ImportCounts & {
  read: number
  /** Every error, in line order. */
  errors: RowError[]
  /** --atomic found bad rows: nothing was written. */
  refused: boolean
  /** The file itself could not be read on (a bad header, bytes that are not the encoding); rows before it may have landed. */
  fileError: string | null
}

class Refused extends Error {}

/**
 * Imports a file: reads rows as the bytes arrive, turns each into the target's input (from
 * CSV cells, NDJSON or a Zoho export), checks it with the API's compiled schema, and upserts
 * them a batch (5,000 rows by default) per transaction with their audit entries. Bad rows are
 * reported by line and field while the good ones land, unless `atomic` asks for all or nothing.
 */
export async function runImport(options: RunImportOptions): Promise<ImportResult> {
  const { store, actor, target, format, atomic = false, batchSize = 5000, onProgress } = options
  const handler = IMPORT_TARGET_HANDLERS[target]
  const definitions = await listCustomFieldDefinitions(store.db)
  const mapping = options.from === 'zoho' ? zohoMapping(target, definitions) : null
  if (options.from && !mapping) throw unmappableTarget(options.from, target)
  const userIds = new Set((await store.db.selectFrom('users').select('id').execute()).map((user) => user.id))
  const label = actorLabel(actor)
  const contextFor = (trx: Kysely<Database>): ImportContext => ({ store, trx, actor: label, userId: actor.kind === 'user' ? actor.userId : null, now: new Date().toISOString(), definitions, userIds })

  const result: ImportResult = { read: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, errors: [], refused: false, fileError: null }
  let bytes = 0
  let plan: ColumnPlan | null = null
  const onHeader = (columns: string[]) => {
    const problems = mapping ? mapping.headerProblems(columns) : headerProblems(target, columns, handler.fields(definitions), handler.requiredColumns)
    if (problems.length > 0) throw new ImportFileError(problems.map((problem) => ({ line: 1, field: problem.path, message: problem.message })))
    if (!mapping) plan = planColumns(columns, handler.fields(definitions)).plan
  }
  const rows = readRows(options.input, { format, encoding: options.encoding, onHeader, onBytes: (n) => (bytes += n) })

  type Entry = { line: number; row: PreparedRow } | { line: number; problems: FieldProblem[] }
  const fail = (line: number, problems: FieldProblem[]) => {
    result.failed += 1
    for (const problem of problems) result.errors.push({ line, field: problem.path, message: problem.message })
  }
  const preparedOf = (batch: Entry[]) => batch.flatMap((entry) => ('row' in entry ? [entry.row] : []))
  /** Counts a batch once it has landed. */
  const count = (batch: Entry[], outcomes: readonly RowOutcome[]) => {
    let next = 0
    for (const entry of batch) {
      const outcome = 'row' in entry ? outcomes[next++]! : entry.problems
      if (Array.isArray(outcome)) fail(entry.line, outcome)
      else result[outcome] += 1
    }
    onProgress?.({ read: result.read, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged, failed: result.failed, bytes })
  }
  /** Upserts a batch on this thread, in `trx` (atomic) or a transaction of its own. */
  const flushHere = async (batch: Entry[], trx: Kysely<Database> | null) => {
    const prepared = preparedOf(batch)
    const outcomes = prepared.length === 0 ? [] : trx ? await handler.upsert(contextFor(trx), prepared) : await store.db.transaction().execute((t) => handler.upsert(contextFor(t), prepared))
    count(batch, outcomes)
  }

  // On a SQLite file, batches are planned here and written by a writer thread, a few in flight (import-pipeline.ts).
  const pipeline = !atomic && handler.pipelined ? ImportPipeline.for(store) : null
  const inFlight: { batch: Entry[]; outcomes: RowOutcome[]; written: WrittenCustomers; landing: Promise<BatchLanding> }[] = []
  /**
   * Waits for the oldest batch in flight. One that met a conflict is done again here, and so is
   * every batch sent after it (planned on top of it, none of them was written). False then.
   */
  const landOldest = async (): Promise<boolean> => {
    const oldest = inFlight.shift()!
    if ((await oldest.landing) === 'landed') {
      count(oldest.batch, oldest.outcomes)
      return true
    }
    const again = [oldest, ...inFlight.splice(0)]
    for (const later of again.slice(1)) await later.landing
    pipeline!.reset()
    for (const { batch } of again) await flushHere(batch, null)
    return false
  }
  const landAll = async () => {
    while (inFlight.length > 0) await landOldest()
  }
  const flushPipelined = async (batch: Entry[], pipeline: ImportPipeline) => {
    const prepared = preparedOf(batch)
    const planned = await pipeline.plan(
      (batchPipeline) => (prepared.length === 0 ? Promise.resolve([]) : handler.upsert({ ...contextFor(store.db), pipeline: batchPipeline }, prepared)),
      inFlight.map((sent) => sent.written),
    )
    while (inFlight.length >= PIPELINE_DEPTH) {
      // This batch was planned on top of those in flight: if one had to be done again, so must this.
      if (!(await landOldest())) {
        await flushHere(batch, null)
        return
      }
    }
    const landing = pipeline.send(planned)
    // Awaited in turn; a failure that is no conflict surfaces then, or at the end.
    landing.catch(() => {})
    inFlight.push({ batch, outcomes: planned.result, written: planned.written, landing })
  }
  const flush = (batch: Entry[], trx: Kysely<Database> | null) => (pipeline && !trx ? flushPipelined(batch, pipeline) : flushHere(batch, trx))

  const importAll = async (trx: Kysely<Database> | null) => {
    let batch: Entry[] = []
    let preparedRows = 0
    try {
      for await (const source of rows) {
        result.read += 1
        if ('problem' in source) {
          batch.push({ line: source.line, problems: [{ path: '', message: source.problem }] })
          continue
        }
        const converted = mapping ? mapping.toRecord(source.record) : plan ? toRecord(source.record, plan) : { record: source.record, problems: [] }
        const prepared = withProblems(handler.prepare(source.line, converted.record), converted)
        if (Array.isArray(prepared)) batch.push({ line: source.line, problems: prepared })
        else {
          batch.push({ line: source.line, row: prepared })
          preparedRows += 1
        }
        if (preparedRows >= batchSize || batch.length >= batchSize * 2) {
          await flush(batch, trx)
          batch = []
          preparedRows = 0
        }
      }
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error
      result.fileError = error.message
      result.errors.push(...error.errors)
    }
    await flush(batch, trx)
  }

  if (atomic) {
    try {
      await store.db.transaction().execute(async (trx) => {
        await importAll(trx)
        if (result.failed > 0 || result.fileError) throw new Refused()
      })
    } catch (error) {
      if (!(error instanceof Refused)) throw error
      Object.assign(result, { inserted: 0, updated: 0, unchanged: 0, refused: true })
    }
  } else {
    try {
      await importAll(null)
      await landAll()
    } finally {
      await pipeline?.close()
    }
  }
  result.errors.sort((a, b) => a.line - b.line)
  return result
}

export function unmappableTarget(from: ImportSource, target: ImportTarget): AppError {
  return new AppError('validation_failed', `from ${from}: imports customers (Accounts) and contacts (Contacts), not ${target}`, { details: [{ path: 'from', message: `cannot import ${target}` }] })
}

/** A row's own problems joined with those found converting it (a cell that was no number, say). */
function withProblems(prepared: PreparedRow | FieldProblem[], conversion: { problems: FieldProblem[]; skipped?: string[] }): PreparedRow | FieldProblem[] {
  if (conversion.problems.length === 0) return prepared
  const blamed = new Set([...conversion.problems.map((problem) => problem.path), ...(conversion.skipped ?? [])])
  // A cell that could not be converted was left out: its "is required" is the same problem again.
  const others = Array.isArray(prepared) ? prepared.filter((problem) => !blamed.has(problem.path)) : []
  return [...conversion.problems, ...others].sort((a, b) => a.path.localeCompare(b.path))
}

function headerProblems(target: ImportTarget, columns: readonly string[], fields: Parameters<typeof planColumns>[1], required: readonly (readonly string[])[]): FieldProblem[] {
  const { unknown, duplicates } = planColumns(columns, fields)
  const problems: FieldProblem[] = [
    ...unknown.map((column) => ({ path: column, message: column.startsWith('customFields.') ? 'is not a defined custom field' : `is not a column of ${target} files` })),
    ...duplicates.map((column) => ({ path: column, message: 'appears twice in the header' })),
  ]
  for (const group of required) {
    if (!group.some((column) => columns.includes(column))) problems.push({ path: group[0]!, message: group.length > 1 ? `is missing (or ${group.slice(1).join(', or ')})` : 'is missing' })
  }
  return problems
}
