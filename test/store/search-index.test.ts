import { Migrator } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { MIGRATIONS } from '../../src/store/migrations/index.ts'
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
})
