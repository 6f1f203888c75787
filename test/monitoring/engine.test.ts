import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Transaction } from '../../src/domain/monitoring/activity.ts'
import { applyTransaction, DEFAULT_FEATURE_CONFIG, featuresAsOf, newFeatureState } from '../../src/domain/monitoring/features/index.ts'
import { mulberry32 } from '../../src/domain/random/index.ts'
import { MonitoringEngine, type IngestOutcome } from '../../src/engine/monitoring-engine.ts'
import { openStore, type Store } from '../../src/store/open-store.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'

const T0 = Date.UTC(2026, 0, 5, 9)
const HOUR = 3_600_000

async function addCustomers(store: Store, count: number, prefix = 'c'): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
  const now = new Date().toISOString()
  await store.db
    .insertInto('customers')
    .values(ids.map((id) => ({ id, type: 'company', name: id, aliases: '[]', country: 'CN', listed: 0, tags: '[]', status: 'active', custom_fields: '{}', search_text: id, version: 1, created_at: now, updated_at: now, external_id: `ext-${id}` })) as never)
    .execute()
  return ids
}

/** A seeded stream over the customers, a few out of order by up to two hours. */
function stream(customers: readonly string[], count: number, seed = 7): Transaction[] {
  const random = mulberry32(seed)
  return Array.from({ length: count }, (_, i) => ({
    id: `tx-${i}`,
    source: 'test',
    customerId: customers[Math.floor(random() * customers.length)]!,
    at: T0 + i * 60_000 - (random() < 0.05 ? Math.floor(random() * 2 * HOUR) : 0),
    amount: 100 + Math.floor(random() * 1_000_000),
    currency: 'CNY',
    direction: random() < 0.5 ? 'in' : 'out',
    type: random() < 0.1 ? 'cash' : 'sale',
    channel: null,
    counterparty: { id: `cp-${Math.floor(random() * 30)}`, name: null, country: random() < 0.05 ? 'IR' : 'CN', account: null },
    category: random() < 0.5 ? 'goods' : 'services',
    description: null,
  }))
}

/** The features of folding the stream in order with the domain functions alone: what the engine must equal. */
function folded(transactions: readonly Transaction[], customerId: string, asOf: number) {
  const state = newFeatureState(customerId)
  for (const tx of transactions) if (tx.customerId === customerId) applyTransaction(state, tx, DEFAULT_FEATURE_CONFIG)
  return featuresAsOf(state, asOf, DEFAULT_FEATURE_CONFIG)
}

// An in-memory SQLite store writes on the engine's thread; a SQLite file, on a writer thread (sqlite-writer.ts).
const VARIANTS = [...DIALECTS.map((dialect) => ({ name: dialect, dialect, file: false })), { name: 'sqlite file (writer thread)', dialect: 'sqlite' as const, file: true }]

