import type { TObject } from 'typebox'
import type { FieldProblem } from '../../domain/customers/index.ts'
import type { ImportTarget } from '../../schemas/import-job.ts'
import type { RecordKind } from '../../store/repositories/customer-record-kinds.ts'
import { fieldsOfSchema, type Field } from './fields.ts'
import type { ImportTargetHandler } from './import-target.ts'
import { prepareRow, schemaChecker } from './prepare-row.ts'
import { upsertRecords } from './upsert-records.ts'

/**
 * A record kept about a customer (contact, statement, bureau record), imported one per row.
 * The row names its customer by customerId, customerExternalId, or customerRegistrationId
 * with customerCountry (CN when left out), and may name the record's own id as exports do.
 */
export type RecordTargetSpec = {
  name: ImportTarget & RecordKind['name']
  kind: RecordKind
  schema: TObject
  /** After the id, the keys that find the stored record a row stands for, in order. */
  keys: readonly RecordKey[]
  /** Fills in what a row may leave out but the schema requires (a statement's items). */
  defaults?: (input: Record<string, unknown>) => void
}

export type RecordKey = {
  /** The field blamed when the key is taken. */
  field: string
  /** The key of an input given to a customer, or null when the input does not give it. */
  of(input: Record<string, unknown>, customerId: string): string | null
  /** The key of a stored row. */
  ofRow(row: Record<string, unknown>): string | null
  /** Whether the store allows one record per key (else a key only finds a record to update). */
  unique: boolean
  /** For keys that are not scoped to a customer: the column to look them up by. */
  column?: string
}

export const REFERENCE_COLUMNS = ['customerId', 'customerExternalId', 'customerRegistrationId', 'customerCountry'] as const
const KEY_COLUMNS = ['id', ...REFERENCE_COLUMNS]
const COUNTRY = /^[A-Z]{2}$/

export function recordTarget(spec: RecordTargetSpec): ImportTargetHandler {
  const check = schemaChecker(spec.schema)
  const fields: Field[] = [...KEY_COLUMNS.map((path) => ({ path, kind: 'string' as const })), ...fieldsOfSchema(spec.schema)]
  return {
    name: spec.name,
    fields: () => fields,
    requiredColumns: [['customerId', 'customerExternalId', 'customerRegistrationId'], ...requiredOf(spec.schema).map((field) => [field])],
    prepare(line, record) {
      spec.defaults?.(record)
      const prepared = prepareRow(line, record, KEY_COLUMNS, check)
      const problems: FieldProblem[] = Array.isArray(prepared) ? prepared : []
      const keys = Array.isArray(prepared) ? null : prepared.keys
      if (keys && !keys.customerId && !keys.customerExternalId && !keys.customerRegistrationId) {
        problems.push({ path: 'customerExternalId', message: 'is required to name the customer (or customerRegistrationId, or customerId)' })
      }
      if (keys?.customerCountry && !COUNTRY.test(keys.customerCountry)) problems.push({ path: 'customerCountry', message: 'must be a 2-letter ISO country code such as CN' })
      return problems.length > 0 ? problems : prepared
    },
    upsert: (context, rows) => upsertRecords(context, spec, rows),
  }
}

/** Top-level fields the schema requires that a CSV column can give (objects such as items are defaulted instead). */
function requiredOf(schema: TObject): string[] {
  const required = (schema as { required?: string[] }).required ?? []
  const columns = new Set(fieldsOfSchema(schema).map((field) => field.path))
  return required.filter((field) => columns.has(field))
}
