import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseEscalationWorker } from '../../src/services/alerts/case-escalation-worker.ts'
import { escalateOverdueCases } from '../../src/services/alerts/escalate-overdue-cases.ts'
import { createTeam } from '../../src/services/teams/create-team.ts'
import { createUser } from '../../src/services/users/create-user.ts'
import { listAuditEntries } from '../../src/store/repositories/audit-ledger.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, logInCookie, startTestApp, type TestApp } from '../helpers/server.ts'
import { insertRule, newCustomer, raise } from './helpers.ts'

describe.each(DIALECTS)('%s: working cases', (dialect) => {
  let test: TestApp
  let ruleId: string
  let lead: { id: string; cookie: string }
  let teamId: string

  beforeAll(async () => {
    test = await startTestApp(dialect)
    ruleId = await insertRule(test.store)
    teamId = (await createTeam({ store: test.store, actor: { kind: 'system' }, input: { name: '预警处理组' } })).id
    const user = await createUser({ store: test.store, actor: { kind: 'system' }, input: { email: 'lead@test.fengkong', password: 'Secret123!', role: 'risk_manager', teamId } })
    lead = { id: user.id, cookie: await logInCookie(test.app, user.email) }
  })
  afterAll(() => test.close())

  const post = (role: 'analyst' | 'risk_manager' | 'viewer' | 'admin', url: string, payload: Record<string, unknown> = {}) => as(test, role, { method: 'POST', url, payload })
  const get = (role: 'analyst' | 'risk_manager' | 'viewer' | 'admin', url: string) => as(test, role, { method: 'GET', url })
  const caseOf = async (id: string) => (await get('viewer', `/api/v1/cases/${id}`)).json()
  const inboxOf = async (userId: string) => test.store.db.selectFrom('notifications').select(['kind', 'case_id']).where('user_id', '=', userId).orderBy('created_at').orderBy('id').execute()
  const caseActions = async (caseId: string) => (await listAuditEntries(test.store.db, { entity: 'case', entityId: caseId, limit: 50, order: 'asc' })).map((e) => e.action).filter((a) => a.startsWith('case.'))

  it('opens a new case due after its severity’s SLA; a worse alert raises the severity and brings the due time forward', async () => {
    const customerId = await newCustomer(test.store, '时限测试有限公司')
    const first = await raise(test.store, { ruleId, customerId, severity: 'low' })
    const opened = await caseOf(first.caseId!)
    expect(opened).toMatchObject({ status: 'new', ownerId: null, teamId: null, severity: 'low', escalationLevel: 0 })
    expect(Date.parse(opened.slaDueAt) - Date.parse(opened.openedAt)).toBe(7 * 24 * 3_600_000)

    const worse = await raise(test.store, { ruleId, customerId, severity: 'high' })
    expect(worse.caseId).toBe(first.caseId)
    const raised = await caseOf(first.caseId!)
    expect(raised.severity).toBe('high')
    expect(Date.parse(raised.slaDueAt) - Date.parse(worse.raisedAt)).toBe(24 * 3_600_000)
    expect(await caseActions(first.caseId!)).toEqual(['case.opened', 'case.severity_raised'])
  })

  it('walks a case through assigned, investigating, escalated and closed, moving its alerts along, audited at every step', async () => {
    const customerId = await newCustomer(test.store, '生命周期测试有限公司')
    const alert = await raise(test.store, { ruleId, customerId, severity: 'medium' })
    const id = alert.caseId!
    const analystId = test.users.analyst.user.id

    expect((await post('viewer', `/api/v1/cases/${id}/assign`, { ownerId: test.users.viewer.user.id })).statusCode).toBe(403)
    const toViewer = await post('risk_manager', `/api/v1/cases/${id}/assign`, { ownerId: test.users.viewer.user.id })
    expect(toViewer.statusCode).toBe(400)
    expect(toViewer.json().error.details[0].path).toBe('ownerId')

    const assigned = await post('risk_manager', `/api/v1/cases/${id}/assign`, { ownerId: analystId })
    expect(assigned.statusCode, assigned.body).toBe(200)
    expect(assigned.json()).toMatchObject({ status: 'assigned', ownerId: analystId })
    expect(await inboxOf(analystId)).toContainEqual({ kind: 'case.assigned', case_id: id })

    // Another analyst may not work a case the first one owns.
    const otherAnalyst = await createUser({ store: test.store, actor: { kind: 'system' }, input: { email: 'other.analyst@test.fengkong', password: 'Secret123!', role: 'analyst' } })
    const otherCookie = await logInCookie(test.app, otherAnalyst.email)
    const refused = await test.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/investigate`, headers: { cookie: otherCookie } })
    expect(refused.statusCode).toBe(403)

    const investigating = await post('analyst', `/api/v1/cases/${id}/investigate`)
    expect(investigating.json()).toMatchObject({ status: 'investigating', ownerId: analystId })
    expect((await post('analyst', `/api/v1/cases/${id}/investigate`)).statusCode).toBe(409)
    expect((await get('viewer', `/api/v1/alerts/${alert.id}`)).json().status).toBe('investigating')

    const escalated = await post('analyst', `/api/v1/cases/${id}/escalate`, { note: '金额异常，需要主管判断' })
    expect(escalated.json()).toMatchObject({ status: 'escalated', escalationLevel: 1, ownerId: analystId })
    // The owner escalated it: the team leads hear of it (no team: every risk manager), the owner does not.
    expect(await inboxOf(test.users.risk_manager.user.id)).toContainEqual({ kind: 'case.escalated', case_id: id })
    expect((await inboxOf(analystId)).filter((n) => n.kind === 'case.escalated' && n.case_id === id)).toEqual([])

    const withoutDisposition = await post('analyst', `/api/v1/cases/${id}/close`, { note: 'checked' })
    expect(withoutDisposition.statusCode).toBe(400)
    expect(withoutDisposition.json().error.details.map((d: { path: string }) => d.path)).toContain('disposition')
    const closed = await post('analyst', `/api/v1/cases/${id}/close`, { disposition: 'true_positive', note: '已上报' })
    expect(closed.json()).toMatchObject({ status: 'closed', disposition: 'true_positive' })
    expect((await post('risk_manager', `/api/v1/cases/${id}/escalate`, {})).statusCode).toBe(409)
    expect((await get('viewer', `/api/v1/alerts/${alert.id}`)).json().status).toBe('closed')

    expect(await caseActions(id)).toEqual(['case.opened', 'case.assigned', 'case.investigating', 'case.escalated', 'case.closed'])
  })

  it('escalates overdue cases on a fake clock: not before the due time, once after it, and not twice at the same level', async () => {
    await as(test, 'risk_manager', { method: 'PUT', url: '/api/v1/case-queues/critical', payload: { teamId } })
    const customerId = await newCustomer(test.store, '超时测试有限公司')
    const alert = await raise(test.store, { ruleId, customerId, severity: 'critical' })
    const opened = await caseOf(alert.caseId!)
    expect(opened).toMatchObject({ status: 'assigned', ownerId: lead.id, teamId })
    const due = Date.parse(opened.slaDueAt)
    expect(due - Date.parse(opened.openedAt)).toBe(4 * 3_600_000)

    const escalatedAt = async (now: number) => (await escalateOverdueCases({ store: test.store, now: new Date(now) })).filter((c) => c.id === alert.caseId).map((c) => c.escalationLevel)
    expect(await escalatedAt(due - 1)).toEqual([])
    expect((await caseOf(alert.caseId!)).status).toBe('assigned')
    expect(await escalatedAt(due + 60_000)).toEqual([1])
    expect(await escalatedAt(due + 60_000)).toEqual([])
    expect(await escalatedAt(due + 2 * 3_600_000)).toEqual([])

    const escalated = await caseOf(alert.caseId!)
    expect(escalated).toMatchObject({ status: 'escalated', escalationLevel: 1, escalatedAt: new Date(due + 60_000).toISOString(), slaDueAt: new Date(due + 60_000 + 4 * 3_600_000).toISOString() })
    const entries = (await listAuditEntries(test.store.db, { entity: 'case', entityId: alert.caseId!, limit: 20, order: 'asc' })).filter((e) => e.action === 'case.escalated')
    expect(entries.map((e) => [e.actor, (e.after as { reason: string }).reason, (e.after as { escalationLevel: number }).escalationLevel])).toEqual([['system', 'overdue', 1]])
    // The owner (here the team's lead) is told once.
    expect((await inboxOf(lead.id)).filter((n) => n.kind === 'case.escalated' && n.case_id === alert.caseId)).toHaveLength(1)

    // The server's timer runs the same round on its clock: the next level once the new due time has come.
    const worker = createCaseEscalationWorker({ store: test.store, now: () => Date.parse(escalated.slaDueAt) })
    expect((await worker.runOnce()).filter((c) => c.id === alert.caseId).map((c) => c.escalationLevel)).toEqual([2])
    expect((await worker.runOnce()).filter((c) => c.id === alert.caseId)).toEqual([])
    await worker.stop()
  })

  it('notifies exactly the users a comment @mentions, and each reads only their own inbox', async () => {
    const customerId = await newCustomer(test.store, '提及测试有限公司')
    const alert = await raise(test.store, { ruleId, customerId, severity: 'medium' })
    const id = alert.caseId!
    const before = (await get('admin', '/api/v1/me/notifications')).json().items.length
    const comment = await post('risk_manager', `/api/v1/cases/${id}/comments`, { body: '@analyst 请核实，cc @viewer@test.fengkong；不是 ops@test.fengkong，也提醒自己 @risk_manager' })
    expect(comment.statusCode, comment.body).toBe(201)
    expect(comment.json().mentions.sort()).toEqual([test.users.analyst.user.id, test.users.viewer.user.id, test.users.risk_manager.user.id].sort())

    const inbox = (await get('analyst', '/api/v1/me/notifications?unread=true')).json()
    const mention = inbox.items.find((n: { kind: string; caseId: string }) => n.kind === 'case.mentioned' && n.caseId === id)
    expect(mention).toMatchObject({ userId: test.users.analyst.user.id, payload: { customerName: '提及测试有限公司' } })
    expect((await get('viewer', '/api/v1/me/notifications')).json().items.filter((n: { caseId: string }) => n.caseId === id)).toHaveLength(1)
    expect((await get('risk_manager', '/api/v1/me/notifications')).json().items.filter((n: { kind: string; caseId: string }) => n.kind === 'case.mentioned' && n.caseId === id)).toEqual([])
    expect((await get('admin', '/api/v1/me/notifications')).json().items).toHaveLength(before)

    expect((await post('viewer', `/api/v1/me/notifications/${mention.id}/read`)).statusCode).toBe(404)
    expect((await post('analyst', `/api/v1/me/notifications/${mention.id}/read`)).json()).toEqual({ marked: 1 })
    const after = (await get('analyst', '/api/v1/me/notifications')).json()
    expect(after.unreadCount).toBe(inbox.unreadCount - 1)
    await post('analyst', '/api/v1/me/notifications/read-all')
    expect((await get('analyst', '/api/v1/me/notifications')).json().unreadCount).toBe(0)

    expect((await get('viewer', `/api/v1/cases/${id}/comments`)).json().items.map((c: { body: string }) => c.body)).toEqual([comment.json().body])
    expect((await post('viewer', `/api/v1/cases/${id}/comments`, { body: 'hi' })).statusCode).toBe(403)
    expect(await caseActions(id)).toContain('case.commented')
  })

  it('runs a bulk action case by case, with a result for each id', async () => {
    const ids = [] as string[]
    for (const name of ['批量甲', '批量乙', '批量丙']) ids.push((await raise(test.store, { ruleId, customerId: await newCustomer(test.store, `${name}有限公司`), severity: 'low' })).caseId!)
    await post('risk_manager', `/api/v1/cases/${ids[1]}/assign`, { ownerId: test.users.risk_manager.user.id })
    await post('analyst', `/api/v1/cases/${ids[2]}/close`, { disposition: 'false_positive', note: '重复' })

    const response = await post('analyst', '/api/v1/cases/bulk', { action: 'close', caseIds: [...ids, 'no-such-case'], disposition: 'not_actionable', note: '批量处理' })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().results.map((r: { caseId: string; ok: boolean; error?: { code: string } }) => [r.caseId, r.ok, r.error?.code ?? null])).toEqual([
      [ids[0], true, null],
      [ids[1], false, 'forbidden'],
      [ids[2], false, 'conflict'],
      ['no-such-case', false, 'not_found'],
    ])
    expect((await caseOf(ids[0]!)).status).toBe('closed')
    expect((await caseOf(ids[1]!)).status).toBe('assigned')
    expect((await post('analyst', '/api/v1/cases/bulk', { action: 'close', caseIds: [ids[0]], note: 'x' })).statusCode).toBe(400)
  })

  it('keeps attachments byte for byte with their SHA-256, audited', async () => {
    const id = (await raise(test.store, { ruleId, customerId: await newCustomer(test.store, '附件测试有限公司'), severity: 'low' })).caseId!
    const bytes = Buffer.from('%PDF-1.4 银行流水 \u0000\u00ff', 'utf8')
    const upload = (role: 'analyst' | 'viewer') => as(test, role, { method: 'POST', url: `/api/v1/cases/${id}/attachments?filename=${encodeURIComponent('流水.pdf')}`, payload: bytes, headers: { 'content-type': 'application/pdf' } })
    expect((await upload('viewer')).statusCode).toBe(403)
    const uploaded = await upload('analyst')
    expect(uploaded.statusCode, uploaded.body).toBe(201)
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    expect(uploaded.json()).toMatchObject({ caseId: id, filename: '流水.pdf', contentType: 'application/pdf', size: bytes.length, sha256 })
    expect((await upload('analyst')).statusCode).toBe(409)

    expect((await get('viewer', `/api/v1/cases/${id}/attachments`)).json().items.map((a: { sha256: string }) => a.sha256)).toEqual([sha256])
    const download = await get('viewer', `/api/v1/cases/${id}/attachments/${uploaded.json().id}/content`)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(sha256)
    const entry = (await listAuditEntries(test.store.db, { entity: 'case', entityId: id, limit: 10, order: 'asc' })).find((e) => e.action === 'case.attachment_added')
    expect(entry?.after).toMatchObject({ sha256, size: bytes.length })
  })

  it('lists the work queue worst first then soonest due, and filters by status, owner and overdue', async () => {
    const active = (await get('viewer', '/api/v1/cases?status=active&sort=severity&limit=500')).json().items as { severity: string; slaDueAt: string; status: string }[]
    const rank = { low: 1, medium: 2, high: 3, critical: 4 } as Record<string, number>
    expect(active.length).toBeGreaterThan(3)
    expect(active.every((c) => c.status !== 'closed')).toBe(true)
    for (let i = 1; i < active.length; i += 1) {
      const [a, b] = [active[i - 1]!, active[i]!]
      expect(rank[a.severity]! > rank[b.severity]! || (a.severity === b.severity && (a.slaDueAt ?? '~') <= (b.slaDueAt ?? '~'))).toBe(true)
    }
    // Paged two at a time, the same order.
    const paged = [] as unknown[]
    let cursor: string | null = null
    do {
      const page: { items: unknown[]; nextCursor: string | null } = (await get('viewer', `/api/v1/cases?status=active&sort=severity&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json()
      paged.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    expect(paged).toEqual(active)

    const bySla = (await get('viewer', '/api/v1/cases?status=active&sort=sla&limit=500')).json().items as { slaDueAt: string | null }[]
    expect(bySla.map((c) => c.slaDueAt ?? '~')).toEqual(bySla.map((c) => c.slaDueAt ?? '~').sort())

    const mine = (await get('risk_manager', '/api/v1/cases?ownerId=me&limit=500')).json().items as { ownerId: string }[]
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((c) => c.ownerId === test.users.risk_manager.user.id)).toBe(true)
    // Nothing is overdue now: the escalated cases are due again hours from now.
    const overdue = (await get('viewer', '/api/v1/cases?overdue=true')).json().items as { slaDueAt: string }[]
    expect(overdue.every((c) => Date.parse(c.slaDueAt) <= Date.now())).toBe(true)
  })
})
