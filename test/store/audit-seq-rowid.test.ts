import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { verifyAuditLedger } from '../../src/services/audit/verify-audit-ledger.ts'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { updateCustomer } from '../../src/services/customers/update-customer.ts'
import { MIGRATIONS } from '../../src/store/migrations/index.ts'
import { listAuditEntries } from '../../src/store/repositories/audit-ledger.ts'
import { openStore, type Store } from '../../src/store/open-store.ts'

/** Migration 0019: audit_entries.seq becomes the SQLite table's rowid, so an append writes three B-trees, not four. */
describe('audit entries keyed by their rowid on SQLite (migration 0019)', () => {
  let store: Store
  afterEach(async () => store?.close())

  const migrator = (names: string[]) =>
    new Migrator({ db: store.db, provider: { getMigrations: async () => Object.fromEntries(names.map((name) => [name, MIGRATIONS[name]!])) } })
  const all = Object.keys(MIGRATIONS)
  const before0019 = all.slice(0, all.indexOf('0019-audit-seq-rowid'))
  const actor = { kind: 'cli', name: 'test' } as const

  async function ledgerBefore0019(): Promise<void> {
    store = await openStore('sqlite::memory:')
    const result = await migrator(before0019).migrateToLatest()
    if (result.error) throw result.error
    for (const name of ['华为技术有限公司', 'Acme Ltd', '杭州远景有限公司']) {
      const customer = await createCustomer({ store, actor, input: { type: 'company', name, country: name === 'Acme Ltd' ? 'GB' : 'CN' } })
      await updateCustomer({ store, actor, customerId: customer.id, patch: { tags: ['key-account'] } })
    }
  }
  const rows = () => store.sqlite!.prepare('select * from audit_entries order by seq').all()
  const indexes = () => (store.sqlite!.prepare(`select name from sqlite_master where type = 'index' and tbl_name = 'audit_entries' order by name`).all() as { name: string }[]).map((row) => row.name)
  const plan = (sql: string) => (store.sqlite!.prepare(`explain query plan ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('; ')

  it('keeps every entry as it was, and the ledger still verifies', async () => {
    await ledgerBefore0019()
    const entries = rows()
    expect(entries).toHaveLength(6)
    expect((await migrator(all).migrateToLatest()).error).toBeUndefined()
    expect(rows()).toEqual(entries)
    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: true, checked: 6 })
  })

  it('makes seq the rowid: no separate key index, seq and rowid one and the same', async () => {
    await ledgerBefore0019()
    expect(indexes()).toContain('sqlite_autoindex_audit_entries_1')
    await migrator(all).migrateToLatest()
    expect(indexes()).toEqual(['audit_entries_customer', 'audit_entries_entity'])
    const seqs = store.sqlite!.prepare('select rowid as r, seq from audit_entries').all() as { r: number; seq: number }[]
    expect(seqs.every(({ r, seq }) => r === seq)).toBe(true)
  })

  it('chains new entries on after the migrated ones', async () => {
    await ledgerBefore0019()
    await migrator(all).migrateToLatest()
    const customer = await createCustomer({ store, actor, input: { type: 'company', name: '深圳华信科技有限公司', country: 'CN' } })
    const [latest] = await listAuditEntries(store.db, { customerId: customer.id, limit: 1 })
    expect(latest).toMatchObject({ seq: 7, action: 'customer.created' })
    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: true, checked: 7 })
  })

  it('still reads a customer history and an entity history from their indexes, newest first, without sorting', async () => {
    await ledgerBefore0019()
    await migrator(all).migrateToLatest()
    expect(plan(`select * from audit_entries where customer_id = 'x' order by seq desc limit 50`)).toBe('SEARCH audit_entries USING INDEX audit_entries_customer (customer_id=?)')
    expect(plan(`select * from audit_entries where entity = 'case' and entity_id = 'x' order by seq desc limit 50`)).toBe('SEARCH audit_entries USING INDEX audit_entries_entity (entity=? AND entity_id=?)')
    expect(plan(`select * from audit_entries where seq > 10 order by seq limit 5000`)).toBe('SEARCH audit_entries USING INTEGER PRIMARY KEY (rowid>?)')
    const customerId = (store.sqlite!.prepare(`select customer_id from audit_entries where seq = 3`).get() as { customer_id: string }).customer_id
    const history = await listAuditEntries(store.db, { customerId, limit: 50 })
    expect(history.map((entry) => entry.seq)).toEqual([4, 3])
  })

  it('leaves the old table whole when the rebuild fails part way', async () => {
    await ledgerBefore0019()
    // A seq that is no integer: SQLite stored it under the bigint key, the rowid refuses it, after the new table was made.
    store.sqlite!.prepare(`update audit_entries set seq = 'six' where seq = 6`).run()
    const entries = rows()
    expect((await migrator(all).migrateToLatest()).error).toBeDefined()
    expect(rows()).toEqual(entries)
    expect(indexes()).toContain('sqlite_autoindex_audit_entries_1')
    expect(store.sqlite!.prepare(`select count(*) as n from sqlite_master where name = 'audit_entries_rebuilt'`).get()).toEqual({ n: 0 })
  })

  it('migrates down to the bigint key with the entries intact', async () => {
    await ledgerBefore0019()
    const entries = rows()
    await migrator(all).migrateToLatest()
    expect((await migrator(all).migrateDown()).error).toBeUndefined()
    expect(indexes()).toContain('sqlite_autoindex_audit_entries_1')
    expect(rows()).toEqual(entries)
    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: true, checked: 6 })
  })
})
