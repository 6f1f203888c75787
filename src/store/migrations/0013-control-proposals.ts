import { sql, type Kysely } from 'kysely'

/**
 * What the control policy sets off beside a credit hold, and email notifications.
 *
 * - limit_proposals: a proposal to cut a customer's credit limit (the active contract's), from
 *   the policy's decision on an alert; proposed until a person accepts (the contract's limit is
 *   changed) or rejects it with a note. One per case: a partial unique index on case_id.
 * - control_reviews: a review the policy started — the customer's status set to under_review
 *   and a review task with a due date in the tasks table. One per case, likewise.
 * - email_subscriptions: who is emailed which events (a user, whose address is read when the
 *   email is queued, or a bare address), with a minimum severity for alerts.
 * - email_deliveries: the email outbox and its log, one row per attempt, as webhook_deliveries.
 * - email_transport: one row the server writes when it starts, saying whether SMTP is
 *   configured; events queue emails only while it is.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('limit_proposals')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('contract_id', 'text', (col) => col.notNull())
    .addColumn('case_id', 'text')
    .addColumn('alert_id', 'text')
    .addColumn('current_limit', 'bigint', (col) => col.notNull())
    .addColumn('proposed_limit', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('cut_percent', 'integer', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('reasons', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('proposed_at', 'text', (col) => col.notNull())
    .addColumn('proposed_by', 'text', (col) => col.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('note', 'text')
    .execute()
  await db.schema.createIndex('limit_proposals_one_per_case').unique().on('limit_proposals').column('case_id').where(sql.ref('case_id'), 'is not', null).execute()
  await db.schema.createIndex('limit_proposals_customer').on('limit_proposals').columns(['customer_id', 'proposed_at']).execute()
  await db.schema.createIndex('limit_proposals_status').on('limit_proposals').columns(['status', 'proposed_at']).execute()

  await db.schema
    .createTable('control_reviews')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('case_id', 'text')
    .addColumn('alert_id', 'text')
    .addColumn('task_id', 'text', (col) => col.notNull())
    .addColumn('status_before', 'text', (col) => col.notNull())
    .addColumn('due_on', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('reasons', 'text', (col) => col.notNull())
    .addColumn('triggered_at', 'text', (col) => col.notNull())
    .addColumn('triggered_by', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('control_reviews_one_per_case').unique().on('control_reviews').column('case_id').where(sql.ref('case_id'), 'is not', null).execute()
  await db.schema.createIndex('control_reviews_customer').on('control_reviews').columns(['customer_id', 'triggered_at']).execute()

  await db.schema
    .createTable('email_subscriptions')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('user_id', 'text')
    .addColumn('address', 'text')
    .addColumn('events', 'text', (col) => col.notNull())
    .addColumn('min_severity', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('deleted_at', 'text')
    .execute()

  await db.schema
    .createTable('email_deliveries')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('subscription_id', 'text', (col) => col.notNull().references('email_subscriptions.id'))
    .addColumn('message_id', 'text', (col) => col.notNull())
    .addColumn('event', 'text', (col) => col.notNull())
    .addColumn('to_address', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('attempt', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('attempted_at', 'text')
    .addColumn('delivered_at', 'text')
    .execute()
  await db.schema.createIndex('email_deliveries_due').on('email_deliveries').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('email_deliveries_subscription').on('email_deliveries').columns(['subscription_id', 'created_at']).execute()

  await db.schema
    .createTable('email_transport')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('configured', 'integer', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['email_transport', 'email_deliveries', 'email_subscriptions', 'control_reviews', 'limit_proposals']) await db.schema.dropTable(table).execute()
}
