import { sql, type Kysely } from 'kysely'

/**
 * Indexes the portfolio analytics read instead of the tables (docs/portfolio.md#speed). Each
 * holds every column its query reads, so a pass over 100,000 customers touches only narrow
 * index pages, never the wide rows (search text, custom fields, assessment inputs and results):
 *
 * - open invoices (a partial index: paid, cancelled and written-off ones are most of them and
 *   owe nothing), with the customer, currency, amount and issue time;
 * - graded assessments by customer and time, with the grade and PD: the latest per customer;
 * - each customer's grouping keys (industry, region, status);
 * - active contracts' credit limits, for the limit basis.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('invoices_open_portfolio')
    .on('invoices')
    .columns(['customer_id', 'currency', 'amount', 'issued_at', 'source', 'id'])
    .where(sql.ref('status'), '=', 'open')
    .execute()
  await db.schema
    .createIndex('assessments_graded_portfolio')
    .on('assessments')
    .columns(['customer_id', 'created_at', 'id', 'final_grade', 'pd'])
    .where(sql.ref('final_grade'), 'is not', null)
    .execute()
  await db.schema.createIndex('customers_portfolio').on('customers').columns(['id', 'industry_code', 'industry_name', 'region', 'country', 'status', 'updated_at']).execute()
  await db.schema
    .createIndex('contracts_active_limits')
    .on('contracts')
    .columns(['customer_id', 'currency', 'credit_limit'])
    .where(sql.ref('status'), '=', 'active')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['contracts_active_limits', 'customers_portfolio', 'assessments_graded_portfolio', 'invoices_open_portfolio']) await db.schema.dropIndex(index).execute()
}
