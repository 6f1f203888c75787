import { sql, type Kysely } from 'kysely'

/**
 * The credit-scorecard model registry: each trained scorecard with its version, lifecycle
 * status, metrics and validation curves; the training jobs that make them; and the latest
 * score each model gave each customer.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('models')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    /** draft | approved | retired */
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('trained_by', 'text', (col) => col.notNull())
    .addColumn('trained_at', 'text', (col) => col.notNull())
    .addColumn('data_sha256', 'text', (col) => col.notNull())
    .addColumn('rows', 'integer', (col) => col.notNull())
    .addColumn('target', 'text', (col) => col.notNull())
    .addColumn('bad', 'text', (col) => col.notNull())
    /** Canonical JSON: {train, holdout} of {rows, bads, auc, gini, ks, psi} */
    .addColumn('metrics', 'text', (col) => col.notNull())
    /** Canonical JSON: the ScorecardModel */
    .addColumn('scorecard', 'text', (col) => col.notNull())
    /** Canonical JSON: {rows, roc, ks, calibration} */
    .addColumn('validation', 'text', (col) => col.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('retired_at', 'text')
    .addUniqueConstraint('models_name_version', ['name', 'version'])
    .execute()
  // At most one approved version per name, even when two approvals race.
  await db.schema.createIndex('models_one_approved').on('models').column('name').unique().where(sql.ref('status'), '=', 'approved').execute()
  await db.schema.createIndex('models_trained_at').on('models').column('trained_at').execute()

  await db.schema
    .createTable('model_training_jobs')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    /** queued | running | succeeded | failed */
    .addColumn('status', 'text', (col) => col.notNull())
    /** parse | bin | select | fit | validate | save, null while queued */
    .addColumn('phase', 'text')
    .addColumn('done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('total', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('model_id', 'text', (col) => col.references('models.id'))
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute()
  await db.schema.createIndex('model_training_jobs_status').on('model_training_jobs').column('status').execute()

  await db.schema
    .createTable('model_scores')
    .addColumn('model_id', 'text', (col) => col.notNull().references('models.id'))
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('score', 'double precision', (col) => col.notNull())
    .addColumn('pd', 'double precision', (col) => col.notNull())
    /** Canonical JSON: [{feature, pointsLost}], the top three */
    .addColumn('reasons', 'text', (col) => col.notNull())
    .addColumn('scored_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('model_scores_pk', ['model_id', 'customer_id'])
    .execute()
  await db.schema.createIndex('model_scores_customer').on('model_scores').column('customer_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('model_scores').execute()
  await db.schema.dropTable('model_training_jobs').execute()
  await db.schema.dropTable('models').execute()
}
