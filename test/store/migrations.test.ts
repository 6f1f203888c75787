import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '../../src/store/migrate.ts'
import { MIGRATIONS } from '../../src/store/migrations/index.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'

async function shapeOf(store: TestStore) {
  const tables = await store.db.introspection.getTables()
  return Object.fromEntries(
    tables
      .filter((t) => !t.name.startsWith('kysely_') && !t.name.startsWith('customers_fts')) // FTS5 shadow tables: SQLite's search index
      .map((t) => [t.name, t.columns.map((c) => `${c.name}${c.isNullable ? '?' : ''}`).sort()])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
  )
}

describe('migrations', () => {
  const stores: TestStore[] = []
  beforeAll(async () => {
    for (const dialect of DIALECTS) stores.push(await openTestStore(dialect))
  })
  afterAll(async () => {
    for (const store of stores) await store.drop()
  })

  it('run every migration in order', async () => {
    for (const store of stores) {
      const rows = await store.db.selectFrom('kysely_migration' as never).select('name' as never).orderBy('name' as never).execute()
      expect(rows.map((r) => (r as { name: string }).name)).toEqual(Object.keys(MIGRATIONS))
    }
  })

  it('are a no-op when run again', async () => {
    for (const store of stores) expect((await migrateToLatest(store)).applied).toEqual([])
  })

  it('give SQLite and PostgreSQL the same tables, columns and nullability', async () => {
    const shapes = await Promise.all(stores.map(shapeOf))
    expect(Object.keys(shapes[0]!)).toEqual(['alerts', 'api_keys', 'approval_decisions', 'approval_requests', 'assessments', 'audit_entries', 'audit_head', 'bureau_records', 'case_attachments', 'case_comments', 'case_queues', 'case_rotations', 'cases', 'contacts', 'contracts', 'control_reviews', 'credit_holds', 'custom_field_definitions', 'customers', 'documents', 'email_deliveries', 'email_subscriptions', 'email_transport', 'expert_assessments', 'feature_snapshots', 'financial_statements', 'ground_truth_patterns', 'import_jobs', 'industry_risk_tables', 'interactions', 'invoices', 'limit_proposals', 'model_scores', 'model_training_jobs', 'models', 'monitoring_checkpoints', 'notifications', 'payment_allocations', 'payments', 'policy_attestations', 'policy_versions', 'questionnaires', 'relationships', 'reviews', 'rules', 'sessions', 'tasks', 'teams', 'transactions', 'users', 'webhook_deliveries', 'webhooks'])
    for (const shape of shapes.slice(1)) expect(shape).toEqual(shapes[0])
  })
})
