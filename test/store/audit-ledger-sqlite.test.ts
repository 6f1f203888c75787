import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditLedger } from '../../src/services/audit/verify-audit-ledger.ts'
import { appendAuditEntries, appendAuditEntry, listAuditEntries, readAuditHead } from '../../src/store/repositories/audit-ledger.ts'
import { appendAuditEntriesSqlite } from '../../src/store/repositories/audit-ledger-sqlite.ts'
import { openTestStore, type TestStore } from '../helpers/dialects.ts'

/** The prepared-statement bulk append imports use on SQLite: the same chain as appendAuditEntries. */
describe('sqlite: bulk audit append over prepared statements', () => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore('sqlite')
  })
  afterEach(async () => {
    await store.drop()
  })

  const records = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ actor: 'cli:import', action: 'customer.created', entity: 'customer', entityId: `c${from + i}`, after: { id: `c${from + i}`, name: '华为技术有限公司', n: from + i } }))

  it('continues the chain between appends of the other kind, in the caller’s transaction', async () => {
    await store.db.transaction().execute((trx) => appendAuditEntry(trx, { actor: 'user:u1', action: 'x', entity: 'customer', entityId: 'first' }))
    const entries = await store.db.transaction().execute(async () => appendAuditEntriesSqlite(store.sqlite!, records(1_234)))
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 1_234 }, (_, i) => i + 2))
    await store.db.transaction().execute((trx) => appendAuditEntries(trx, records(3, 5_000)))
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 1_238 })
    expect(await readAuditHead(store.db)).toEqual({ seq: 1_238, hash: (await listAuditEntries(store.db, { limit: 1 }))[0]!.hash })
    const [stored] = await listAuditEntries(store.db, { entityId: 'c7', limit: 1 })
    expect(stored).toMatchObject({ customerId: 'c7', after: { id: 'c7', name: '华为技术有限公司', n: 7 } })
  })

  it('keeps nothing when the transaction rolls back, and refuses to run outside one', async () => {
    await expect(
      store.db.transaction().execute(async () => {
        appendAuditEntriesSqlite(store.sqlite!, records(10))
        throw new Error('the write failed')
      }),
    ).rejects.toThrow('the write failed')
    expect(await readAuditHead(store.db)).toMatchObject({ seq: 0 })
    expect(() => appendAuditEntriesSqlite(store.sqlite!, records(1))).toThrow('inside the transaction')
  })
})
