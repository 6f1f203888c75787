import type { Kysely } from 'kysely'
import { stringify } from 'csv-stringify/sync'
import type { Customer } from '../../domain/customers/index.ts'
import type { ImportFormat, ImportTarget } from '../../schemas/import-job.ts'
import type { Store } from '../../store/open-store.ts'
import { listCustomFieldDefinitions } from '../../store/repositories/custom-fields.ts'
import { bureauRecordKind, contactKind, statementKind, type RecordKind } from '../../store/repositories/customer-record-kinds.ts'
import { toCustomer } from '../../store/repositories/customers.ts'
import type { Field } from '../imports/fields.ts'
import { IMPORT_TARGET_HANDLERS } from '../imports/targets.ts'
import { joinList } from '../imports/to-record.ts'

export type ExportRecordsOptions = {
  store: Store
  target: ImportTarget
  format: ImportFormat
  /** Start a CSV with a UTF-8 byte-order mark, so Excel reads Chinese text right. */
  bom?: boolean
  pageSize?: number
}

type AnyDb = Kysely<any>
const RECORD_KINDS: Record<Exclude<ImportTarget, 'customers'>, RecordKind> = { contacts: contactKind, statements: statementKind, bureau: bureauRecordKind }

/**
 * Streams every customer (or every contact, statement or bureau record) as CSV or NDJSON
 * text, in the columns and field names imports read, so an export imported again changes
 * nothing. Records name their customer by id, external id and registration id. Read page by
 * page in id order, so any number of rows streams in constant memory.
 */
export async function* exportRecords({ store, target, format, bom = true, pageSize = 1000 }: ExportRecordsOptions): AsyncGenerator<string> {
  const definitions = await listCustomFieldDefinitions(store.db)
  const fields = IMPORT_TARGET_HANDLERS[target].fields(definitions)
  if (format === 'csv') yield (bom ? '\uFEFF' : '') + stringify([fields.map((field) => field.path)])
  for await (const page of pages(store.db, target, pageSize)) {
    if (format === 'ndjson') yield page.map((record) => `${JSON.stringify(record)}\n`).join('')
    else yield stringify(page.map((record) => fields.map((field) => cellOf(record, field))))
  }
}

async function* pages(db: Kysely<any>, target: ImportTarget, pageSize: number): AsyncGenerator<Record<string, unknown>[]> {
  const table = target === 'customers' ? 'customers' : RECORD_KINDS[target].table
  let after = ''
  for (;;) {
    const rows = (await (db as AnyDb).selectFrom(table).selectAll().where('id', '>', after).orderBy('id').limit(pageSize).execute()) as Record<string, any>[]
    if (rows.length === 0) return
    yield target === 'customers' ? rows.map((row) => customerRecord(toCustomer(row as never))) : await recordsOf(db, RECORD_KINDS[target], rows)
    if (rows.length < pageSize) return
    after = rows.at(-1)!.id as string
  }
}

function customerRecord({ version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...record }: Customer): Record<string, unknown> {
  return record
}

async function recordsOf(db: Kysely<any>, kind: RecordKind, rows: Record<string, any>[]): Promise<Record<string, unknown>[]> {
  const customerIds = [...new Set(rows.map((row) => row.customer_id as string))]
  const customers = new Map(
    (await (db as AnyDb).selectFrom('customers').select(['id', 'external_id', 'registration_id', 'country']).where('id', 'in', customerIds).execute()).map((c: Record<string, string | null>) => [c.id!, c]),
  )
  return rows.map((row) => {
    const customer = customers.get(row.customer_id)
    const view = kind.toView(row)
    return {
      id: row.id,
      customerId: row.customer_id,
      customerExternalId: customer?.external_id ?? null,
      customerRegistrationId: customer?.registration_id ?? null,
      customerCountry: customer?.registration_id ? customer.country : null,
      ...(kind.toInput(view) as Record<string, unknown>),
    }
  })
}

/** A field's value as CSV cell text: empty for null, true/false, lists joined with |. */
function cellOf(record: Record<string, unknown>, field: Field): string {
  let value: unknown = record
  for (const part of field.path.split('.')) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[part]
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return joinList(value as string[])
  return String(value)
}
