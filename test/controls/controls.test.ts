import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAuditEntries } from '../../src/store/repositories/audit-ledger.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

const rule = (overrides: Record<string, unknown> = {}) => ({
  key: 'critical_watch',
  name: { zh: '严重预警', en: 'Critical watch' },
  description: 'A transaction marked critical.',
  expression: "tx.category == 'critical'",
  severity: 'critical',
  score: 95,
  tags: ['test'],
  scope: 'transaction',
  suppressionHours: 0,
  playbook: { check: ['the contract'], do: ['hold credit'], tell: ['the credit manager'] },
  ...overrides,
})

const tx = (id: string, customerId: string, overrides: Record<string, unknown> = {}) => ({
  id,
  source: 'erp',
  customerId,
  at: '2026-11-02T09:30:00Z',
  amount: 100_000,
  currency: 'CNY',
  direction: 'in',
  type: 'sale',
  counterparty: { id: 'cp-1', name: '上海华信', country: 'CN' },
  category: 'goods',
  ...overrides,
})

type Received = { headers: IncomingHttpHeaders; body: string }

/** A local receiver that answers each request with the next status of its script (the last one repeating). */
async function receiver(statuses: number[]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = []
  const server: Server = createServer((request, response) => {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ headers: request.headers, body })
      response.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

/** What a receiver does: recompute the HMAC over timestamp + "." + body and compare in constant time. */
function verify(secret: string, { headers, body }: Received): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${headers['x-fengkong-timestamp']}.${body}`).digest('hex')}`)
  const given = Buffer.from(String(headers['x-fengkong-signature']))
  return given.length === expected.length && timingSafeEqual(given, expected)
}

