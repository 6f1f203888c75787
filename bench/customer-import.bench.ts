import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { completeUnifiedSocialCreditCode } from '../src/domain/customers/index.ts'
import { verifyAuditLedger } from '../src/services/audit/verify-audit-ledger.ts'
import { withCustomerDefaults } from '../src/services/customers/customer-fields.ts'
import { runImport } from '../src/services/imports/run-import.ts'
import type { CustomerInput } from '../src/schemas/customer.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { openStore, type Store } from '../src/store/open-store.ts'
import { customerColumns } from '../src/store/repositories/customers.ts'
import { CATCH_UP_CUSTOMER_SEARCH_INDEX, DEFER_CUSTOMER_SEARCH_INDEX } from '../src/store/customer-search-deferral.ts'
import { uuidV7 } from '../src/store/uuid-v7.ts'
import { measure, report } from './harness.ts'
import { mulberry32 } from '../src/domain/random/index.ts'

/**
 * Importing customers from CSV on the embedded store (acceptance: 20,000 rows/s or more),
 * against bare better-sqlite3 prepared inserts of the same rows (the same time-ordered ids)
 * into the same table, its search index, indexes and pragmas included, 5,000 rows per
 * transaction as the import commits. The import also reads and decodes the file, checks
 * every row with the API's schema and the domain rules, looks each row up to upsert it, and
 * appends a hash-chained audit entry per row; the reference does none of that. On a SQLite
 * file the import is pipelined: this thread plans batches while a writer thread commits them
 * (import-pipeline.ts). The third reference writes the rows as that writer does (the search
 * index caught up once a batch, 50 rows a statement) without their audit entries: what the
 * write path alone can reach on this machine.
 */
const N = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000)
/** Where the databases live: a real disk by default, where each commit's fsync counts; BENCH_DIR=/dev/shm leaves that out. */
const DIR = process.env.BENCH_DIR ?? tmpdir()
// As the import's default batch: the reference commits as often as the import does.
const BATCH = 5000
const COLUMNS = ['externalId', 'type', 'name', 'country', 'registrationId', 'region', 'industry.code', 'industry.name', 'founded', 'employees', 'listed', 'tags', 'aliases', 'status']
const CITIES = ['北京', '上海', '深圳', '杭州', '成都', '武汉', '苏州', '广州']
const WORDS = ['华信', '中联', '恒达', '天成', '瑞丰', '金桥', '远景', '鼎盛', '海川', '新元']
const INDUSTRIES = [
  ['C39', '计算机、通信和其他电子设备制造业'],
  ['F51', '批发业'],
  ['I65', '软件和信息技术服务业'],
  ['C36', '汽车制造业'],
]

const seededRandom = mulberry32

