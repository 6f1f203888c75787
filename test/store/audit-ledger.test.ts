import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { GENESIS_HASH, sealAuditEntry } from '../../src/domain/audit/index.ts'
import { checkpointAuditLedger } from '../../src/services/audit/checkpoint-audit-ledger.ts'
import { verifyAuditLedger } from '../../src/services/audit/verify-audit-ledger.ts'
import { appendAuditEntries, appendAuditEntry, listAuditEntries, readAuditHead, readLedger } from '../../src/store/repositories/audit-ledger.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'

describe.each(DIALECTS)('%s: audit ledger', (dialect) => {
  let store: TestStore
  beforeEach(async () => {
    store = await openTestStore(dialect)
  })
  afterEach(async () => {
    await store.drop()
  })

  async function record(n: number) {
    for (let i = 1; i <= n; i += 1) {
      await store.db.transaction().execute((trx) =>
        appendAuditEntry(trx, {
          actor: 'user:u1',
          action: 'customer.updated',
          entity: 'customer',
          entityId: `c${i % 3}`,
          before: { name: '华为技术有限公司', limit: i * 100 },
          after: { name: '华为技术有限公司', limit: i * 100 + 50, ratio: 0.125, tags: ['a', 'b'] },
        }),
      )
    }
  }

  it('chains each entry to the one before, starting from the genesis hash', async () => {
    await record(3)
    const entries = await listAuditEntries(store.db, { limit: 10, order: 'asc' })
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH)
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash)
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash)
    expect(await readAuditHead(store.db)).toEqual({ seq: 3, hash: entries[2]!.hash })
  })

  it('stores before and after so that the hash recomputes exactly after reading back', async () => {
    await record(2)
    for await (const entry of readLedger(store.db)) expect(sealAuditEntry(entry).hash).toBe(entry.hash)
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 2 })
  })

  it('keeps no entry when the write it records rolls back', async () => {
    await record(1)
    await expect(
      store.db.transaction().execute(async (trx) => {
        await appendAuditEntry(trx, { actor: 'user:u1', action: 'x', entity: 'customer', entityId: 'c9' })
        throw new Error('the write failed')
      }),
    ).rejects.toThrow('the write failed')
    expect((await readAuditHead(store.db))?.seq).toBe(1)
    await record(1)
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 2 })
  })

  it('keeps one unbroken chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.db.transaction().execute((trx) => appendAuditEntry(trx, { actor: `user:u${i}`, action: 'x', entity: 'customer', entityId: `c${i}` })),
      ),
    )
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 25 })
  })

  it('appends a bulk of entries as one stretch of the chain, interleaving with single appends', async () => {
    await record(1)
    const records = Array.from({ length: 1203 }, (_, i) => ({ actor: 'cli:import', action: 'customer.imported', entity: 'customer', entityId: `c${i}`, after: { row: i } }))
    const entries = await store.db.transaction().execute((trx) => appendAuditEntries(trx, records))
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 1203 }, (_, i) => i + 2))
    await record(1)
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 1205 })
    expect(await readAuditHead(store.db)).toMatchObject({ seq: 1205 })
  })

  it('filters entries by entity and record, newest first, and pages by seq', async () => {
    await record(6)
    const forC1 = await listAuditEntries(store.db, { entity: 'customer', entityId: 'c1', limit: 10 })
    expect(forC1.map((e) => e.seq)).toEqual([4, 1])
    const page = await listAuditEntries(store.db, { limit: 2, afterSeq: 5 })
    expect(page.map((e) => e.seq)).toEqual([4, 3])
  })

  it.each([
    ['action', sql`action = 'customer.deleted'`],
    ['actor', sql`actor = 'user:intruder'`],
    ['time', sql`at = '2020-01-01T00:00:00.000Z'`],
    ['after', sql`after = '{"limit":1}'`],
    ['prevHash', sql`prev_hash = ${'a'.repeat(64)}`],
  ])('names the seq whose %s was edited in the table', async (_field, assignment) => {
    await record(5)
    await sql`update audit_entries set ${assignment} where seq = 3`.execute(store.db)
    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: false, problem: { seq: 3 } })
  })

  it('names the seq of a deleted entry, in the middle or at the end', async () => {
    await record(5)
    await sql`delete from audit_entries where seq = 2`.execute(store.db)
    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: false, problem: { seq: 2 } })
    await sql`delete from audit_entries where seq = 5`.execute(store.db)
    await sql`update audit_entries set seq = 2 where seq = 3`.execute(store.db)
    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: false, problem: { seq: 2 } })
  })

  it('names the removed last entry through the head', async () => {
    await record(4)
    await sql`delete from audit_entries where seq = 4`.execute(store.db)
    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: false, problem: { seq: 4 } })
  })

  it('proves history up to a checkpoint, and catches a chain rewritten with fresh hashes', async () => {
    await record(4)
    const { checkpoint, size } = await checkpointAuditLedger({ store })
    expect(size).toBe(4)
    await record(2)
    expect(await verifyAuditLedger({ store, checkpoint })).toMatchObject({ ok: true, checked: 6, checkpoint: { size: 4 } })

    // Someone with write access rewrites entry 2 and re-seals everything after it.
    const entries = []
    for await (const entry of readLedger(store.db)) entries.push(entry)
    let prevHash = entries[0]!.hash
    for (const entry of entries.slice(1)) {
      const resealed = sealAuditEntry({ ...entry, actor: entry.seq === 2 ? 'user:intruder' : entry.actor, prevHash })
      await store.db.updateTable('audit_entries').set({ actor: resealed.actor, prev_hash: prevHash, hash: resealed.hash }).where('seq', '=', entry.seq).execute()
      prevHash = resealed.hash
    }
    await store.db.updateTable('audit_head').set({ hash: prevHash }).where('id', '=', 1).execute()

    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: true })
    expect(await verifyAuditLedger({ store, checkpoint })).toMatchObject({ ok: false, problem: { reason: expect.stringContaining('rewritten') } })
  })
})
