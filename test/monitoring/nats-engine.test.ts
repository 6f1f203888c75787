import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Transaction } from '../../src/domain/monitoring/activity.ts'
import { localEngineAccess } from '../../src/engine/engine-access.ts'
import { MonitoringEngine } from '../../src/engine/monitoring-engine.ts'
import { startEngineWorker, type EngineWorker } from '../../src/engine/nats/engine-worker.ts'
import { natsEngineAccess } from '../../src/engine/nats/nats-engine-access.ts'
import { ACTIVITY_STREAM } from '../../src/engine/nats/subjects.ts'
import { openTestStore, type TestStore } from '../helpers/dialects.ts'

/**
 * API nodes over NATS JetStream: transactions submitted by an API node are stored in the
 * stream, applied by the engine worker exactly once, and evaluations and feature reads are
 * answered by the worker's live state. Needs nats-server with JetStream on 127.0.0.1:4222;
 * skipped, with the reason printed, when it is not there.
 */
const NATS_URL = process.env.FENGKONG_TEST_NATS_URL ?? '127.0.0.1:4222'
const problem = await probe()
if (problem) console.warn(`\n[fengkong tests] SKIPPING NATS JetStream runs: ${problem} (${NATS_URL})\n`)

async function probe(): Promise<string | null> {
  try {
    const nc = await connect({ servers: NATS_URL, timeout: 2000 })
    try {
      await (await jetstreamManager(nc)).getAccountInfo()
      return null
    } finally {
      await nc.close()
    }
  } catch (error) {
    return `NATS with JetStream is unreachable: ${(error as Error).message}`
  }
}

const T0 = Date.UTC(2026, 5, 1)
const tx = (i: number, customerId: string): Transaction => ({
  id: `n-${i}`,
  source: 'nats-test',
  customerId,
  at: T0 + i * 60_000,
  amount: 1000 + i,
  currency: 'CNY',
  direction: i % 3 === 0 ? 'out' : 'in',
  type: 'sale',
  channel: null,
  counterparty: { id: `cp-${i % 7}`, name: null, country: 'CN', account: null },
  category: 'goods',
  description: null,
})

describe.skipIf(problem !== null)('NATS JetStream: API nodes and the engine worker', () => {
  let store: TestStore
  let workerConnection: NatsConnection
  let apiConnection: NatsConnection
  let engine: MonitoringEngine
  let worker: EngineWorker

  beforeAll(async () => {
    // A clean stream per run: another run's leftovers must not be applied to this store.
    const admin = await connect({ servers: NATS_URL })
    await (await jetstreamManager(admin)).streams.delete(ACTIVITY_STREAM).catch(() => false)
    await admin.close()
    store = await openTestStore('sqlite')
    const now = new Date().toISOString()
    await store.db.insertInto('customers').values(['a', 'b'].map((id) => ({ id, type: 'company', name: id, aliases: '[]', country: 'CN', listed: 0, tags: '[]', status: 'active', custom_fields: '{}', search_text: id, version: 1, created_at: now, updated_at: now }))).execute()
    engine = await MonitoringEngine.open({ store })
    workerConnection = await connect({ servers: NATS_URL })
    worker = await startEngineWorker({ nc: workerConnection, engine })
    apiConnection = await connect({ servers: NATS_URL })
  })
  afterAll(async () => {
    await worker?.stop()
    await workerConnection?.close()
    await apiConnection?.close()
    await store?.drop()
  })

  it('queues a batch durably and the worker applies it exactly once, repeats included', async () => {
    const api = await natsEngineAccess(apiConnection)
    const batch = Array.from({ length: 300 }, (_, i) => tx(i, i % 2 ? 'a' : 'b'))
    const outcomes = await api.submit([...batch, ...batch.slice(0, 50)])
    expect(outcomes.every((outcome) => outcome.status === 'queued')).toBe(true)
    for (let waited = 0; engine.seq < 300 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(engine.seq).toBe(300)
    const rows = await store.db.selectFrom('transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(rows.n)).toBe(300)

    // The same stream folded in-process gives the same features.
    const reference = await openTestStore('sqlite')
    const now = new Date().toISOString()
    await reference.db.insertInto('customers').values(['a', 'b'].map((id) => ({ id, type: 'company', name: id, aliases: '[]', country: 'CN', listed: 0, tags: '[]', status: 'active', custom_fields: '{}', search_text: id, version: 1, created_at: now, updated_at: now }))).execute()
    const local = localEngineAccess(await MonitoringEngine.open({ store: reference }))
    await local.submit(batch)
    const asOf = T0 + 300 * 60_000
    expect(await api.features('a', asOf)).toEqual(await local.features('a', asOf))
    expect(await api.features('b', asOf)).toEqual(await local.features('b', asOf))
    await reference.drop()
  })

  it('evaluates one transaction synchronously through the worker, and acknowledges its repeat', async () => {
    const api = await natsEngineAccess(apiConnection)
    const first = await api.evaluate(tx(1000, 'a'), T0 + 1001 * 60_000)
    expect(first.outcome.status).toBe('accepted')
    expect(first.features).toEqual(engine.features('a', T0 + 1001 * 60_000))
    const again = await api.evaluate(tx(1000, 'a'), T0 + 1001 * 60_000)
    expect(again.outcome.status).toBe('duplicate')
  })
})

describe.skipIf(problem !== null)('NATS JetStream: the API in front of a worker', () => {
  it('answers a batch as queued and one transaction with the worker’s evaluation', async () => {
    const { startTestApp, as } = await import('../helpers/server.ts')
    const admin = await connect({ servers: NATS_URL })
    await (await jetstreamManager(admin)).streams.delete(ACTIVITY_STREAM).catch(() => false)
    await admin.close()
    const test = await startTestApp('sqlite', { config: { natsUrl: `nats://${NATS_URL}` } })
    const engine = await MonitoringEngine.open({ store: test.store })
    const workerConnection = await connect({ servers: NATS_URL })
    const worker = await startEngineWorker({ nc: workerConnection, engine })
    try {
      const customer = (await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '杭州队列测试有限公司', country: 'CN', externalId: 'q-1' } })).json()
      const body = (id: string) => ({ id, customerId: 'q-1', at: '2026-06-01T08:00:00Z', amount: 5000, currency: 'CNY', direction: 'in', type: 'sale' })
      const batch = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions/batch', payload: [body('Q-1'), body('Q-2'), { ...body('Q-3'), amount: 0 }] })
      expect(batch.json()).toMatchObject({ queued: 2, rejected: 1 })
      const single = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: body('Q-4') })
      expect(single.statusCode, single.body).toBe(201)
      expect(single.json()).toMatchObject({ status: 'accepted', customerId: customer.id })
      for (let waited = 0; engine.seq < 3 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50))
      const metrics = await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customer.id}/metrics?asOf=2026-06-02T00:00:00Z` })
      expect(metrics.statusCode, metrics.body).toBe(200)
      expect(metrics.json().features).toEqual(engine.features(customer.id, Date.parse('2026-06-02T00:00:00Z')))
    } finally {
      await worker.stop()
      await workerConnection.close()
      await test.close()
    }
  })
})
