import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { canonicalJson } from '../src/domain/audit/index.ts'
import { verifyAuditLedger } from '../src/services/audit/verify-audit-ledger.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { openStore } from '../src/store/open-store.ts'
import { appendAuditEntries, appendAuditEntry } from '../src/store/repositories/audit-ledger.ts'
import { measure, report } from './harness.ts'

/**
 * What the hash chain costs a write: appending N audit entries through the service-layer
 * path (Kysely, SHA-256, head lock), against bare prepared inserts of the same rows into
 * the same table shape, both on the embedded store with the same pragmas.
 */
const N = Number(process.env.BENCH_AUDIT_ENTRIES ?? 20_000)
const BATCH = 500

function record(i: number) {
  return {
    actor: `user:u${i % 17}`,
    action: 'customer.updated',
    entity: 'customer',
    entityId: `c${i % 1000}`,
    before: { name: '华为技术有限公司', creditLimit: i * 100, currency: 'CNY' },
    after: { name: '华为技术有限公司', creditLimit: i * 100 + 5000, currency: 'CNY' },
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fk-bench-audit-'))
  try {
    const bare = new SqliteDatabase(join(dir, 'bare.db'))
    bare.pragma('journal_mode = WAL')
    bare.pragma('synchronous = FULL')
    bare.exec('create table audit_entries (seq bigint primary key not null, at text not null, actor text not null, action text not null, entity text not null, entity_id text not null, before text, after text, prev_hash text not null, hash text not null)')
    const insert = bare.prepare('insert into audit_entries values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    const reference = await measure(`bare better-sqlite3 insert, ${BATCH} per transaction`, N, () => {
      for (let start = 0; start < N; start += BATCH) {
        bare.transaction(() => {
          for (let i = start; i < Math.min(N, start + BATCH); i += 1) {
            const r = record(i)
            insert.run(i + 1, new Date().toISOString(), r.actor, r.action, r.entity, r.entityId, canonicalJson(r.before), canonicalJson(r.after), '0'.repeat(64), '0'.repeat(64))
          }
        })()
      }
    })
    bare.close()

    const store = await openStore(`sqlite:${join(dir, 'ledger.db')}`)
    await migrateToLatest(store)
    const chained = await measure(`appendAuditEntry (hash chain), ${BATCH} per transaction`, N, async () => {
      for (let start = 0; start < N; start += BATCH) {
        await store.db.transaction().execute(async (trx) => {
          for (let i = start; i < Math.min(N, start + BATCH); i += 1) await appendAuditEntry(trx, record(i))
        })
      }
    })
    const bulk = await measure(`appendAuditEntries (hash chain, bulk), ${BATCH} per transaction`, N, async () => {
      for (let start = 0; start < N; start += BATCH) {
        const records = Array.from({ length: Math.min(N, start + BATCH) - start }, (_, k) => record(start + k))
        await store.db.transaction().execute((trx) => appendAuditEntries(trx, records))
      }
    })
    const single = Math.min(N, 2000)
    const oneEach = await measure('appendAuditEntry, one transaction per entry (a service write)', single, async () => {
      for (let i = 0; i < single; i += 1) await store.db.transaction().execute((trx) => appendAuditEntry(trx, record(i)))
    })
    let checked = 0
    const verify = await measure('audit verify (re-hash the whole ledger)', 2 * N + single, async () => {
      const result = await verifyAuditLedger({ store })
      if (!result.ok) throw new Error(`ledger broken: ${JSON.stringify(result.problem)}`)
      checked = result.checked
    })
    if (checked !== 2 * N + single) throw new Error(`verify checked ${checked}, expected ${2 * N + single}`)
    await store.close()
    report(`Audit ledger on SQLite (${N.toLocaleString('en')} entries)`, reference, [chained, bulk, oneEach, verify])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
