import { sql, type Kysely } from 'kysely'
import { canonicalJson } from '../../domain/audit/index.ts'
import { DEFAULT_RISK_POLICY } from '../../domain/policy/default-policy.ts'

/**
 * The risk policy (docs/policy.md): every version of the policy document with its status —
 * draft, pending_approval, active, superseded or rejected — who made, submitted and approved
 * it; and each user's acknowledgement (attestation) of a version.
 *
 * At most one version is active, even when two approvals race: a partial unique index over
 * the active rows. The migration seeds version 1, active: Fengkong's default policy as this
 * code defines it when the migration runs (the scoring defaults an existing database was
 * already rated with), made by `system`. It writes no audit entry: the ledger records what
 * users and services do, and the seed is part of the schema's history.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('policy_versions')
    .addColumn('id', 'text', (col) => col.primaryKey().notNull())
    .addColumn('version', 'integer', (col) => col.notNull().unique())
    /** draft | pending_approval | active | superseded | rejected */
    .addColumn('status', 'text', (col) => col.notNull())
    /** Canonical JSON: the domain RiskPolicy */
    .addColumn('document', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('rejected_by', 'text')
    .addColumn('rejected_at', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('superseded_at', 'text')
    .execute()
  await db.schema.createIndex('policy_versions_one_active').on('policy_versions').column('status').unique().where(sql.ref('status'), '=', 'active').execute()

  await db.schema
    .createTable('policy_attestations')
    .addColumn('policy_version_id', 'text', (col) => col.notNull().references('policy_versions.id'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('attested_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('policy_attestations_pk', ['policy_version_id', 'user_id'])
    .execute()

  const now = new Date().toISOString()
  await db
    .insertInto('policy_versions')
    .values({
      id: crypto.randomUUID(),
      version: 1,
      status: 'active',
      document: canonicalJson(DEFAULT_RISK_POLICY),
      note: "Fengkong's default policy",
      created_by: 'system',
      created_at: now,
      updated_by: 'system',
      updated_at: now,
      approved_by: 'system',
      approved_at: now,
    })
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('policy_attestations').execute()
  await db.schema.dropTable('policy_versions').execute()
}
