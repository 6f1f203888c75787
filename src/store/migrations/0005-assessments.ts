import type { Kysely } from 'kysely'

/** Risk assessments: each keeps the inputs it read and the result it gave, so it can be explained and re-run later. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessments')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('grade', 'text')
    .addColumn('pd', 'real')
    .addColumn('credit_limit', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('weights_version', 'text', (col) => col.notNull())
    .addColumn('scale_version', 'text', (col) => col.notNull())
    .addColumn('inputs', 'text', (col) => col.notNull())
    .addColumn('result', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('assessments_customer').on('assessments').columns(['customer_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assessments').execute()
}
