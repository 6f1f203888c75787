import type { Kysely } from 'kysely'

/**
 * Expert questionnaires and their answers, the industry risk table, and analysts' rating
 * overrides. Questionnaires and industry risk tables are versioned: every change is a new
 * row, the highest version is the active one, and nothing is ever edited in place, so an
 * answer or an assessment always names the version it was made with.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('questionnaires')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('version', 'integer', (col) => col.notNull().unique())
    .addColumn('definition', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  await db.schema
    .createTable('expert_assessments')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('questionnaire_version', 'integer', (col) => col.notNull())
    .addColumn('answers', 'text', (col) => col.notNull())
    .addColumn('score', 'double precision')
    .addColumn('result', 'text', (col) => col.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('expert_assessments_customer').on('expert_assessments').columns(['customer_id', 'created_at']).execute()

  await db.schema
    .createTable('industry_risk_tables')
    .addColumn('version', 'integer', (col) => col.primaryKey().notNull())
    .addColumn('sections', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute()

  // The override lives on the assessment it changes: final_grade is what a portfolio query
  // filters on, without reading JSON; the ledger keeps every override ever made.
  await db.schema.alterTable('assessments').addColumn('override', 'text').execute()
  await db.schema.alterTable('assessments').addColumn('final_grade', 'text').execute()
  await db.updateTable('assessments').set((eb) => ({ final_grade: eb.ref('grade') })).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assessments').dropColumn('final_grade').execute()
  await db.schema.alterTable('assessments').dropColumn('override').execute()
  await db.schema.dropTable('industry_risk_tables').execute()
  await db.schema.dropTable('expert_assessments').execute()
  await db.schema.dropTable('questionnaires').execute()
}
