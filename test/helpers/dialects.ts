import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { migrateToLatest } from '../../src/store/migrate.ts'
import { openStore, type Store } from '../../src/store/open-store.ts'

/**
 * Every store-touching suite runs once per dialect, as Kysely's own tests do:
 *   describe.each(DIALECTS)('%s: audit ledger', (dialect) => { … })
 * PostgreSQL runs get a schema of their own, dropped afterwards, so parallel runs never collide.
 * When PostgreSQL is unreachable its runs are skipped with the reason printed.
 */
export type Dialect = 'sqlite' | 'postgres'

export const POSTGRES_URL = process.env.FENGKONG_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

const postgresProblem = await probePostgres()
if (postgresProblem) console.warn(`\n[fengkong tests] SKIPPING PostgreSQL runs: ${postgresProblem} (${POSTGRES_URL})\n`)

export const DIALECTS: Dialect[] = postgresProblem ? ['sqlite'] : ['sqlite', 'postgres']
export const POSTGRES_SKIP_REASON = postgresProblem

async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    return null
  } catch (error) {
    return `PostgreSQL is unreachable: ${(error as Error).message}`
  } finally {
    await client.end().catch(() => {})
  }
}

export type TestStore = Store & { url: string; drop(): Promise<void> }

/** A migrated, empty store of the dialect. `drop()` closes it and deletes what it created. */
export async function openTestStore(dialect: Dialect, options: { sqlitePath?: string } = {}): Promise<TestStore> {
  if (dialect === 'sqlite') {
    const url = `sqlite:${options.sqlitePath ?? ':memory:'}`
    const store = await openStore(url)
    await migrateToLatest(store)
    return { ...store, url, drop: () => store.close() }
  }
  const schema = `fk_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const url = `${POSTGRES_URL}?schema=${schema}`
  const store = await openStore(url)
  await migrateToLatest(store)
  return {
    ...store,
    url,
    async drop() {
      await store.close()
      const client = new pg.Client({ connectionString: POSTGRES_URL })
      await client.connect()
      await client.query(`drop schema if exists ${schema} cascade`)
      await client.end()
    },
  }
}
