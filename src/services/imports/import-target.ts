import type { Kysely } from 'kysely'
import type { CustomFieldDefinition, FieldProblem } from '../../domain/customers/index.ts'
import type { ImportTarget } from '../../schemas/import-job.ts'
import type { Store } from '../../store/open-store.ts'
import type { Database } from '../../store/schema.ts'
import type { RecordedBatch } from './batch-writer.ts'
import type { WrittenCustomers } from './customer-lookup.ts'
import type { Field } from './fields.ts'

/**
 * What every import target (customers, contacts, statements, bureau) provides to run-import:
 * its columns, how a row is checked on its own, and how a batch of checked rows is upserted
 * in one transaction. Targets are small strategy objects; run-import knows none of them.
 */
export type ImportTargetHandler<Row extends PreparedRow = PreparedRow> = {
  name: ImportTarget
  /** Every column a CSV file may have (keys, references and the input's fields), with its kind. */
  fields(definitions: readonly CustomFieldDefinition[]): Field[]
  /** Groups of columns a CSV header must name at least one of. */
  requiredColumns: readonly (readonly string[])[]
  /** Checks one row on its own (types, the schema); what needs the store waits for upsert. */
  prepare(line: number, record: Record<string, unknown>): Row | FieldProblem[]
  /** Upserts a batch in the context's transaction; one outcome per row, in order. */
  upsert(context: ImportContext, rows: readonly Row[]): Promise<RowOutcome[]>
  /**
   * The target's upsert also runs pipelined (import-pipeline.ts): given `context.pipeline`, it
   * reads through the lookup the pipeline carries, records its writes in the pipeline's writer
   * with every update's expected version, and hands on what it wrote.
   */
  pipelined?: boolean
}

/** A row that passed its own checks: the keys and references it names, and the input it gives. */
export type PreparedRow = { line: number; keys: Record<string, string>; input: Record<string, unknown> }

export type RowOutcome = 'inserted' | 'updated' | 'unchanged' | FieldProblem[]

export type ImportContext = {
  store: Store
  /** The transaction every write and audit entry of the batch goes into. */
  trx: Kysely<Database>
  /** The audit ledger's name for who imports. */
  actor: string
  userId: string | null
  now: string
  definitions: readonly CustomFieldDefinition[]
  /** Ids of every user, for checking ownerId. */
  userIds: ReadonlySet<string>
  /** Set when the batch is planned for a writer thread: `trx` then only reads, outside any transaction. */
  pipeline?: PipelinedBatch
}

export type PipelinedBatch = {
  /** Records the batch's writes; the pipeline makes them. */
  writer: RecordedBatch
  /** What the batch before this one wrote, which the store may not hold yet. */
  inFlight: WrittenCustomers | null
  /** Hands on what this batch writes, for the batch after it. */
  wrote(written: WrittenCustomers): void
}
