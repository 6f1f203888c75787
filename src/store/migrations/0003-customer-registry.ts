import { PostgresAdapter, sql, type Kysely } from 'kysely'

/**
 * The customer registry (KYC + CRM). Money is integer minor units (bigint) with a currency
 * code beside it; dates are 'YYYY-MM-DD' text and times UTC ISO-8601 text; lists and custom
 * fields are canonical JSON text. Search: an FTS5 trigram index on SQLite, pg_trgm on PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('external_id', 'text', (col) => col.unique())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('aliases', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('registration_id', 'text')
    .addColumn('country', 'text', (col) => col.notNull())
    .addColumn('region', 'text')
    .addColumn('industry_code', 'text')
    .addColumn('industry_name', 'text')
    .addColumn('business_scope', 'text')
    .addColumn('business_model', 'text')
    .addColumn('founded', 'text')
    .addColumn('employees', 'integer')
    .addColumn('listed', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('tags', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('owner_id', 'text', (col) => col.references('users.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('custom_fields', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('search_text', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  // One customer per registration id within a country: the key imports upsert on.
  await sql`create unique index customers_country_registration on customers (country, registration_id) where registration_id is not null`.execute(db)
  for (const column of ['status', 'country', 'industry_code', 'owner_id', 'updated_at', 'name']) {
    await db.schema.createIndex(`customers_${column}`).on('customers').column(column).execute()
  }

  if (isPostgres) {
    // pg_trgm lives in public so per-tenant schemas share it; without the right to install
    // it, search still works (LIKE), only without the index.
    await sql`do $$ begin create extension if not exists pg_trgm with schema public; exception when others then raise notice 'pg_trgm unavailable: %', sqlerrm; end $$`.execute(db)
    await sql`do $$ begin
      if exists (select 1 from pg_extension where extname = 'pg_trgm') then
        execute 'create index customers_search_trgm on customers using gin (search_text public.gin_trgm_ops)';
      end if; end $$`.execute(db)
  } else {
    await sql`create virtual table customers_fts using fts5(search_text, content='customers', content_rowid='rowid', tokenize='trigram')`.execute(db)
    await sql`create trigger customers_fts_insert after insert on customers begin
      insert into customers_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db)
    await sql`create trigger customers_fts_delete after delete on customers begin
      insert into customers_fts(customers_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db)
    await sql`create trigger customers_fts_update after update of search_text on customers begin
      insert into customers_fts(customers_fts, rowid, search_text) values ('delete', old.rowid, old.search_text);
      insert into customers_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db)
  }

  await db.schema
    .createTable('custom_field_definitions')
    .addColumn('key', 'text', (col) => col.primaryKey().notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('options', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('required', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('external_id', 'text', (col) => col.unique())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('title', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('primary_contact', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('contacts_customer').on('contacts').column('customer_id').execute()

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('occurred_at', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('notes', 'text')
    .addColumn('outcome', 'text')
    .addColumn('follow_up_on', 'text')
    .addColumn('location', 'text')
    .addColumn('attendees', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('author_id', 'text', (col) => col.references('users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('interactions_customer').on('interactions').columns(['customer_id', 'occurred_at']).execute()

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('due_on', 'text')
    .addColumn('assignee_id', 'text', (col) => col.references('users.id'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('tasks_customer').on('tasks').column('customer_id').execute()
  await db.schema.createIndex('tasks_assignee').on('tasks').columns(['assignee_id', 'status', 'due_on']).execute()

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('filename', 'text', (col) => col.notNull())
    .addColumn('content_type', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('category', 'text')
    .addColumn('content', isPostgres ? 'bytea' : 'blob', (col) => col.notNull())
    .addColumn('uploaded_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('documents_customer').on('documents').column('customer_id').execute()

  await db.schema
    .createTable('financial_statements')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('period_end', 'text', (col) => col.notNull())
    .addColumn('period_months', 'integer', (col) => col.notNull().defaultTo(12))
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('audited', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('items', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('financial_statements_period', ['customer_id', 'period_end', 'period_months'])
    .execute()

  await db.schema
    .createTable('bureau_records')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('agency', 'text', (col) => col.notNull())
    .addColumn('reported_on', 'text', (col) => col.notNull())
    .addColumn('score', 'integer')
    .addColumn('score_min', 'integer')
    .addColumn('score_max', 'integer')
    .addColumn('rating', 'text')
    .addColumn('recommended_limit', 'bigint')
    .addColumn('currency', 'text')
    .addColumn('defaults', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('court_judgments', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('tax_arrears', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('bureau_records_report', ['customer_id', 'agency', 'reported_on'])
    .execute()

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('number', 'text', (col) => col.notNull())
    .addColumn('signed_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('credit_terms_days', 'integer', (col) => col.notNull())
    .addColumn('credit_limit', 'bigint')
    .addColumn('currency', 'text', (col) => col.notNull())
    .addColumn('securities', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('contracts_number', ['customer_id', 'number'])
    .execute()

  await db.schema
    .createTable('relationships')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('from_customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('to_customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('share_pct', 'real')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('relationships_pair', ['from_customer_id', 'to_customer_id', 'kind'])
    .execute()
  await db.schema.createIndex('relationships_to').on('relationships').column('to_customer_id').execute()

  // The audit ledger also serves as each customer's history: this column (kept out of the
  // hash, and checked against the hashed before/after by verification) finds it fast.
  await db.schema.alterTable('audit_entries').addColumn('customer_id', 'text').execute()
  await db.schema.createIndex('audit_entries_customer').on('audit_entries').columns(['customer_id', 'seq']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_entries_customer').execute()
  await db.schema.alterTable('audit_entries').dropColumn('customer_id').execute()
  for (const table of ['relationships', 'contracts', 'bureau_records', 'financial_statements', 'documents', 'tasks', 'interactions', 'contacts', 'custom_field_definitions']) {
    await db.schema.dropTable(table).execute()
  }
  await sql`drop table if exists customers_fts`.execute(db)
  await db.schema.dropTable('customers').execute()
}
