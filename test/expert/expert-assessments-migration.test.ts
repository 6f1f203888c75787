import { randomBytes } from 'node:crypto'
import { Migrator } from 'kysely'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { migrateToLatest } from '../../src/store/migrate.ts'
import { MIGRATIONS } from '../../src/store/migrations/index.ts'
import { openStore, type Store } from '../../src/store/open-store.ts'
import { DIALECTS, POSTGRES_URL, type Dialect } from '../helpers/dialects.ts'

describe.each(DIALECTS)('%s: the expert assessments migration', (dialect) => {
  let cleanUp: () => Promise<void> = async () => {}
  afterEach(() => cleanUp())

  /** A store migrated only up to 0005-assessments. */
  async function storeBeforeOverrides(which: Dialect): Promise<Store> {
    const schema = `fk_test_${process.pid}_${randomBytes(4).toString('hex')}`
    const store = await openStore(which === 'sqlite' ? 'sqlite::memory:' : `${POSTGRES_URL}?schema=${schema}`)
    cleanUp = async () => {
      await store.close()
      if (which !== 'postgres') return
      const client = new pg.Client({ connectionString: POSTGRES_URL })
      await client.connect()
      await client.query(`drop schema if exists ${schema} cascade`)
      await client.end()
    }
    const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => MIGRATIONS }, ...(store.schema ? { migrationTableSchema: store.schema } : {}) })
    const { error } = await migrator.migrateTo('0005-assessments')
    if (error) throw error
    return store
  }

  it('gives assessments made before overrides existed their model grade as final grade, and no override', async () => {
    const store = await storeBeforeOverrides(dialect)
    const customer = await createCustomer({ store, actor: { kind: 'system' }, input: { type: 'company', name: '旧评估有限公司', country: 'CN' } })
    const row = { customer_id: customer.id, created_at: '2026-01-01T00:00:00.000Z', created_by: 'system', pd: null, credit_limit: null, currency: null, weights_version: 'w', scale_version: 's', inputs: '{}', result: '{}' }
    await store.db.insertInto('assessments').values([{ ...row, id: 'rated', grade: 'BBB' }, { ...row, id: 'unrated', grade: null }] as never).execute()

    await migrateToLatest(store)

    const rows = await store.db.selectFrom('assessments').select(['id', 'grade', 'final_grade', 'override']).orderBy('id').execute()
    expect(rows).toEqual([
      { id: 'rated', grade: 'BBB', final_grade: 'BBB', override: null },
      { id: 'unrated', grade: null, final_grade: null, override: null },
    ])
  })
})
