import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'
import { insertRule, newCustomer, raise } from './helpers.ts'

describe.each(DIALECTS)('%s: a case’s timeline', (dialect) => {
  let test: TestApp
  let ruleId: string

  beforeAll(async () => {
    test = await startTestApp(dialect)
    ruleId = await insertRule(test.store)
  })
  afterAll(() => test.close())

  const post = (role: 'analyst' | 'risk_manager', url: string, payload: Record<string, unknown> = {}) => as(test, role, { method: 'POST', url, payload })
  const timelineOf = (caseId: string) => as(test, 'viewer', { method: 'GET', url: `/api/v1/cases/${caseId}/timeline` })

  it('lists the assignment, the investigation and the escalation newest first, with what each changed, down to the alert that opened the case', async () => {
    const customerId = await newCustomer(test.store, '时间线测试有限公司')
    const alert = await raise(test.store, { ruleId, customerId, severity: 'medium' })
    const id = alert.caseId!
    const analystId = test.users.analyst.user.id
    const managerId = test.users.risk_manager.user.id

    expect((await post('risk_manager', `/api/v1/cases/${id}/assign`, { ownerId: analystId })).statusCode).toBe(200)
    expect((await post('analyst', `/api/v1/cases/${id}/investigate`)).statusCode).toBe(200)
    expect((await post('analyst', `/api/v1/cases/${id}/escalate`, { note: '金额异常，需要主管判断' })).statusCode).toBe(200)

    const response = await timelineOf(id)
    expect(response.statusCode, response.body).toBe(200)
    const items = response.json().items
    expect(items.map((e: { kind: string; action?: string }) => e.action ?? e.kind)).toEqual(['case.escalated', 'case.investigating', 'case.assigned', 'case.opened', 'alert'])
    const [escalated, investigating, assigned, opened, raised] = items
    expect(escalated).toMatchObject({ actor: `user:${analystId}`, actorName: test.users.analyst.user.name || test.users.analyst.user.email, note: '金额异常，需要主管判断' })
    expect(escalated.changes).toEqual([
      { field: 'status', before: 'investigating', after: 'escalated' },
      { field: 'escalationLevel', before: 0, after: 1 },
    ])
    expect(investigating).toMatchObject({ actor: `user:${analystId}`, changes: [{ field: 'status', before: 'assigned', after: 'investigating' }], note: null })
    expect(assigned).toMatchObject({
      actor: `user:${managerId}`,
      changes: [
        { field: 'status', before: 'new', after: 'assigned' },
        { field: 'ownerId', before: null, after: analystId },
      ],
    })
    expect(opened.changes).toEqual([
      { field: 'status', before: null, after: 'new' },
      { field: 'severity', before: null, after: 'medium' },
      { field: 'escalationLevel', before: null, after: 0 },
    ])
    expect(raised).toEqual({ kind: 'alert', at: alert.raisedAt, alertId: alert.id, ruleKey: 'case_test', severity: 'medium' })
    const times = items.map((e: { at: string }) => Date.parse(e.at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('places a later, worse alert above the severity it raised, and the comments among the actions', async () => {
    const customerId = await newCustomer(test.store, '时间线升级有限公司')
    const first = await raise(test.store, { ruleId, customerId, severity: 'low' })
    const id = first.caseId!
    expect((await post('analyst', `/api/v1/cases/${id}/comments`, { body: '先看一下流水' })).statusCode).toBe(201)
    const worse = await raise(test.store, { ruleId, customerId, severity: 'high' })
    expect(worse.caseId).toBe(id)

    // A high alert may also apply the automatic controls, audited under the case as controls.applied: left aside here.
    const items = (await timelineOf(id)).json().items.filter((e: { action?: string }) => e.action !== 'controls.applied')
    expect(items.map((e: { kind: string; action?: string }) => e.action ?? e.kind)).toEqual(['case.severity_raised', 'alert', 'case.commented', 'case.opened', 'alert'])
    expect(items[0].changes).toContainEqual({ field: 'severity', before: 'low', after: 'high' })
    expect(items[1]).toMatchObject({ alertId: worse.id, severity: 'high' })
    expect(items[2]).toMatchObject({ changes: [], note: '先看一下流水' })
    expect(items[4]).toMatchObject({ alertId: first.id, severity: 'low' })
  })

  it('answers 404 for a case that does not exist, and 401 without a session', async () => {
    const missing = await timelineOf(randomUUID())
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('not_found')
    expect((await test.app.inject({ method: 'GET', url: `/api/v1/cases/${randomUUID()}/timeline` })).statusCode).toBe(401)
  })
})
