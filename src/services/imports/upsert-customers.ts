import { customerProblems, type Customer, type CustomerFields, type FieldProblem } from '../../domain/customers/index.ts'
import type { CustomerInput } from '../../schemas/customer.ts'
import { customerColumns, customerJson, customerRow, toCustomer } from '../../store/repositories/customers.ts'
import type { CustomerRow } from '../../store/schema.ts'
import { withCustomerDefaults } from '../customers/customer-fields.ts'
import { batchWriter, type BatchWriter } from './batch-writer.ts'
import { CustomerLookup, normaliseRegistrationId } from './customer-lookup.ts'
import type { ImportContext, PreparedRow, RowOutcome } from './import-target.ts'
import { mergeGiven, newId } from './prepare-row.ts'

/**
 * Upserts a batch of customers in the context's transaction. A row is the customer whose id
 * it names, else whose external id it gives, else whose (country, registration id) it gives;
 * a customer found by registration id that carries another external id is a conflict, not a
 * match. What a row leaves out keeps its stored value. A row that changes nothing is neither
 * written nor audited; inserts and updates are audited as customer.created / customer.updated.
 */
export async function upsertCustomers(context: ImportContext, rows: readonly PreparedRow[]): Promise<RowOutcome[]> {
  const lookup = new CustomerLookup(context.trx, context.pipeline?.inFlight)
  await lookup.prefetch({
    ids: rows.flatMap((row) => (row.keys.id ? [row.keys.id] : [])),
    externalIds: rows.flatMap((row) => (typeof row.input.externalId === 'string' && row.input.externalId !== '' ? [row.input.externalId] : [])),
    registrations: rows.flatMap((row) => {
      const registrationId = normaliseRegistrationId(row.input.registrationId)
      return registrationId ? [{ country: row.input.country as string, registrationId }] : []
    }),
  })
  const writer = context.pipeline?.writer ?? batchWriter(context)
  const outcomes: RowOutcome[] = []
  for (const row of rows) outcomes.push(await upsertCustomer(context, lookup, writer, row.keys, row.input as CustomerInput))
  await writer.flush()
  context.pipeline?.wrote(lookup.written())
  return outcomes
}

async function upsertCustomer(
  context: ImportContext,
  lookup: CustomerLookup,
  writer: BatchWriter,
  keys: Record<string, string>,
  given: CustomerInput,
): Promise<RowOutcome> {
  const matched = await findMatch(lookup, keys, given)
  if (Array.isArray(matched)) return matched
  const fields = withCustomerDefaults(matched ? (mergeGiven(fieldsOf(toCustomer(matched)), given) as CustomerInput) : given)
  const problems = await customerRowProblems(context, lookup, fields, matched)
  if (problems.length > 0) return problems

  const columns = customerColumns(fields)
  const { now, actor } = context
  if (matched) {
    if (sameColumns(matched, columns)) return 'unchanged'
    const row = customerRow(columns, { id: matched.id, version: matched.version + 1, createdAt: matched.created_at, updatedAt: now })
    writer.update('customers', matched, { ...columns, version: row.version, updated_at: now })
    writer.audit({ actor, action: 'customer.updated', entity: 'customer', entityId: row.id, before: toCustomer(matched), after: customerJson(row), at: now })
    lookup.forget(matched)
    lookup.remember([row])
    return 'updated'
  }
  const row = customerRow(columns, { id: newId(keys.id), version: 1, createdAt: now, updatedAt: now })
  writer.insert('customers', row)
  writer.audit({ actor, action: 'customer.created', entity: 'customer', entityId: row.id, after: customerJson(row), at: now })
  lookup.remember([row])
  return 'inserted'
}

/** The stored customer the row stands for, null for a new one, or why it is ambiguous. */
async function findMatch(lookup: CustomerLookup, keys: Record<string, string>, given: CustomerInput): Promise<CustomerRow | null | FieldProblem[]> {
  if (keys.id) {
    const byId = await lookup.byId(keys.id)
    if (byId) return byId
  }
  if (given.externalId) {
    const byExternalId = await lookup.byExternalId(given.externalId)
    if (byExternalId) return byExternalId
  }
  const registrationId = normaliseRegistrationId(given.registrationId)
  if (!registrationId) return null
  const byRegistration = await lookup.byRegistration(given.country, registrationId)
  if (byRegistration?.external_id && given.externalId && byRegistration.external_id !== given.externalId) {
    return [{ path: 'registrationId', message: `is already used by customer ${byRegistration.id} (${byRegistration.name}), whose external id is ${byRegistration.external_id}` }]
  }
  return byRegistration
}

async function customerRowProblems(context: ImportContext, lookup: CustomerLookup, fields: CustomerFields, matched: CustomerRow | null): Promise<FieldProblem[]> {
  const problems = customerProblems(fields, context.definitions)
  if (fields.ownerId && !context.userIds.has(fields.ownerId)) problems.push({ path: 'ownerId', message: 'names no user' })
  if (fields.externalId) {
    const other = await lookup.byExternalId(fields.externalId)
    if (other && other.id !== matched?.id) problems.push({ path: 'externalId', message: `is already used by customer ${other.id} (${other.name})` })
  }
  if (fields.registrationId) {
    const other = await lookup.byRegistration(fields.country, fields.registrationId)
    if (other && other.id !== matched?.id) problems.push({ path: 'registrationId', message: `is already used by customer ${other.id} (${other.name})` })
  }
  return problems
}

function fieldsOf({ id: _id, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...fields }: Customer): CustomerFields {
  return fields
}

function sameColumns(row: CustomerRow, columns: ReturnType<typeof customerColumns>): boolean {
  for (const key of Object.keys(columns) as (keyof typeof columns)[]) {
    if (row[key] !== columns[key]) return false
  }
  return true
}