async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe.each(DIALECTS)('%s: credit holds and signed webhooks', (dialect) => {
  let test: TestApp
  let clock = Date.now()
  const customers: Record<string, string> = {}

  async function postTx(body: Record<string, unknown>) {
    const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: body })
    expect(response.statusCode, response.body).toBe(201)
    return response.json()
  }
  async function controlsOf(name: string) {
    const response = await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customers[name]}/controls` })
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }

  beforeAll(async () => {
    // The worker's clock is fake and its timer slow: the tests run its rounds themselves.
    test = await startTestApp(dialect, { webhooks: { intervalMs: 60_000, now: () => clock, backoffMs: (attempt) => 1000 * 4 ** (attempt - 1), maxAttempts: 3 } })
    for (const name of ['held', 'hooked', 'failing']) {
      const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: `管控测试${name}有限公司`, country: 'CN', externalId: `ctl-${name}` } })
      customers[name] = created.json().id
    }
    const saved = await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/rules', payload: rule() })
    expect(saved.statusCode, saved.body).toBe(201)
    expect((await as(test, 'risk_manager', { method: 'POST', url: `/api/v1/rules/${saved.json().id}/state`, payload: { state: 'active' } })).statusCode).toBe(200)
  })
  afterAll(() => test.close())

  it('places a credit hold with a critical alert: the next sale answers blocked, a payment does not, batches carry the control', async () => {
    expect((await postTx(tx('H-0', 'ctl-held'))).control).toBe('allowed')
    expect((await controlsOf('held')).creditHold).toBeNull()

    const critical = await postTx(tx('H-1', 'ctl-held', { category: 'critical', type: 'payment', at: '2026-11-02T10:00:00Z' }))
    expect(critical.alerts).toHaveLength(1)
    expect(critical.alerts[0]).toMatchObject({ severity: 'critical' })
    expect(critical.control).toBe('allowed') // a payment extends no credit

    const controls = await controlsOf('held')
    expect(controls.creditHold).toMatchObject({ customerId: customers.held, alertId: critical.alerts[0].id, liftedAt: null, placedBy: 'system', alert: { id: critical.alerts[0].id, severity: 'critical' } })
    const audited = await listAuditEntries(test.store.db, { entity: 'credit_hold', entityId: controls.creditHold.id, limit: 10 })
    expect(audited.map((entry) => [entry.action, entry.customerId])).toEqual([['credit_hold.placed', customers.held]])

    const sale = await postTx(tx('H-2', 'ctl-held', { at: '2026-11-02T11:00:00Z' }))
    expect(sale.control).toBe('blocked')
    expect((await postTx(tx('H-3', 'ctl-held', { type: 'payment', at: '2026-11-02T11:05:00Z' }))).control).toBe('allowed')

    const batch = await as(test, 'analyst', {
      method: 'POST',
      url: '/api/v1/transactions/batch',
      payload: [tx('H-4', 'ctl-held', { at: '2026-11-02T12:00:00Z' }), tx('H-5', 'ctl-held', { type: 'refund', at: '2026-11-02T12:01:00Z' }), tx('H-6', 'ctl-hooked', { at: '2026-11-02T12:02:00Z' })],
    })
    expect(batch.statusCode, batch.body).toBe(200)
    expect(batch.json().items.map((item: { status: string; control: string }) => [item.status, item.control])).toEqual([
      ['accepted', 'blocked'],
      ['accepted', 'allowed'],
      ['accepted', 'allowed'],
    ])
    // A second critical alert places no second hold.
    await postTx(tx('H-7', 'ctl-held', { category: 'critical', at: '2026-11-02T13:00:00Z' }))
    const holds = await test.store.db.selectFrom('credit_holds').select('id').where('customer_id', '=', customers.held!).execute()
    expect(holds).toHaveLength(1)
  })

  it('lifts a hold only with a note and the permission, audited; the next sale is allowed again', async () => {
    const lift = (payload: Record<string, unknown>, role: 'risk_manager' | 'analyst' = 'risk_manager') => as(test, role, { method: 'POST', url: `/api/v1/customers/${customers.held}/controls/lift`, payload })
    expect((await lift({})).statusCode).toBe(400)
    expect((await lift({ note: '   ' })).statusCode).toBe(400)
    expect((await lift({ note: 'collateral received' }, 'analyst')).statusCode).toBe(403)

    const lifted = await lift({ note: 'collateral received' })
    expect(lifted.statusCode, lifted.body).toBe(200)
    expect(lifted.json()).toMatchObject({ customerId: customers.held, liftNote: 'collateral received', liftedBy: `user:${test.users.risk_manager.user.id}` })
    const audited = await listAuditEntries(test.store.db, { entity: 'credit_hold', entityId: lifted.json().id, limit: 10, order: 'asc' })
    expect(audited.map((entry) => entry.action)).toEqual(['credit_hold.placed', 'credit_hold.lifted'])
    expect(audited[1]!.after).toMatchObject({ liftNote: 'collateral received' })

    expect((await postTx(tx('H-8', 'ctl-held', { at: '2026-11-02T14:00:00Z' }))).control).toBe('allowed')
    const controls = await controlsOf('held')
    expect(controls.creditHold).toBeNull()
    expect(controls.liftedHolds).toHaveLength(1)
    expect((await lift({ note: 'again' })).statusCode).toBe(404)
  })

  it('delivers events to a webhook signed with HMAC-SHA256 over timestamp and body, and never shows the secret again', async () => {
    const hook = await receiver([204])
    try {
      const created = await as(test, 'admin', { method: 'POST', url: '/api/v1/webhooks', payload: { url: hook.url, description: 'risk desk' } })
      expect(created.statusCode, created.body).toBe(201)
      const { id, secret } = created.json()
      expect(secret).toMatch(/^whsec_/)
      expect((await as(test, 'risk_manager', { method: 'GET', url: '/api/v1/webhooks' })).statusCode).toBe(403)
      const listed = (await as(test, 'admin', { method: 'GET', url: '/api/v1/webhooks' })).json().items
      expect(listed).toEqual([expect.objectContaining({ id, url: hook.url })])
      expect(JSON.stringify(listed)).not.toContain(secret)

      const raised = await postTx(tx('W-1', 'ctl-hooked', { category: 'critical', at: '2026-11-02T15:00:00Z' }))
      expect(raised.control).toBe('blocked')
      clock = Date.now() // the events were queued due at the real time
      expect(await test.app.webhookWorker.runOnce()).toBe(3) // the control policy also starts a review
      expect(hook.received.map((r) => r.headers['x-fengkong-event']).sort()).toEqual(['alert.raised', 'credit_hold.placed', 'review.triggered'])
      for (const delivery of hook.received) {
        expect(verify(secret, delivery)).toBe(true)
        expect(verify('whsec_wrong', delivery)).toBe(false)
        expect(delivery.headers['x-fengkong-timestamp']).toBe(String(Math.floor(clock / 1000)))
      }
      const alertEvent = JSON.parse(hook.received.find((r) => r.headers['x-fengkong-event'] === 'alert.raised')!.body)
      expect(alertEvent).toMatchObject({ event: 'alert.raised', data: { id: raised.alerts[0].id, customerId: customers.hooked } })

      const log = (await as(test, 'admin', { method: 'GET', url: `/api/v1/webhooks/${id}/deliveries` })).json().items
      expect(log.map((d: { status: string; responseCode: number; attempt: number }) => [d.status, d.responseCode, d.attempt])).toEqual([
        ['delivered', 204, 1],
        ['delivered', 204, 1],
        ['delivered', 204, 1],
      ])
      expect((await as(test, 'admin', { method: 'DELETE', url: `/api/v1/webhooks/${id}` })).statusCode).toBe(204)
    } finally {
      await hook.close()
    }
  })

  it('retries a failing endpoint with backoff on the worker’s clock and logs every attempt, then delivers case.closed', async () => {
    const hook = await receiver([500, 503, 200])
    try {
      const created = (await as(test, 'admin', { method: 'POST', url: '/api/v1/webhooks', payload: { url: hook.url, secret: 'a-secret-of-sixteen-chars' } })).json()
      const cases = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/cases?customerId=${customers.hooked}` })).json().items
      const open = cases.find((c: { status: string }) => c.status !== 'closed')
      const closed = await as(test, 'analyst', { method: 'POST', url: `/api/v1/cases/${open.id}/close`, payload: { disposition: 'true_positive', note: 'confirmed' } })
      expect(closed.statusCode, closed.body).toBe(200)

      clock = Date.now()
      expect(await test.app.webhookWorker.runOnce()).toBe(1) // 500
      expect(await test.app.webhookWorker.runOnce()).toBe(0) // the next attempt is due in 1 s
      clock += 1000
      expect(await test.app.webhookWorker.runOnce()).toBe(1) // 503
      clock += 3999
      expect(await test.app.webhookWorker.runOnce()).toBe(0) // due 4 s after
      clock += 1
      expect(await test.app.webhookWorker.runOnce()).toBe(1) // 200
      expect(hook.received).toHaveLength(3)
      expect(new Set(hook.received.map((r) => r.headers['x-fengkong-delivery'])).size).toBe(1)
      expect(hook.received.every((r) => verify('a-secret-of-sixteen-chars', r) && JSON.parse(r.body).event === 'case.closed')).toBe(true)

      const log = (await as(test, 'admin', { method: 'GET', url: `/api/v1/webhooks/${created.id}/deliveries` })).json().items
      expect(log.map((d: { attempt: number; status: string; responseCode: number; error: string | null }) => [d.attempt, d.status, d.responseCode, d.error])).toEqual([
        [3, 'delivered', 200, null],
        [2, 'failed', 503, 'HTTP 503'],
        [1, 'failed', 500, 'HTTP 500'],
      ])
    } finally {
      await hook.close()
    }
  })

  it('gives up after the last attempt and runs the worker on its own timer', async () => {
    const hook = await receiver([500])
    await test.app.close() // its worker stops with it; a server with a fast timer and no backoff takes over the same store
    const { buildServer } = await import('../../src/api/server.ts')
    const app = await buildServer({ store: test.store, config: test.config, webhooks: { intervalMs: 20, backoffMs: () => 0, maxAttempts: 2 } })
    try {
      await app.ready()
      const created = (await app.inject({ method: 'POST', url: '/api/v1/webhooks', headers: { cookie: await login(app) }, payload: { url: hook.url } })).json()
      await app.inject({ method: 'POST', url: `/api/v1/customers/${customers.failing}/controls/lift`, headers: { cookie: await login(app) }, payload: { note: 'n' } }) // 404: no hold, nothing sent
      const raised = await app.inject({ method: 'POST', url: '/api/v1/transactions', headers: { cookie: await login(app) }, payload: tx('F-1', 'ctl-failing', { category: 'critical' }) })
      expect(raised.json().control).toBe('blocked')
      await until(async () => {
        const rows = await test.store.db.selectFrom('webhook_deliveries').select(['status', 'attempt']).where('webhook_id', '=', created.id).execute()
        return rows.length === 6 && rows.every((row) => row.status === 'failed')
      })
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(hook.received).toHaveLength(6) // three events (alert, hold, review), two attempts each, no more
    } finally {
      await app.close()
      await hook.close()
      test.close = () => test.store.drop()
    }
  })
})

async function login(app: Awaited<ReturnType<typeof import('../../src/api/server.ts').buildServer>>): Promise<string> {
  const { logInCookie } = await import('../helpers/server.ts')
  return logInCookie(app, 'admin@test.fengkong')
}
