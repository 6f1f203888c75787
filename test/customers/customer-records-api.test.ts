import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

describe.each(DIALECTS)('%s: customer records API', (dialect) => {
  let test: TestApp
  let customerId: string
  const base = () => `/api/v1/customers/${customerId}`

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '深圳市测试贸易有限公司', country: 'CN' } })
    customerId = created.json().id
  })
  afterAll(() => test.close())

  it('adds, lists, edits and deletes a contact, auditing each step under the customer', async () => {
    const created = await as(test, 'analyst', { method: 'POST', url: `${base()}/contacts`, payload: { name: '王伟', title: '财务总监', email: 'Wang.Wei@Example.cn', primary: true } })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ customerId, name: '王伟', email: 'wang.wei@example.cn', primary: true })
    const id = created.json().id
    const edited = await as(test, 'analyst', { method: 'PATCH', url: `${base()}/contacts/${id}`, payload: { phone: '+86 755 1234 5678' } })
    expect(edited.json()).toMatchObject({ name: '王伟', phone: '+86 755 1234 5678' })
    expect((await as(test, 'viewer', { method: 'GET', url: `${base()}/contacts` })).json().items).toHaveLength(1)
    expect((await as(test, 'analyst', { method: 'DELETE', url: `${base()}/contacts/${id}` })).statusCode).toBe(204)
    expect((await as(test, 'viewer', { method: 'GET', url: `${base()}/contacts/${id}` })).statusCode).toBe(404)
    const audit = await as(test, 'admin', { method: 'GET', url: `/api/v1/audit?entity=contact&entityId=${id}` })
    expect(audit.json().entries.map((e: { action: string }) => e.action)).toEqual(['contact.deleted', 'contact.updated', 'contact.created'])
  })

  it('records a field visit with its author, and lists interactions newest first', async () => {
    for (const [occurredAt, subject] of [
      ['2026-03-01T02:00:00Z', '电话回访'],
      ['2026-05-10T06:30:00Z', '实地走访：工厂与仓库'],
    ]) {
      const response = await as(test, 'analyst', {
        method: 'POST',
        url: `${base()}/interactions`,
        payload: { kind: subject!.startsWith('实地') ? 'visit' : 'call', occurredAt, subject, location: '深圳市宝安区', attendees: ['王伟'], outcome: '正常经营' },
      })
      expect(response.statusCode, response.body).toBe(201)
      expect(response.json().authorId).toBe(test.users.analyst.user.id)
    }
    const list = (await as(test, 'viewer', { method: 'GET', url: `${base()}/interactions` })).json()
    expect(list.items.map((i: { subject: string }) => i.subject)).toEqual(['实地走访：工厂与仓库', '电话回访'])
    expect(list.items[0].occurredAt).toBe('2026-05-10T06:30:00.000Z')
  })

  it('keeps one statement per period and refuses a second with 409', async () => {
    const statement = { periodEnd: '2025-12-31', currency: 'CNY', audited: true, items: { revenue: 1_250_000_000, totalAssets: 900_000_000, currentAssets: 400_000_000 } }
    expect((await as(test, 'analyst', { method: 'POST', url: `${base()}/statements`, payload: statement })).statusCode).toBe(201)
    const again = await as(test, 'analyst', { method: 'POST', url: `${base()}/statements`, payload: statement })
    expect(again.statusCode).toBe(409)
  })

  it('refuses a statement whose current assets exceed total assets, naming the line item', async () => {
    const response = await as(test, 'analyst', {
      method: 'POST',
      url: `${base()}/statements`,
      payload: { periodEnd: '2024-12-31', currency: 'CNY', items: { totalAssets: 100, currentAssets: 200 } },
    })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([{ path: 'items.currentAssets', message: 'cannot exceed totalAssets' }])
  })

  it('refuses unknown statement line items', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: `${base()}/statements`, payload: { periodEnd: '2023-12-31', currency: 'CNY', items: { profit: 1 } } })
    expect(response.json().error.details).toEqual([{ path: 'items.profit', message: 'is not a known field' }])
  })

  it('checks a bureau score against its scale', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: `${base()}/bureau`, payload: { agency: 'PBOC', reportedOn: '2026-01-31', score: 900, scoreMin: 300, scoreMax: 850 } })
    expect(response.json().error.details).toEqual([{ path: 'score', message: "is above the scale's maximum 850" }])
  })

  it('stores a contract with collateral and a guarantee', async () => {
    const response = await as(test, 'analyst', {
      method: 'POST',
      url: `${base()}/contracts`,
      payload: {
        number: 'SC-2026-001',
        signedOn: '2026-01-01',
        expiresOn: '2027-12-31',
        creditTermsDays: 60,
        creditLimit: 5_000_000_00,
        currency: 'CNY',
        securities: [
          { kind: 'collateral', description: '厂房抵押', value: 8_000_000_00, currency: 'CNY' },
          { kind: 'guarantee', description: '母公司担保', value: 5_000_000_00, currency: 'CNY' },
        ],
      },
    })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json()).toMatchObject({ status: 'active', creditTermsDays: 60, securities: [{ kind: 'collateral' }, { kind: 'guarantee' }] })
  })

  it('completes a task and stamps when', async () => {
    const created = (await as(test, 'analyst', { method: 'POST', url: `${base()}/tasks`, payload: { title: '收集2025年审计报告', dueOn: '2026-02-28', assigneeId: test.users.analyst.user.id } })).json()
    expect(created).toMatchObject({ status: 'open', completedAt: null, createdBy: `user:${test.users.analyst.user.id}` })
    const done = (await as(test, 'analyst', { method: 'PATCH', url: `${base()}/tasks/${created.id}`, payload: { status: 'done' } })).json()
    expect(done.completedAt).toEqual(expect.any(String))
  })

  it('answers 404 for records of a customer that does not exist', async () => {
    const response = await as(test, 'viewer', { method: 'GET', url: '/api/v1/customers/nope/contacts' })
    expect(response.statusCode).toBe(404)
  })

  it('lets a viewer read records but not add them', async () => {
    expect((await as(test, 'viewer', { method: 'GET', url: `${base()}/contracts` })).statusCode).toBe(200)
    expect((await as(test, 'viewer', { method: 'POST', url: `${base()}/tasks`, payload: { title: 'x' } })).statusCode).toBe(403)
  })
})
