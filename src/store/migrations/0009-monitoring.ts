import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * What customers do: transactions, invoices and payments as they stream in, and the
 * monitoring engine's snapshots of each customer's feature state.
 *
 * Times here are epoch milliseconds (bigint), not ISO text as elsewhere: the engine compares
 * and windows them on its hot path, and a number costs nothing to convert. Each row keeps
 * its source's id; (source, id) is the idempotency key, so a repeated row is recognised and
 * never counted twice. `seq` orders transactions as they were accepted: the engine replays
 * them in that order after a restart, which is what makes its features reproducible.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('transactions')
    .addColumn('seq', isPostgres ? 'bigserial' : 'integer', (col) => col.primaryKey().notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('direction', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('channel', 'text')
    .addColumn('counterparty_id', 'text')
    .addColumn('counterparty_name', 'text')
    .addColumn('counterparty_country', 'text')
    .addColumn('counterparty_account', 'text')
    .addColumn('category', 'text')
    .addColumn('description', 'text')
    .addColumn('received_at', 'bigint', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('transactions_source_id').unique().on('transactions').columns(['source', 'id']).execute()
  await db.schema.createIndex('transactions_customer_at').on('transactions').columns(['customer_id', 'at']).execute()

  await db.schema
    .createTable('invoices')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('issued_at', 'bigint', (col) => col.notNull())
    .addColumn('due_at', 'bigint', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('received_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('invoices_pk', ['source', 'id'])
    .execute()
  await db.schema.createIndex('invoices_customer').on('invoices').columns(['customer_id', 'due_at']).execute()

  await db.schema
    .createTable('payments')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('received_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('payments_pk', ['source', 'id'])
    .execute()
  await db.schema.createIndex('payments_customer').on('payments').columns(['customer_id', 'at']).execute()
  await db.schema
    .createTable('payment_allocations')
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('payment_id', 'text', (col) => col.notNull())
    .addColumn('invoice_id', 'text', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('payment_allocations_pk', ['source', 'payment_id', 'invoice_id'])
    .addForeignKeyConstraint('payment_allocations_payment', ['source', 'payment_id'], 'payments', ['source', 'id'])
    .execute()
  await db.schema.createIndex('payment_allocations_invoice').on('payment_allocations').columns(['source', 'invoice_id']).execute()

  // One row per customer: its feature state as of the checkpoint below.
  await db.schema
    .createTable('feature_snapshots')
    .addColumn('customer_id', 'text', (col) => col.primaryKey().notNull().references('customers.id'))
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute()
  // The last transaction seq the snapshots include, written with them in one transaction.
  await db.schema
    .createTable('monitoring_checkpoints')
    .addColumn('name', 'text', (col) => col.primaryKey().notNull())
    .addColumn('through_seq', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute()
  // Labelled risk patterns (the demo's injected ones, or a client's confirmed cases): what alert rules are measured against.
  await db.schema
    .createTable('ground_truth_patterns')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('pattern', 'text', (col) => col.notNull())
    .addColumn('from_at', 'bigint', (col) => col.notNull())
    .addColumn('to_at', 'bigint', (col) => col.notNull())
    .addColumn('transaction_ids', 'text', (col) => col.notNull())
    .addColumn('invoice_ids', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('ground_truth_customer').on('ground_truth_patterns').columns(['customer_id']).execute()
  await sql`insert into monitoring_checkpoints (name, through_seq, updated_at) values ('features', 0, 0)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['ground_truth_patterns', 'monitoring_checkpoints', 'feature_snapshots', 'payment_allocations', 'payments', 'invoices', 'transactions']) {
    await db.schema.dropTable(table).execute()
  }
}
