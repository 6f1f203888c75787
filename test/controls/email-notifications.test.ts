import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig, redactSmtpUrl } from '../../src/config.ts'
import { listAuditEntries } from '../../src/store/repositories/audit-ledger.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'
import { startSmtpReceiver, type SmtpReceiver } from '../helpers/smtp-receiver.ts'

const rule = (severity: 'critical' | 'medium') => ({
  key: `${severity}_mail`,
  name: { zh: '邮件预警', en: 'Mail watch' },
  description: 'A transaction marked for mail.',
  expression: `tx.category == '${severity}'`,
  severity,
  score: 90,
  tags: ['test'],
  scope: 'transaction',
  suppressionHours: 0,
  playbook: { check: ['the contract'], do: ['hold credit'], tell: ['the credit manager'] },
})

let seq = 0
const tx = (customerId: string, category: string) => ({
  id: `EM-${++seq}`,
  source: 'erp',
  customerId,
  at: new Date(Date.UTC(2026, 10, 3, 9, seq)).toISOString(),
  amount: 10_000,
  currency: 'CNY',
  direction: 'in',
  type: 'payment',
  counterparty: { id: 'cp-1', name: '上海华信', country: 'CN' },
  category,
})

async function setUp(test: TestApp, externalIds: string[]): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  for (const externalId of externalIds) {
    const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: `邮件测试${externalId}有限公司`, country: 'CN', externalId } })
    expect(created.statusCode, created.body).toBe(201)
    ids[externalId] = created.json().id
  }
  for (const severity of ['critical', 'medium'] as const) {
    const saved = await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/rules', payload: rule(severity) })
    expect(saved.statusCode, saved.body).toBe(201)
    expect((await as(test, 'risk_manager', { method: 'POST', url: `/api/v1/rules/${saved.json().id}/state`, payload: { state: 'active' } })).statusCode).toBe(200)
  }
  return ids
}

async function raise(test: TestApp, customerId: string, category: string) {
  const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: tx(customerId, category) })
  expect(response.statusCode, response.body).toBe(201)
  return response.json()
}

describe.each(DIALECTS)('%s: email notifications over SMTP', (dialect) => {
  let test: TestApp
  let smtp: SmtpReceiver
  let clock = Date.now()
  let customers: Record<string, string>

  beforeAll(async () => {
    smtp = await startSmtpReceiver()
    // The worker's clock is fake and its timer slow: the tests run its rounds themselves.
    test = await startTestApp(dialect, { config: { smtpUrl: smtp.url, mailFrom: 'Fengkong <risk@fengkong.test>' }, email: { intervalMs: 60_000, now: () => clock, maxAttempts: 3 } })
    customers = await setUp(test, ['em-a', 'em-b'])
  })
  afterAll(async () => {
    await test.close()
    await smtp.close()
  })

  it('emails a subscribed user an alert of at least its severity, with the expected subject and body', async () => {
    const forbidden = await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/notifications/email-subscriptions', payload: { userId: test.users.risk_manager.user.id, events: ['alert.raised'] } })
    expect(forbidden.statusCode).toBe(403)
    const bad = await as(test, 'admin', { method: 'POST', url: '/api/v1/notifications/email-subscriptions', payload: { userId: test.users.risk_manager.user.id, address: 'x@y.z', events: ['alert.raised'] } })
    expect(bad.statusCode).toBe(400)
    const created = await as(test, 'admin', { method: 'POST', url: '/api/v1/notifications/email-subscriptions', payload: { userId: test.users.risk_manager.user.id, events: ['alert.raised'], minSeverity: 'high' } })
    expect(created.statusCode, created.body).toBe(201)
    const listed = (await as(test, 'admin', { method: 'GET', url: '/api/v1/notifications/email-subscriptions' })).json()
    expect(listed).toMatchObject({ smtpConfigured: true, message: null, items: [{ id: created.json().id, events: ['alert.raised'], minSeverity: 'high' }] })
    expect((await listAuditEntries(test.store.db, { entity: 'email_subscription', entityId: created.json().id, limit: 5 })).map((e) => e.action)).toEqual(['email_subscription.created'])

    await raise(test, 'em-a', 'medium') // below the subscription's severity: no email
    const critical = await raise(test, 'em-a', 'critical')
    clock = Date.now()
    expect(await test.app.emailWorker!.runOnce()).toBe(1)
    expect(smtp.received).toHaveLength(1)
    const [mail] = smtp.received
    expect(mail!.to).toEqual(['risk_manager@test.fengkong'])
    expect(mail!.from).toBe('risk@fengkong.test')
    expect(mail!.subject).toBe('[Fengkong] critical alert critical_mail: 邮件测试em-a有限公司')
    expect(mail!.text).toContain('Event: alert.raised')
    expect(mail!.text).toContain(`Customer: 邮件测试em-a有限公司 (${customers['em-a']})`)
    expect(mail!.text).toContain(`"id": "${critical.alerts[0].id}"`)

    const log = (await as(test, 'admin', { method: 'GET', url: '/api/v1/notifications/email-deliveries' })).json().items
    expect(log.map((d: { status: string; attempt: number; to: string; event: string }) => [d.status, d.attempt, d.to, d.event])).toEqual([['delivered', 1, 'risk_manager@test.fengkong', 'alert.raised']])
  })

  it('retries an email the SMTP server refused, with backoff on the worker’s clock, then gives the log of every attempt', async () => {
    const created = await as(test, 'admin', { method: 'POST', url: '/api/v1/notifications/email-subscriptions', payload: { address: 'desk@example.com', events: ['credit_hold.placed'] } })
    expect(created.statusCode, created.body).toBe(201)
    smtp.refuseNext(2, 'desk@example.com')
    const before = smtp.received.length
    await raise(test, 'em-b', 'critical')
    clock = Date.now()
    const log = async () =>
      (await as(test, 'admin', { method: 'GET', url: `/api/v1/notifications/email-deliveries?subscriptionId=${created.json().id}` })).json().items.map((d: { attempt: number; status: string; error: string | null; messageId: string }) => [d.attempt, d.status, d.error?.includes('451') ?? null, d.messageId])
    expect(await test.app.emailWorker!.runOnce()).toBe(2) // the alert to the user, the hold to the desk (refused)
    expect(smtp.refused()).toBe(1)
    const [first] = await log()
    expect(first.slice(0, 3)).toEqual([2, 'pending', null])
    expect(await test.app.emailWorker!.runOnce()).toBe(0) // due 1 s after
    clock += 1000
    expect(await test.app.emailWorker!.runOnce()).toBe(1) // refused again
    clock += 3999
    expect(await test.app.emailWorker!.runOnce()).toBe(0) // due 4 s after
    clock += 1
    expect(await test.app.emailWorker!.runOnce()).toBe(1) // delivered
    const attempts = await log()
    expect(attempts.map((a: unknown[]) => a.slice(0, 3))).toEqual([
      [3, 'delivered', null],
      [2, 'failed', true],
      [1, 'failed', true],
    ])
    expect(new Set(attempts.map((a: unknown[]) => a[3])).size).toBe(1)
    const desk = smtp.received.slice(before).filter((m) => m.to.includes('desk@example.com'))
    expect(desk).toHaveLength(1)
    expect(desk[0]!.subject).toBe('[Fengkong] Credit hold placed: 邮件测试em-b有限公司')
  })

  it('drops the pending emails of a deleted subscription', async () => {
    const created = (await as(test, 'admin', { method: 'POST', url: '/api/v1/notifications/email-subscriptions', payload: { address: 'gone@example.com', events: ['review.triggered'] } })).json()
    await raise(test, 'em-a', 'critical') // same open case: no new review, so nothing queued for it
    await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '邮件测试em-c有限公司', country: 'CN', externalId: 'em-c' } })
    await raise(test, 'em-c', 'critical')
    const pending = await test.store.db.selectFrom('email_deliveries').select('status').where('subscription_id', '=', created.id).execute()
    expect(pending.map((row) => row.status)).toEqual(['pending'])
    expect((await as(test, 'admin', { method: 'DELETE', url: `/api/v1/notifications/email-subscriptions/${created.id}` })).statusCode).toBe(204)
    const after = await test.store.db.selectFrom('email_deliveries').select('status').where('subscription_id', '=', created.id).execute()
    expect(after.map((row) => row.status)).toEqual(['dropped'])
  })
})

