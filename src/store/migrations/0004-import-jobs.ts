import type { Kysely } from 'kysely'

/**
 * Import jobs started through the API: what was asked, how far it got and the first errors,
 * kept in the store so a job's outcome survives a restart. The rows an import writes are
 * audited one by one; this table is only the job's bookkeeping.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_jobs')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('target', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('encoding', 'text', (col) => col.notNull())
    .addColumn('source', 'text')
    .addColumn('atomic', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('size', 'bigint', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('read', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('total', 'integer')
    .addColumn('inserted', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (col) => col.notNull().defaultTo(0))
    /** JSON array of the first errors, {line, field, message} */
    .addColumn('errors', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('message', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('import_jobs_created').on('import_jobs').column('created_at').execute()
  await db.schema.createIndex('import_jobs_status').on('import_jobs').column('status').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_jobs').execute()
}