describe.each(VARIANTS)('$name: the monitoring engine', ({ dialect, file }) => {
  let store: TestStore
  let customers: string[]
  let dir: string | null = null
  beforeEach(async () => {
    dir = file ? mkdtempSync(join(tmpdir(), 'fk-engine-')) : null
    store = await openTestStore(dialect, dir ? { sqlitePath: join(dir, 'engine.db') } : {})
    customers = await addCustomers(store, 5)
  })
  afterEach(async () => {
    await store.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('waits with a snapshot while the transactions since the last one are fewer than ten per changed state', async () => {
    const many = await addCustomers(store, 60, 'm')
    const transactions = stream(many, 1000)
    const checkpoint = async () => Number((await store.db.selectFrom('monitoring_checkpoints').select('through_seq').executeTakeFirstOrThrow()).through_seq)
    const engine = await MonitoringEngine.open({ store, checkpointEvery: 100 })
    await engine.ingest(transactions.slice(0, 300)) // 300 since none, about 60 states changed: replaying is cheaper
    expect(await checkpoint()).toBe(0)
    await engine.ingest(transactions.slice(300, 650)) // 650 ≥ 10 × 60: now it pays
    expect(await checkpoint()).toBe(650)
    await engine.ingest(transactions.slice(650, 750)) // 100 since, about 50 states: waits again
    expect(await checkpoint()).toBe(650)
    await engine.close()
    expect(await checkpoint()).toBe(750)
  })

  it('snapshots at eight times checkpointEvery whatever the snapshot costs', async () => {
    const many = await addCustomers(store, 60, 'm')
    const transactions = stream(many, 200)
    const engine = await MonitoringEngine.open({ store, checkpointEvery: 20 })
    await engine.ingest(transactions.slice(0, 150)) // 150 < 10 × ~55 states, and < 160
    expect(Number((await store.db.selectFrom('monitoring_checkpoints').select('through_seq').executeTakeFirstOrThrow()).through_seq)).toBe(0)
    await engine.ingest(transactions.slice(150, 170)) // 170 ≥ 8 × 20
    expect(Number((await store.db.selectFrom('monitoring_checkpoints').select('through_seq').executeTakeFirstOrThrow()).through_seq)).toBe(170)
    await engine.close()
  })

  it('gives every customer the features of folding its transactions in order', async () => {
    const engine = await MonitoringEngine.open({ store })
    const transactions = stream(customers, 400)
    const outcomes = [...(await engine.ingest(transactions.slice(0, 150))), ...(await engine.ingest(transactions.slice(150)))]
    expect(outcomes.every((outcome) => outcome.status === 'accepted')).toBe(true)
    expect(outcomes.map((outcome) => (outcome.status === 'accepted' ? outcome.seq : 0))).toEqual(outcomes.map((_, i) => i + 1))
    const asOf = T0 + 400 * 60_000
    for (const customer of customers) expect(engine.features(customer, asOf)).toEqual(folded(transactions, customer, asOf))
  })

  it('acknowledges a repeated id as a duplicate and never counts it twice', async () => {
    const engine = await MonitoringEngine.open({ store })
    const transactions = stream(customers, 50)
    await engine.ingest(transactions.slice(0, 30))
    const again = await engine.ingest([...transactions.slice(20, 50), transactions[49]!])
    expect(again.filter((outcome) => outcome.status === 'duplicate')).toHaveLength(11)
    expect(again.filter((outcome) => outcome.status === 'accepted')).toHaveLength(20)
    const count = await store.db.selectFrom('transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(50)
    const asOf = T0 + 50 * 60_000
    for (const customer of customers) expect(engine.features(customer, asOf)).toEqual(folded(transactions, customer, asOf))
  })

  it('rebuilds the same states after a crash from the last snapshot plus the transactions after it', async () => {
    const transactions = stream(customers, 300)
    const first = await MonitoringEngine.open({ store, checkpointEvery: 100 })
    await first.ingest(transactions.slice(0, 120)) // 120 since the last checkpoint: snapshots through seq 120
    await first.ingest(transactions.slice(120, 190)) // 70 more: no snapshot yet
    // No close(): the process died with seqs 121–190 only in the log.
    const checkpoint = await store.db.selectFrom('monitoring_checkpoints').select('through_seq').executeTakeFirstOrThrow()
    expect(Number(checkpoint.through_seq)).toBe(120)

    const second = await MonitoringEngine.open({ store, checkpointEvery: 100 })
    expect(second.seq).toBe(190)
    const rerun = await second.ingest(transactions.slice(150)) // the re-run: 40 repeats, 110 new
    expect(rerun.filter((outcome) => outcome.status === 'duplicate')).toHaveLength(40)
    const asOf = T0 + 300 * 60_000
    for (const customer of customers) expect(second.features(customer, asOf)).toEqual(folded(transactions, customer, asOf))
    await second.close()
    const third = await MonitoringEngine.open({ store })
    for (const customer of customers) expect(third.features(customer, asOf)).toEqual(folded(transactions, customer, asOf))
  })

  it('commits concurrent batches together, in arrival order, and fails only the batch at fault', async () => {
    const engine = await MonitoringEngine.open({ store })
    const transactions = stream(customers, 40)
    const orphan = { ...transactions[0]!, id: 'orphan', customerId: 'no-such-customer' }
    const calls = [engine.ingest(transactions.slice(0, 10)), engine.ingest([transactions[10]!]), engine.ingest([orphan]), engine.ingest(transactions.slice(11, 40))]
    const [first, second, third, fourth] = (await Promise.allSettled(calls)) as PromiseSettledResult<Awaited<(typeof calls)[number]>>[] as [PromiseSettledResult<IngestOutcome[]>, PromiseSettledResult<IngestOutcome[]>, PromiseSettledResult<IngestOutcome[]>, PromiseSettledResult<IngestOutcome[]>]
    expect(first.status).toBe('fulfilled')
    expect(third.status).toBe('rejected')
    const seqs = [first, second, fourth].flatMap((result) => (result.status === 'fulfilled' ? result.value.map((o) => (o.status === 'accepted' ? o.seq : 0)) : []))
    expect(seqs).toHaveLength(40)
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs) // arrival order
    const asOf = T0 + 40 * 60_000
    for (const customer of customers) expect(engine.features(customer, asOf)).toEqual(folded(transactions, customer, asOf))
  })

  it('gives a customer without transactions empty features', async () => {
    const engine = await MonitoringEngine.open({ store })
    expect(engine.features(customers[0]!, T0)).toEqual(featuresAsOf(newFeatureState(customers[0]!), T0, DEFAULT_FEATURE_CONFIG))
  })
})

describe('sqlite: two processes on one database', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fk-engine-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('applies what another process appended before its own next batch, in seq order', async () => {
    const path = join(dir, 'shared.db')
    const server = await openTestStore('sqlite', { sqlitePath: path })
    const cli = await openStore(`sqlite:${path}`)
    try {
      const customers = await addCustomers(server, 3)
      const transactions = stream(customers, 90)
      const serverEngine = await MonitoringEngine.open({ store: server })
      const cliEngine = await MonitoringEngine.open({ store: cli })
      await serverEngine.ingest(transactions.slice(0, 30))
      await cliEngine.ingest(transactions.slice(30, 60)) // catches up on the server's 30 first
      const outcomes = await serverEngine.ingest(transactions.slice(60))
      expect(outcomes.map((o) => (o.status === 'accepted' ? o.seq : 0))).toEqual(Array.from({ length: 30 }, (_, i) => 61 + i))
      const asOf = T0 + 90 * 60_000
      for (const customer of customers) {
        expect(serverEngine.features(customer, asOf)).toEqual(folded(transactions, customer, asOf))
        await cliEngine.catchUp()
        expect(cliEngine.features(customer, asOf)).toEqual(folded(transactions, customer, asOf))
      }
    } finally {
      await cli.close()
      await server.drop()
    }
  })
})
