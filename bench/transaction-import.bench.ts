import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mulberry32 } from '../src/domain/random/index.ts'
import { openMonitoring } from '../src/engine/monitoring.ts'
import { TRANSACTION_COLUMNS } from '../src/engine/transaction-row.ts'
import { importActivity } from '../src/services/monitoring/import-activity.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { openStore, type Store } from '../src/store/open-store.ts'
import { measure, report } from './harness.ts'

/**
 * Importing transactions into the monitoring engine on the embedded store (acceptance:
 * 1,000,000 transactions at 100,000/s or more, and at least half the rate of a bare
 * better-sqlite3 prepared insert of the same rows in the same run). The import reads and
 * parses the CSV, checks each row against the API's schema, resolves customers by external
 * id, appends idempotently (INSERT OR IGNORE on source + id), updates every feature of the
 * customer, and snapshots the states at the end. The reference only inserts.
 */
const N = Number(process.env.BENCH_TX_ROWS ?? 1_000_000)
const CUSTOMERS = Number(process.env.BENCH_TX_CUSTOMERS ?? 100_000)
const DIR = process.env.BENCH_DIR ?? tmpdir()
const BATCH = 5000
const T0 = Date.UTC(2026, 0, 1)

type Row = { id: string; customer: number; at: number; amount: number; direction: 'in' | 'out'; type: string; counterparty: string; country: string; category: string }

function rows(): Row[] {
  const random = mulberry32(42)
  const span = 180 * 86_400_000
  return Array.from({ length: N }, (_, i) => ({
    id: `tx-${i}`,
    customer: Math.floor(random() * CUSTOMERS),
    // Roughly in time order, 5% up to two hours late.
    at: T0 + Math.floor((i / N) * span) - (random() < 0.05 ? Math.floor(random() * 7_200_000) : 0),
    amount: 100 + Math.floor(random() * random() * 10_000_000),
    direction: random() < 0.55 ? 'in' : 'out',
    type: random() < 0.05 ? 'cash' : random() < 0.5 ? 'sale' : 'payment',
    counterparty: `cp-${Math.floor(random() * 5000)}`,
    country: random() < 0.02 ? 'IR' : 'CN',
    category: ['goods', 'services', 'logistics', 'rent'][Math.floor(random() * 4)]!,
  }))
}

async function freshStore(path: string): Promise<Store> {
  const store = await openStore(`sqlite:${path}`)
  await migrateToLatest(store)
  const now = new Date().toISOString()
  const insert = store.sqlite!.prepare(
    `insert into customers (id, external_id, type, name, aliases, country, listed, tags, status, custom_fields, search_text, version, created_at, updated_at) values (?, ?, 'company', ?, '[]', 'CN', 0, '[]', 'active', '{}', ?, 1, ?, ?)`,
  )
  store.sqlite!.transaction(() => {
    for (let c = 0; c < CUSTOMERS; c += 1) insert.run(`c-${c}`, `erp-${c}`, `customer ${c}`, `customer ${c}`, now, now)
  })()
  return store
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(DIR, 'fk-bench-tx-'))
  try {
    const file = join(dir, 'transactions.csv')
    const header = 'id,customerId,at,amount,currency,direction,type,counterparty.id,counterparty.country,category'
    let values: unknown[][] | null = (() => {
      const data = rows()
      writeFileSync(file, `${header}\n${data.map((r) => `${r.id},erp-${r.customer},${new Date(r.at).toISOString()},${r.amount},CNY,${r.direction},${r.type},${r.counterparty},${r.country},${r.category}`).join('\n')}\n`)
      const now = Date.now()
      return data.map((r) => ['bench', r.id, `c-${r.customer}`, r.at, r.amount, 'CNY', r.direction, r.type, null, r.counterparty, null, r.country, null, r.category, null, now])
    })()

    const bare = await freshStore(join(dir, 'bare.db'))
    const insert = bare.sqlite!.prepare(`insert into transactions (${TRANSACTION_COLUMNS.join(', ')}) values (${TRANSACTION_COLUMNS.map(() => '?').join(', ')})`)
    const reference = await measure(`bare better-sqlite3 prepared insert, ${BATCH.toLocaleString('en')} per transaction`, N, () => {
      for (let start = 0; start < N; start += BATCH) {
        bare.sqlite!.transaction(() => {
          for (let i = start; i < Math.min(N, start + BATCH); i += 1) insert.run(values![i])
        })()
      }
    })
    await bare.close()
    // The reference's rows are garbage now: they must not weigh on the import's collections.
    values = null

    const store = await freshStore(join(dir, 'import.db'))
    const monitoring = await openMonitoring(store)
    let result = { inserted: 0, failed: 0, unchanged: 0 }
    const imported = await measure('fengkong import transactions (CSV → checked, appended, all features updated, snapshotted)', N, async () => {
      result = await importActivity({ store, monitoring, actor: { kind: 'cli', name: 'bench' }, kind: 'transactions', format: 'csv', open: () => createReadStream(file, { highWaterMark: 1024 * 1024 }) })
    })
    if (result.inserted !== N || result.failed !== 0) throw new Error(`import accepted ${result.inserted} and failed ${result.failed} of ${N}`)
    const rerun = await measure('the same file again (every row a repeat: read, checked, acknowledged)', N, async () => {
      result = await importActivity({ store, monitoring, actor: { kind: 'cli', name: 'bench' }, kind: 'transactions', format: 'csv', open: () => createReadStream(file, { highWaterMark: 1024 * 1024 }) })
    })
    if (result.unchanged !== N) throw new Error(`re-run left ${result.unchanged} of ${N} as repeats`)
    await monitoring.close()
    const reopened = await measure('reopening the engine (load every snapshot, replay nothing)', CUSTOMERS, async () => {
      const again = await openMonitoring(store)
      if (again.local!.customerCount === 0) throw new Error('no states restored')
    })
    await store.close()

    report(`Transaction import on SQLite (${N.toLocaleString('en')} transactions over ${CUSTOMERS.toLocaleString('en')} customers, databases in ${DIR})`, reference, [imported, rerun, reopened])
    const ratio = imported.perSecond / reference.perSecond
    const verdict = imported.perSecond >= 100_000 && ratio >= 0.5 ? 'meets' : 'MISSES'
    console.log(`import: ${Math.round(imported.perSecond).toLocaleString('en')} tx/s, ${ratio.toFixed(2)}× the bare insert; ${verdict} the acceptance (≥ 100,000 tx/s and ≥ 0.50×) on this machine`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
