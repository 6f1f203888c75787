import { sql, type Kysely } from 'kysely'

/**
 * Automatic controls and notifications: credit holds placed by critical alerts (one active
 * hold per customer: a partial unique index on the holds not lifted), the webhooks
 * notifications go to, and their delivery log — one row per attempt, so every try, its
 * response code or error, and when the next one is due are kept.
 *
 * A webhook's secret is stored as given: the server needs it to sign (HMAC), so it cannot be
 * hashed; it is returned once, when the webhook is created, and never again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('credit_holds')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('alert_id', 'text')
    .addColumn('placed_at', 'text', (col) => col.notNull())
    .addColumn('placed_by', 'text', (col) => col.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('lifted_by', 'text')
    .addColumn('lift_note', 'text')
    .execute()
  await db.schema.createIndex('credit_holds_one_active_per_customer').unique().on('credit_holds').column('customer_id').where(sql.ref('lifted_at'), 'is', null).execute()
  await db.schema.createIndex('credit_holds_customer').on('credit_holds').columns(['customer_id', 'placed_at']).execute()

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('url', 'text', (col) => col.notNull())
    .addColumn('secret', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute()

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('webhook_id', 'text', (col) => col.notNull().references('webhooks.id'))
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('attempt', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('response_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('attempted_at', 'text')
    .addColumn('delivered_at', 'text')
    .execute()
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['webhook_deliveries', 'webhooks', 'credit_holds']) await db.schema.dropTable(table).execute()
}
