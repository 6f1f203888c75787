import { sql, type Kysely } from 'kysely'

/**
 * The customer workflow (docs/workflow.md):
 * - approval_requests: a limit change, rating override, onboarding or hold release asked for
 *   one customer, routed by the active policy's approval matrix (the role and how many
 *   different approvers it needs, with the route's explanation); at most one pending request
 *   per customer and kind (a partial unique index).
 * - approval_decisions: each approver's decision, once per request and user (primary key).
 * - reviews: periodic reviews scheduled from the customer's grade under the active policy; at
 *   most one scheduled per customer (a partial unique index). Overdue is derived (scheduled
 *   and due before today); overdue_alerted_at says the overdue review was raised, once.
 * The KYC checklist reads the customer registry as it is (no table of its own).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('approval_requests')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull())
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('grade', 'text')
    .addColumn('policy_version', 'integer', (col) => col.notNull())
    .addColumn('required_role', 'text', (col) => col.notNull())
    .addColumn('approvers_needed', 'integer', (col) => col.notNull())
    .addColumn('route_explanation', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('requested_by', 'text', (col) => col.notNull())
    .addColumn('requested_at', 'text', (col) => col.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('note', 'text')
    .addColumn('outcome', 'text')
    .execute()
  await db.schema.createIndex('approval_requests_one_pending').unique().on('approval_requests').columns(['customer_id', 'kind']).where(sql.ref('status'), '=', 'pending').execute()
  await db.schema.createIndex('approval_requests_status').on('approval_requests').columns(['status', 'requested_at']).execute()
  await db.schema.createIndex('approval_requests_customer').on('approval_requests').columns(['customer_id', 'requested_at']).execute()

  await db.schema
    .createTable('approval_decisions')
    .addColumn('request_id', 'text', (col) => col.notNull().references('approval_requests.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('decision', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('approval_decisions_pk', ['request_id', 'user_id'])
    .execute()

  await db.schema
    .createTable('reviews')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('due_on', 'text', (col) => col.notNull())
    .addColumn('based_on', 'text', (col) => col.notNull())
    .addColumn('grade', 'text', (col) => col.notNull())
    .addColumn('frequency', 'text', (col) => col.notNull())
    .addColumn('policy_version', 'integer', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('scheduled_at', 'text', (col) => col.notNull())
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('overdue_alerted_at', 'text')
    .addColumn('overdue_task_id', 'text')
    .execute()
  await db.schema.createIndex('reviews_one_scheduled').unique().on('reviews').column('customer_id').where(sql.ref('status'), '=', 'scheduled').execute()
  await db.schema.createIndex('reviews_due').on('reviews').columns(['status', 'due_on']).execute()
  await db.schema.createIndex('reviews_customer').on('reviews').columns(['customer_id', 'due_on']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['reviews', 'approval_decisions', 'approval_requests']) await db.schema.dropTable(table).execute()
}
