import { AppError, invalidField } from '../../app-error.ts'
import type { Customer, CustomerFields } from '../../domain/customers/index.ts'
import type { CustomerInput } from '../../schemas/customer.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { listCustomFieldDefinitions } from '../../store/repositories/custom-fields.ts'
import { customerColumns, customerRow, toCustomer } from '../../store/repositories/customers.ts'
import { findUserRowById } from '../../store/repositories/users.ts'
import type { Database } from '../../store/schema.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { assertValidCustomer, withCustomerDefaults } from './customer-fields.ts'
import type { Kysely } from 'kysely'
import { withTransaction } from '../../store/with-transaction.ts'
import { uuidV7 } from '../../store/uuid-v7.ts'

export type CreateCustomerOptions = { store: Store; actor: Actor; input: CustomerInput }

export async function createCustomer({ store, actor, input }: CreateCustomerOptions): Promise<Customer> {
  const fields = withCustomerDefaults(input)
  assertValidCustomer(fields, await listCustomFieldDefinitions(store.db))
  const now = new Date().toISOString()
  return withTransaction(store.db, async (trx) => {
    await assertReferencesExist(trx, fields)
    await assertUniqueKeys(trx, fields, null)
    let row
    try {
      row = await trx
        .insertInto('customers')
        .values(customerRow(customerColumns(fields), { id: uuidV7(), version: 1, createdAt: now, updatedAt: now }))
        .returningAll()
        .executeTakeFirstOrThrow()
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', 'a customer with the same external id or registration id already exists')
      throw error
    }
    const customer = toCustomer(row)
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'customer.created', entity: 'customer', entityId: customer.id, after: customer, at: now })
    return customer
  })
}

export async function assertReferencesExist(db: Kysely<Database>, fields: Pick<CustomerFields, 'ownerId'>): Promise<void> {
  if (fields.ownerId && !(await findUserRowById(db, fields.ownerId))) throw invalidField('ownerId', 'names no user')
}

/** 409 naming the key another customer already holds: the external id, or the registration id within a country. */
export async function assertUniqueKeys(db: Kysely<Database>, fields: Pick<CustomerFields, 'externalId' | 'registrationId' | 'country'>, selfId: string | null): Promise<void> {
  if (fields.externalId) {
    const other = await db.selectFrom('customers').select(['id', 'name']).where('external_id', '=', fields.externalId).executeTakeFirst()
    if (other && other.id !== selfId) {
      throw new AppError('conflict', `external id ${fields.externalId} belongs to ${other.name}`, { details: [{ path: 'externalId', message: `is already used by customer ${other.id}` }] })
    }
  }
  if (fields.registrationId) {
    const other = await db
      .selectFrom('customers')
      .select(['id', 'name'])
      .where('country', '=', fields.country)
      .where('registration_id', '=', fields.registrationId)
      .executeTakeFirst()
    if (other && other.id !== selfId) {
      throw new AppError('conflict', `registration id ${fields.registrationId} belongs to ${other.name}`, {
        details: [{ path: 'registrationId', message: `is already used by customer ${other.id}` }],
      })
    }
  }
}
