import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema.ts'

/**
 * Runs work in a transaction, or inside the caller's when there is one already. Services
 * use it so the same use case can stand alone (its own commit) or be one step of a larger
 * unit, such as seeding a customer with all its records in one commit.
 */
export function withTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database> | Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work)
}