describe.each(DIALECTS)('%s: email notifications without SMTP', (dialect) => {
  let test: TestApp

  beforeAll(async () => {
    test = await startTestApp(dialect)
    await setUp(test, ['nm-a'])
  })
  afterAll(() => test.close())

  it('says SMTP is not configured, refuses subscriptions, and queues nothing', async () => {
    const listed = (await as(test, 'admin', { method: 'GET', url: '/api/v1/notifications/email-subscriptions' })).json()
    expect(listed.smtpConfigured).toBe(false)
    expect(listed.message).toContain('FENGKONG_SMTP_URL')
    const refused = await as(test, 'admin', { method: 'POST', url: '/api/v1/notifications/email-subscriptions', payload: { address: 'desk@example.com', events: ['alert.raised'] } })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.message).toContain('FENGKONG_SMTP_URL')
    expect(test.app.emailWorker).toBeNull()

    // A subscription left from when SMTP was configured gets nothing queued.
    await test.store.db.insertInto('email_subscriptions').values({ id: 'left-over', user_id: null, address: 'old@example.com', events: '["alert.raised"]', min_severity: null, created_by: 'system', created_at: new Date().toISOString(), deleted_at: null }).execute()
    await raise(test, 'nm-a', 'critical')
    expect(await test.store.db.selectFrom('email_deliveries').selectAll().execute()).toEqual([])
  })
})

describe('SMTP settings', () => {
  it('reads FENGKONG_SMTP_URL and FENGKONG_MAIL_FROM, refuses another scheme, and never prints the password', () => {
    expect(loadConfig({}, {})).toMatchObject({ smtpUrl: null, mailFrom: 'Fengkong <fengkong@localhost>' })
    expect(loadConfig({}, { FENGKONG_SMTP_URL: 'smtps://risk:s3cret@mail.example.com:465', FENGKONG_MAIL_FROM: '风控 <risk@example.com>' })).toMatchObject({
      smtpUrl: 'smtps://risk:s3cret@mail.example.com:465',
      mailFrom: '风控 <risk@example.com>',
    })
    expect(() => loadConfig({}, { FENGKONG_SMTP_URL: 'http://mail.example.com' })).toThrow('FENGKONG_SMTP_URL must start with smtp:// or smtps://')
    expect(() => loadConfig({}, { FENGKONG_SMTP_URL: 'not a url' })).toThrow('FENGKONG_SMTP_URL must look like smtp://user:pass@host:port')
    expect(redactSmtpUrl('smtp://risk:s3cret@mail.example.com:587')).toBe('smtp://risk:***@mail.example.com:587')
  })
})