/** The n-th customer of the seeded file, as the API's input. */
function customer(n: number, random: () => number): CustomerInput {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
  const [code, industry] = pick(INDUSTRIES)
  const city = pick(CITIES)
  const word = pick(WORDS)
  return {
    externalId: `erp-${n}`,
    type: 'company',
    name: `${city}${word}科技有限公司 ${n}`,
    country: 'CN',
    registrationId: completeUnifiedSocialCreditCode(`91${110000 + (n % 7) * 10000}MA${String(n).padStart(7, '0')}`),
    region: city,
    industry: { code: code!, name: industry! },
    founded: `${1990 + Math.floor(random() * 30)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
    employees: Math.floor(random() * 5000),
    listed: random() < 0.1,
    tags: random() < 0.5 ? ['key-account', '华东'] : [],
    aliases: random() < 0.3 ? [`${word}集团`] : [],
    status: 'active',
  }
}

function csvLine(input: CustomerInput): string {
  const cells = [input.externalId, input.type, input.name, input.country, input.registrationId, input.region, input.industry!.code, input.industry!.name, input.founded, String(input.employees), input.listed ? '是' : '否', input.tags!.join('|'), input.aliases!.join('|'), input.status]
  return cells.map((cell) => (cell && /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : (cell ?? ''))).join(',')
}

/**
 * A reference's database, once measured: removed, so the operating system does not write its
 * hundreds of megabytes back to disk while the next run is timed (its own commits were
 * synced inside its timing).
 */
function removeDatabase(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true })
}

async function freshStore(path: string): Promise<Store> {
  const store = await openStore(`sqlite:${path}`)
  await migrateToLatest(store)
  return store
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(DIR, 'fk-bench-import-'))
  try {
    const random = seededRandom(20_250_101)
    const inputs = Array.from({ length: N }, (_, i) => customer(i + 1, random))
    const file = join(dir, 'customers.csv')
    writeFileSync(file, `${COLUMNS.join(',')}\n${inputs.map(csvLine).join('\n')}\n`)

    // The same rows as the stored columns, made before timing: the reference times only the inserts.
    const now = new Date().toISOString()
    const names = ['id', ...Object.keys(customerColumns(withCustomerDefaults(inputs[0]!))), 'version', 'created_at', 'updated_at']
    const rows = inputs.map((input) => [uuidV7(), ...Object.values(customerColumns(withCustomerDefaults(input))), 1, now, now])
    const bare = await freshStore(join(dir, 'bare.db'))
    const insert = bare.sqlite!.prepare(`insert into customers (${names.join(', ')}) values (${names.map(() => '?').join(', ')})`)
    const reference = await measure(`bare better-sqlite3 prepared insert, ${BATCH} per transaction`, N, () => {
      for (let start = 0; start < N; start += BATCH) {
        bare.sqlite!.transaction(() => {
          for (const row of rows.slice(start, start + BATCH)) insert.run(row)
        })()
      }
    })
    await bare.close()
    removeDatabase(join(dir, 'bare.db'))
    // The floor an import could reach on this table: the same rows, 100 a statement (the search index then flushes once a statement, not once a row).
    const bareMulti = await freshStore(join(dir, 'bare-multi.db'))
    const row = `(${names.map(() => '?').join(', ')})`
    const insertHundred = bareMulti.sqlite!.prepare(`insert into customers (${names.join(', ')}) values ${Array.from({ length: 100 }, () => row).join(', ')}`)
    const insertOne = bareMulti.sqlite!.prepare(`insert into customers (${names.join(', ')}) values ${row}`)
    const floor = await measure(`bare better-sqlite3, 100 rows a statement, ${BATCH} per transaction`, N, () => {
      for (let start = 0; start < N; start += BATCH) {
        bareMulti.sqlite!.transaction(() => {
          for (let at = start; at < Math.min(N, start + BATCH); at += 100) {
            const hundred = rows.slice(at, at + 100)
            if (hundred.length === 100) insertHundred.run(hundred.flat())
            else for (const one of hundred) insertOne.run(one)
          }
        })()
      }
    })
    await bareMulti.close()
    removeDatabase(join(dir, 'bare-multi.db'))
    const bareDeferred = await freshStore(join(dir, 'bare-deferred.db'))
    const insertFifty = bareDeferred.sqlite!.prepare(`insert into customers (${names.join(', ')}) values ${Array.from({ length: 50 }, () => row).join(', ')}`)
    const writePath = await measure(`bare better-sqlite3, search index once a batch, 50 rows a statement`, N, () => {
      for (let start = 0; start < N; start += BATCH) {
        bareDeferred.sqlite!.transaction(() => {
          bareDeferred.sqlite!.prepare(DEFER_CUSTOMER_SEARCH_INDEX).run()
          for (let at = start; at < Math.min(N, start + BATCH); at += 50) {
            const fifty = rows.slice(at, at + 50)
            if (fifty.length === 50) insertFifty.run(fifty.flat())
            else for (const one of fifty) bareDeferred.sqlite!.prepare(`insert into customers (${names.join(', ')}) values ${row}`).run(one)
          }
          for (const statement of CATCH_UP_CUSTOMER_SEARCH_INDEX) bareDeferred.sqlite!.prepare(statement).run()
        })()
      }
    })
    await bareDeferred.close()
    removeDatabase(join(dir, 'bare-deferred.db'))

    // The references' rows are the bench's, not the import's: let them go before it runs.
    inputs.length = 0
    rows.length = 0
    const store = await freshStore(join(dir, 'import.db'))
    const actor = { kind: 'cli', name: 'bench' } as const
    let first = { inserted: 0, failed: 0 }
    const imported = await measure('fengkong import customers (CSV → checked, upserted, audited)', N, async () => {
      first = await runImport({ store, actor, target: 'customers', format: 'csv', input: createReadStream(file, { highWaterMark: 1024 * 1024 }) })
    })
    if (first.inserted !== N || first.failed !== 0) throw new Error(`import inserted ${first.inserted} and failed ${first.failed} of ${N}`)
    let second = { unchanged: 0 }
    const rerun = await measure('the same file again (every row unchanged: read, checked, compared)', N, async () => {
      second = await runImport({ store, actor, target: 'customers', format: 'csv', input: createReadStream(file, { highWaterMark: 1024 * 1024 }) })
    })
    if (second.unchanged !== N) throw new Error(`rerun left ${second.unchanged} of ${N} unchanged`)
    const verified = await verifyAuditLedger({ store })
    if (!verified.ok || verified.checked !== N) throw new Error(`audit ledger after import: ${JSON.stringify(verified)}`)
    await store.close()

    report(`Customer import on SQLite (${N.toLocaleString('en')} rows of CSV, databases in ${DIR})`, reference, [floor, writePath, imported, rerun])
    const verdict = imported.perSecond >= 20_000 ? 'meets' : 'MISSES'
    console.log(`import: ${Math.round(imported.perSecond).toLocaleString('en')} rows/s, ${(imported.perSecond / reference.perSecond).toFixed(2)}× the bare insert; ${verdict} the 20,000 rows/s acceptance on this machine`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
