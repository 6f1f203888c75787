import type { Kysely } from 'kysely'
import { GENESIS_HASH } from '../../domain/audit/index.ts'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_entries')
    .addColumn('seq', 'bigint', (col) => col.primaryKey().notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'text', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('audit_entries_entity').on('audit_entries').columns(['entity', 'entity_id', 'seq']).execute()

  // One row holding the chain's tip. Every append updates it first, which serialises
  // appends on both stores (a row lock in PostgreSQL, the write lock in SQLite) and lets
  // verification notice entries cut from the end of the ledger.
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (col) => col.primaryKey().notNull())
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('hash', 'text', (col) => col.notNull())
    .execute()
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: GENESIS_HASH }).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_head').execute()
  await db.schema.dropTable('audit_entries').execute()
}
