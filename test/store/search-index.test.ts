import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { MIGRATIONS } from '../../src/store/migrations/index.ts'
import { withDeferredCustomerSearchIndex } from '../../src/store/customer-search-deferral.ts'
import { listCustomers } from '../../src/store/repositories/customers.ts'
import { openStore, type Store } from '../../src/store/open-store.ts'

/** The SQLite search index: FTS5 trigrams with detail=none (migration 0008). */
describe('the SQLite customer search index', () => {
  let store: Store
  afterEach(async () => store?.close())

  async function migratedTo(last: string): Promise<Store> {
    const opened = await openStore('sqlite::memory:')
    const names = Object.keys(MIGRATIONS)
    const migrations = Object.fromEntries(names.slice(0, names.indexOf(last) + 1).map((name) => [name, MIGRATIONS[name]!]))
    const result = await new Migrator({ db: opened.db, provider: { getMigrations: async () => migrations } }).migrateToLatest()
    if (result.error) throw result.error
    return opened
  }

  const actor = { kind: 'cli', name: 'test' } as const
  const names = async (q: string) => (await listCustomers(store.db, { q, limit: 50 })).items.map((c) => c.name)

  it('answers fragments from the trigram index', async () => {
    store = await migratedTo('0008-lean-search-index')
    const plan = store.sqlite!.prepare(`explain query plan select rowid from customers_fts where search_text like '%华为技术%'`).all() as { detail: string }[]
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/VIRTUAL TABLE INDEX/)
    const sql = store.sqlite!.prepare(`select sql from sqlite_master where name = 'customers_fts'`).get() as { sql: string }
    expect(sql.sql).toContain("detail='none'")
  })

  it('finds only rows holding the fragment itself, not its trigrams scattered apart', async () => {
    store = await migratedTo('0008-lean-search-index')
    await createCustomer({ store, actor, input: { type: 'company', name: 'abcxbcd Ltd', country: 'GB' } })
    await createCustomer({ store, actor, input: { type: 'company', name: 'abcd Ltd', country: 'GB' } })
    await createCustomer({ store, actor, input: { type: 'company', name: '华为技术有限公司', country: 'CN' } })
    expect(await names('abcd')).toEqual(['abcd Ltd'])
    expect(await names('bcd')).toEqual(['abcd Ltd', 'abcxbcd Ltd'])
    expect(await names('华为')).toEqual(['华为技术有限公司'])
    expect(await names('为技术有')).toEqual(['华为技术有限公司'])
    expect(await names('华为有限')).toEqual([])
  })

  it('still finds customers stored before the index was rebuilt', async () => {
    store = await migratedTo('0007-expert-assessments')
    await createCustomer({ store, actor, input: { type: 'company', name: '深圳华信科技有限公司', country: 'CN' } })
    const result = await new Migrator({ db: store.db, provider: { getMigrations: async () => MIGRATIONS } }).migrateToLatest()
    expect(result.error).toBeUndefined()
    expect(await names('华信')).toEqual(['深圳华信科技有限公司'])
  })

  it('keeps up with renamed and deleted customers', async () => {
    store = await migratedTo('0008-lean-search-index')
    const customer = await createCustomer({ store, actor, input: { type: 'company', name: '杭州远景有限公司', country: 'CN' } })
    store.sqlite!.prepare(`update customers set name = ?, search_text = ? where id = ?`).run('杭州金桥有限公司', '杭州金桥有限公司', customer.id)
    expect(await names('远景')).toEqual([])
    expect(await names('金桥')).toEqual(['杭州金桥有限公司'])
    store.sqlite!.prepare(`delete from customers where id = ?`).run(customer.id)
    expect(await names('金桥')).toEqual([])
  })

  describe('deferred for a bulk write (migration 0018)', () => {
    const integrity = () => store.sqlite!.prepare(`insert into customers_fts(customers_fts, rank) values ('integrity-check', 1)`).run()
    const insert = (name: string) =>
      store.sqlite!.prepare(`insert into customers (id, type, name, country, status, search_text, created_at, updated_at) values (?, 'company', ?, 'CN', 'active', ?, '2026-01-01', '2026-01-01')`).run(crypto.randomUUID(), name, name)
    const rename = (from: string, to: string) => store.sqlite!.prepare(`update customers set name = ?, search_text = ? where name = ?`).run(to, to, from)

    it('indexes the rows a write inserted once, at its end, with what they then hold', async () => {
      store = await migratedTo('0018-deferred-search-index')
      insert('北京老客户有限公司')
      await store.db.transaction().execute(() =>
        withDeferredCustomerSearchIndex(store.sqlite!, async () => {
          insert('上海新客户有限公司')
          insert('深圳改名前有限公司')
          insert('广州删除有限公司')
          rename('深圳改名前有限公司', '深圳改名后有限公司')
          rename('北京老客户有限公司', '北京老客户改名有限公司')
          store.sqlite!.prepare(`delete from customers where name = ?`).run('广州删除有限公司')
          // Not yet searchable: the index catches up before the transaction commits.
          expect((store.sqlite!.prepare(`select count(*) as n from customers_fts where search_text like '%新客户%'`).get() as { n: number }).n).toBe(0)
        }),
      )
      integrity()
      expect(await names('新客户')).toEqual(['上海新客户有限公司'])
      expect(await names('改名后')).toEqual(['深圳改名后有限公司'])
      expect(await names('改名前')).toEqual([])
      expect(await names('删除')).toEqual([])
      expect(await names('老客户')).toEqual(['北京老客户改名有限公司'])
      expect(store.sqlite!.prepare('select count(*) as n from customers_fts_deferral').get()).toEqual({ n: 0 })
    })

    it('catches up even when the write fails, so a caller that commits anyway leaves no customer unsearchable', async () => {
      store = await migratedTo('0018-deferred-search-index')
      await store.db.transaction().execute(async () => {
        await expect(
          withDeferredCustomerSearchIndex(store.sqlite!, async () => {
            insert('成都半途有限公司')
            throw new Error('the disk is full')
          }),
        ).rejects.toThrow('the disk is full')
      })
      integrity()
      expect(await names('半途')).toEqual(['成都半途有限公司'])
    })

    it('is refused outside a transaction', async () => {
      store = await migratedTo('0018-deferred-search-index')
      await expect(withDeferredCustomerSearchIndex(store.sqlite!, async () => insert('x'))).rejects.toThrow(/only be deferred inside a transaction/)
    })

    it('leaves the row-by-row triggers as they were when migrated down', async () => {
      store = await migratedTo('0018-deferred-search-index')
      const result = await new Migrator({ db: store.db, provider: { getMigrations: async () => MIGRATIONS } }).migrateDown()
      expect(result.error).toBeUndefined()
      insert('杭州回退有限公司')
      integrity()
      expect(await names('回退')).toEqual(['杭州回退有限公司'])
    })
  })
})
