import type { Kysely } from 'kysely'
import type { Customer } from '../../domain/customers/index.ts'
import type { BureauRecord, Statement } from '../../schemas/customer-records.ts'
import type { Database } from '../schema.ts'
import { bureauRecordKind, statementKind } from './customer-record-kinds.ts'
import { toCustomer } from './customers.ts'

/**
 * What a customer's scorecard features are built from, read for many customers at once:
 * a page of customers, then their statements and bureau records in one query each, so
 * scoring a portfolio costs three queries a page rather than several a customer.
 */
export type FeatureSources = { customer: Customer; statements: Statement[]; bureau: BureauRecord | null }

/** Customers by id, after `afterId` (exclusive), at most `limit`. */
export async function customersAfter(db: Kysely<Database>, afterId: string | null, limit: number): Promise<Customer[]> {
  let select = db.selectFrom('customers').selectAll()
  if (afterId !== null) select = select.where('id', '>', afterId)
  return (await select.orderBy('id').limit(limit).execute()).map(toCustomer)
}

/** The customers' statements and latest bureau records (the one reported last, as the bureau list shows first). */
export async function featureSourcesOf(db: Kysely<Database>, customers: readonly Customer[]): Promise<FeatureSources[]> {
  if (customers.length === 0) return []
  const ids = customers.map((customer) => customer.id)
  const statementRows = await db.selectFrom('financial_statements').selectAll().where('customer_id', 'in', ids).execute()
  const bureauRows = await db.selectFrom('bureau_records').selectAll().where('customer_id', 'in', ids).orderBy('reported_on', 'desc').orderBy('id', 'desc').execute()
  const statements = new Map<string, Statement[]>()
  for (const row of statementRows) {
    const list = statements.get(row.customer_id) ?? []
    list.push(statementKind.toView(row))
    statements.set(row.customer_id, list)
  }
  const bureau = new Map<string, BureauRecord>()
  for (const row of bureauRows) if (!bureau.has(row.customer_id)) bureau.set(row.customer_id, bureauRecordKind.toView(row))
  return customers.map((customer) => ({ customer, statements: statements.get(customer.id) ?? [], bureau: bureau.get(customer.id) ?? null }))
}
