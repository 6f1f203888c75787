import type { Kysely } from 'kysely'
import type { FieldProblem } from '../../domain/customers/index.ts'
import type { CustomerRow } from '../../store/schema.ts'
import { batchWriter, type BatchWriter, type ImportTable } from './batch-writer.ts'
import { CustomerLookup, normaliseRegistrationId } from './customer-lookup.ts'
import type { ImportContext, PreparedRow, RowOutcome } from './import-target.ts'
import { mergeGiven, newId } from './prepare-row.ts'
import type { RecordKey, RecordTargetSpec } from './record-target.ts'

type Row = Record<string, unknown> & { id: string; customer_id: string }
type AnyDb = Kysely<any>

/**
 * Upserts a batch of customer records in the context's transaction: finds each row's
 * customer, then the stored record it stands for (by id, then by the target's keys), merges
 * what the row gives over what is stored, and inserts, updates or leaves it, audited as
 * <entity>.created / <entity>.updated like the API's writes.
 */
export async function upsertRecords(context: ImportContext, spec: RecordTargetSpec, rows: readonly PreparedRow[]): Promise<RowOutcome[]> {
  const customers = new CustomerLookup(context.trx)
  await customers.prefetch({
    ids: rows.flatMap((row) => (row.keys.customerId ? [row.keys.customerId] : [])),
    externalIds: rows.flatMap((row) => (row.keys.customerExternalId ? [row.keys.customerExternalId] : [])),
    registrations: rows.flatMap((row) => {
      const registrationId = normaliseRegistrationId(row.keys.customerRegistrationId)
      return registrationId ? [{ country: row.keys.customerCountry ?? 'CN', registrationId }] : []
    }),
  })
  const resolved: (CustomerRow | FieldProblem[])[] = []
  for (const row of rows) resolved.push(await resolveCustomer(customers, row.keys))
  const index = await RecordIndex.load(context.trx, spec, rows, resolved)
  const writer = batchWriter(context)
  const outcomes = rows.map((row, i) => {
    const customer = resolved[i]!
    return Array.isArray(customer) ? customer : upsertRecord(context, spec, index, writer, row, customer.id)
  })
  await writer.flush()
  return outcomes
}

function upsertRecord(context: ImportContext, spec: RecordTargetSpec, index: RecordIndex, writer: BatchWriter, row: PreparedRow, customerId: string): RowOutcome {
  const { kind } = spec
  const table = kind.table as ImportTable
  const what = kind.entity.replace(/_/g, ' ')
  const matched = findMatch(spec, index, row, customerId)
  if (Array.isArray(matched)) return matched
  const before = matched && kind.toView(matched)
  const current = before && (kind.toInput(before) as Record<string, unknown>)
  const input = current ? mergeGiven(current, row.input) : row.input
  const problems = kind.problems?.(input) ?? []
  for (const key of spec.keys.filter((k) => k.unique)) {
    const value = key.of(input, customerId)
    const other = value === null ? null : index.get(key, value)
    if (other && other.id !== matched?.id) problems.push({ path: key.field, message: `is already used by ${what} ${other.id}` })
  }
  if (problems.length > 0) return problems

  const { actor, userId, now } = context
  const recordContext = { actor, userId, now, before }
  const columns = kind.toColumns(input, recordContext)
  const stamp = kind.hasUpdatedAt ? { updated_at: now } : {}
  if (matched) {
    if (JSON.stringify(columns) === JSON.stringify(kind.toColumns(current, recordContext))) return 'unchanged'
    const updated: Row = { ...matched, ...columns, ...stamp }
    writer.update(table, { id: matched.id }, { ...columns, ...stamp })
    writer.audit({ actor, action: `${kind.entity}.updated`, entity: kind.entity, entityId: matched.id, before, after: kind.toView(updated), at: now })
    index.forget(matched)
    index.remember(updated)
    return 'updated'
  }
  const inserted: Row = { id: newId(row.keys.id), customer_id: customerId, ...columns, created_at: now, ...stamp }
  writer.insert(table, inserted)
  writer.audit({ actor, action: `${kind.entity}.created`, entity: kind.entity, entityId: inserted.id, after: kind.toView(inserted), at: now })
  index.remember(inserted)
  return 'inserted'
}

