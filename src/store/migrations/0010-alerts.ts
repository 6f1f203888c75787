import { sql, type Kysely } from 'kysely'

/**
 * Early warning: the stored rules (one row per version of a key), the alerts their hits
 * raise, and the cases alerts are grouped into (one open case per customer).
 *
 * A rule's document is canonical JSON text; its state is kept beside it in a column so the
 * live evaluator loads only active and shadow rules. A shadow rule's hits are alerts with
 * shadow = 1: recorded, never grouped into a case. An alert raised for a transaction keeps
 * its source and id; (rule_id, transaction_source, transaction_id) is unique, so replaying the
 * log after a restart never raises the same alert twice. `at` is when the hit happened (the
 * transaction's time): the suppression window is measured on it, so a replay or a backtest
 * suppresses exactly what live evaluation did.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rules')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('document', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('rules_key_version').unique().on('rules').columns(['key', 'version']).execute()
  await db.schema.createIndex('rules_state').on('rules').columns(['state']).execute()

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'text')
    .addColumn('opened_at', 'text', (col) => col.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('disposition', 'text')
    .addColumn('note', 'text')
    .execute()
  // One open case per customer: a partial unique index, which SQLite and PostgreSQL both hold.
  await db.schema
    .createIndex('cases_one_open_per_customer')
    .unique()
    .on('cases')
    .column('customer_id')
    .where(sql.ref('status'), '=', 'open')
    .execute()
  await db.schema.createIndex('cases_opened').on('cases').columns(['opened_at', 'id']).execute()

  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('rule_id', 'text', (col) => col.notNull().references('rules.id'))
    .addColumn('rule_key', 'text', (col) => col.notNull())
    .addColumn('rule_version', 'integer', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('severity', 'text', (col) => col.notNull())
    .addColumn('score', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('dedupe_key', 'text', (col) => col.notNull())
    .addColumn('transaction_source', 'text')
    .addColumn('transaction_id', 'text')
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('raised_at', 'text', (col) => col.notNull())
    .addColumn('evidence', 'text', (col) => col.notNull())
    .addColumn('shadow', 'integer', (col) => col.notNull())
    .addColumn('case_id', 'text')
    .execute()
  await db.schema.createIndex('alerts_rule_transaction').unique().on('alerts').columns(['rule_id', 'transaction_source', 'transaction_id']).execute()
  await db.schema.createIndex('alerts_dedupe').on('alerts').columns(['dedupe_key', 'shadow', 'at']).execute()
  await db.schema.createIndex('alerts_raised').on('alerts').columns(['raised_at', 'id']).execute()
  await db.schema.createIndex('alerts_customer').on('alerts').columns(['customer_id', 'raised_at']).execute()
  await db.schema.createIndex('alerts_case').on('alerts').columns(['case_id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['alerts', 'cases', 'rules']) await db.schema.dropTable(table).execute()
}
