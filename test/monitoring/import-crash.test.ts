import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import SqliteDatabase from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../src/domain/random/index.ts'
import { MonitoringEngine } from '../../src/engine/monitoring-engine.ts'
import { migrateToLatest } from '../../src/store/migrate.ts'
import { openStore, type Store } from '../../src/store/open-store.ts'

/**
 * The crash test of issue #5: `fengkong import transactions` killed with SIGKILL part way,
 * then run again on the same file, must count every transaction exactly once and give every
 * customer the same features as an import that was never interrupted.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(ROOT, 'bin', 'fengkong.js')
const ROWS = 60_000
const CUSTOMERS = 40
const T0 = Date.UTC(2026, 2, 1)

const dir = mkdtempSync(join(tmpdir(), 'fk-crash-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function env(): NodeJS.ProcessEnv {
  const { FENGKONG_DB: _db, ...rest } = process.env
  return { ...rest, LOG_LEVEL: 'warn' }
}

/** A seeded CSV: customers named by external id, a few rows out of time order, some repeated ids. */
function writeFile(path: string): void {
  const random = mulberry32(2026)
  const lines = ['id,customerId,at,amount,currency,direction,type,counterparty.id,counterparty.country,category']
  for (let i = 0; i < ROWS; i += 1) {
    const at = T0 + i * 30_000 - (random() < 0.05 ? Math.floor(random() * 7_200_000) : 0)
    const id = random() < 0.01 && i > 0 ? `tx-${i - 1}` : `tx-${i}` // a repeat, as a flaky upstream sends them
    lines.push(
      [id, `erp-${Math.floor(random() * CUSTOMERS)}`, new Date(at).toISOString(), 100 + Math.floor(random() * 5_000_000), 'CNY', random() < 0.5 ? 'in' : 'out', random() < 0.1 ? 'cash' : 'sale', `cp-${Math.floor(random() * 200)}`, random() < 0.03 ? 'KP' : 'CN', random() < 0.5 ? 'goods' : 'services'].join(','),
    )
  }
  writeFileSync(path, `${lines.join('\n')}\n`)
}

async function storeWithCustomers(path: string): Promise<void> {
  const store = await openStore(`sqlite:${path}`)
  await migrateToLatest(store)
  const now = new Date().toISOString()
  await store.db
    .insertInto('customers')
    .values(Array.from({ length: CUSTOMERS }, (_, i) => ({ id: `c-${i}`, external_id: `erp-${i}`, type: 'company', name: `c-${i}`, aliases: '[]', country: 'CN', listed: 0, tags: '[]', status: 'active', custom_fields: '{}', search_text: `c-${i}`, version: 1, created_at: now, updated_at: now })))
    .execute()
  await store.close()
}

function importFile(db: string, file: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'import', 'transactions', file, '--db', `sqlite:${db}`, '--batch-size', '2000'], { cwd: ROOT, env: env(), timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}\n${stderr}` })
    })
  })
}

function countRows(db: string): number {
  const sqlite = new SqliteDatabase(db, { readonly: true, fileMustExist: true })
  try {
    return (sqlite.prepare('select count(*) as n from transactions').get() as { n: number }).n
  } finally {
    sqlite.close()
  }
}

/** Starts an import and kills it with SIGKILL once some batches have committed and before it is done. */
async function importAndKill(db: string, file: string): Promise<number> {
  const child = spawn(process.execPath, [BIN, 'import', 'transactions', file, '--db', `sqlite:${db}`, '--batch-size', '2000'], { cwd: ROOT, env: env(), stdio: 'ignore' })
  const exited = new Promise((resolve) => child.on('exit', resolve))
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 5))
    let rows = 0
    try {
      rows = countRows(db)
    } catch {
      continue // the import has not migrated the table yet
    }
    if (rows > 0) {
      child.kill('SIGKILL')
      await exited
      return countRows(db)
    }
  }
}

async function featuresOf(path: string, asOf: number): Promise<{ count: number; features: unknown[] }> {
  const store: Store = await openStore(`sqlite:${path}`)
  try {
    const engine = await MonitoringEngine.open({ store })
    const count = Number((await store.db.selectFrom('transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    return { count, features: Array.from({ length: CUSTOMERS }, (_, i) => engine.features(`c-${i}`, asOf)) }
  } finally {
    await store.close()
  }
}

describe('kill -9 during a transaction import', () => {
  it('counts every transaction exactly once after a re-run, with the features of an uninterrupted import', { timeout: 240_000 }, async () => {
    const file = join(dir, 'transactions.csv')
    writeFile(file)
    const clean = join(dir, 'clean.db')
    const crashed = join(dir, 'crashed.db')
    await storeWithCustomers(clean)
    await storeWithCustomers(crashed)

    const uninterrupted = await importFile(clean, file)
    expect(uninterrupted.code, uninterrupted.output).toBe(0)

    const landedBeforeKill = await importAndKill(crashed, file)
    expect(landedBeforeKill).toBeGreaterThan(0)
    expect(landedBeforeKill).toBeLessThan(ROWS)
    const rerun = await importFile(crashed, file)
    expect(rerun.code, rerun.output).toBe(0)

    const asOf = T0 + ROWS * 30_000
    const expected = await featuresOf(clean, asOf)
    const actual = await featuresOf(crashed, asOf)
    expect(actual.count).toBe(expected.count)
    expect(expected.count).toBeLessThan(ROWS) // the file's repeated ids landed once
    expect(actual.features).toEqual(expected.features)
  })
})