/** The stored record a row stands for, null for a new one, or why the row cannot be placed. */
function findMatch(spec: RecordTargetSpec, index: RecordIndex, row: PreparedRow, customerId: string): Row | null | FieldProblem[] {
  const what = spec.kind.entity.replace(/_/g, ' ')
  if (row.keys.id) {
    const byId = index.byId(row.keys.id)
    if (byId && byId.customer_id !== customerId) return [{ path: 'id', message: `is a ${what} of another customer (${byId.customer_id})` }]
    if (byId) return byId
  }
  for (const [position, key] of spec.keys.entries()) {
    const value = key.of(row.input, customerId)
    const found = value === null ? null : index.get(key, value)
    if (!found) continue
    // Found by a later key, but carrying another value of an earlier one: not this row's record.
    const clash = spec.keys.slice(0, position).find((earlier) => {
      const given = earlier.of(row.input, customerId)
      const stored = earlier.ofRow(found)
      return given !== null && stored !== null && given !== stored
    })
    if (!clash) return found
    if (key.unique) return [{ path: key.field, message: `is already used by ${what} ${found.id}, whose ${clash.field} is ${clash.ofRow(found)}` }]
  }
  return null
}

/** The first reference that finds a customer (customerId, then customerExternalId, then the registration id), so an export from another installation, whose ids are not these, still finds its customers. */
async function resolveCustomer(customers: CustomerLookup, keys: Record<string, string>): Promise<CustomerRow | FieldProblem[]> {
  const registrationId = normaliseRegistrationId(keys.customerRegistrationId)
  const country = keys.customerCountry ?? 'CN'
  const found =
    (keys.customerId ? await customers.byId(keys.customerId) : null) ??
    (keys.customerExternalId ? await customers.byExternalId(keys.customerExternalId) : null) ??
    (registrationId ? await customers.byRegistration(country, registrationId) : null)
  if (found) return found
  if (keys.customerExternalId) return [{ path: 'customerExternalId', message: 'names no customer' }]
  if (registrationId) return [{ path: 'customerRegistrationId', message: `names no customer in ${country}` }]
  return [{ path: 'customerId', message: 'names no customer' }]
}

/** The stored records a batch may touch, by id and by each key, kept current as the batch writes. */
class RecordIndex {
  private readonly ids = new Map<string, Row>()
  private readonly byKey = new Map<RecordKey, Map<string, Row>>()

  private constructor(private readonly keys: readonly RecordKey[]) {
    for (const key of keys) this.byKey.set(key, new Map())
  }

  static async load(db: Kysely<any>, spec: RecordTargetSpec, rows: readonly PreparedRow[], customers: readonly (CustomerRow | FieldProblem[])[]): Promise<RecordIndex> {
    const index = new RecordIndex(spec.keys)
    const table = spec.kind.table
    const select = () => (db as AnyDb).selectFrom(table).selectAll()
    const customerIds = [...new Set(customers.flatMap((customer) => (Array.isArray(customer) ? [] : [customer.id])))]
    for (const chunk of chunks(customerIds)) for (const row of await select().where('customer_id', 'in', chunk).execute()) index.remember(row as Row)
    const ids = [...new Set(rows.flatMap((row) => (row.keys.id ? [row.keys.id] : [])))]
    for (const chunk of chunks(ids)) for (const row of await select().where('id', 'in', chunk).execute()) index.remember(row as Row)
    for (const key of spec.keys.filter((k) => k.column)) {
      const values = [...new Set(rows.flatMap((row) => (typeof row.input[key.field] === 'string' ? [row.input[key.field] as string] : [])))]
      for (const chunk of chunks(values)) for (const row of await select().where(key.column!, 'in', chunk).execute()) index.remember(row as Row)
    }
    return index
  }

  byId(id: string): Row | null {
    return this.ids.get(id) ?? null
  }

  get(key: RecordKey, value: string): Row | null {
    return this.byKey.get(key)!.get(value) ?? null
  }

  remember(row: Row): void {
    this.ids.set(row.id, row)
    for (const key of this.keys) {
      const value = key.ofRow(row)
      if (value !== null) this.byKey.get(key)!.set(value, row)
    }
  }

  forget(row: Row): void {
    for (const key of this.keys) {
      const value = key.ofRow(row)
      if (value !== null && this.byKey.get(key)!.get(value)?.id === row.id) this.byKey.get(key)!.delete(value)
    }
  }
}

const CHUNK = 1000

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = []
  for (let start = 0; start < values.length; start += CHUNK) out.push(values.slice(start, start + CHUNK))
  return out
}
