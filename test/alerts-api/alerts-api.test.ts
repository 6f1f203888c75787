import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { raiseAlerts } from '../../src/services/alerts/raise-alerts.ts'
import { getAlert } from '../../src/services/alerts/get-alert.ts'
import { listAuditEntries } from '../../src/store/repositories/audit-ledger.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

const rule = (overrides: Record<string, unknown> = {}) => ({
  key: 'large_amount',
  name: { zh: '大额交易', en: 'Large amount' },
  description: 'A large transaction on a day with activity.',
  expression: "tx.amount >= 5_000_000 && tx.category == 'large' && f.count_24h >= 1",
  severity: 'high',
  score: 70,
  tags: ['amount'],
  scope: 'transaction',
  suppressionHours: 24,
  playbook: { check: ['the contract behind it'], do: ['ask the relationship manager why'], tell: ['the relationship manager'] },
  ...overrides,
})

const tx = (id: string, customerId: string, overrides: Record<string, unknown> = {}) => ({
  id,
  source: 'core-banking',
  customerId,
  at: '2026-11-02T09:30:00Z',
  amount: 6_000_000,
  currency: 'CNY',
  direction: 'in',
  type: 'sale',
  counterparty: { id: 'cp-1', name: '上海华信', country: 'CN' },
  category: 'large',
  ...overrides,
})

describe.each(DIALECTS)('%s: rules, alerts and cases API', (dialect) => {
  let test: TestApp
  const customers: Record<string, string> = {}

  async function saveRule(body: Record<string, unknown>) {
    const response = await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/rules', payload: body })
    expect(response.statusCode, response.body).toBe(201)
    return response.json()
  }
  async function moveRule(id: string, state: string) {
    return as(test, 'risk_manager', { method: 'POST', url: `/api/v1/rules/${id}/state`, payload: { state } })
  }
  async function postTx(body: Record<string, unknown>) {
    const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: body })
    expect(response.statusCode, response.body).toBe(201)
    return response.json()
  }
  async function alertsOf(customer: string, query = '') {
    const response = await as(test, 'viewer', { method: 'GET', url: `/api/v1/alerts?customerId=${customers[customer]}${query}` })
    expect(response.statusCode, response.body).toBe(200)
    return response.json().items as { id: string; caseId: string | null; shadow: boolean; status: string; ruleKey: string }[]
  }

  beforeAll(async () => {
    test = await startTestApp(dialect)
    for (const name of ['large', 'shadow', 'grouped', 'batch']) {
      const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: `预警测试${name}有限公司`, country: 'CN', externalId: `erp-${name}` } })
      customers[name] = created.json().id
    }
  })
  afterAll(() => test.close())

  it('refuses an invalid expression with 400 naming expression, the reason and the column', async () => {
    const response = await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/rules', payload: rule({ expression: 'tx.amount > 3 * f.cnt_24h', dedupeKey: '{customer.idd}' }) })
    expect(response.statusCode, response.body).toBe(400)
    const { error } = response.json()
    expect(error.code).toBe('validation_failed')
    expect(error.details).toEqual([
      { path: 'expression', message: expect.stringMatching(/^unknown variable f\.cnt_24h at column 17; did you mean f\.count_24h\?/) },
      { path: 'dedupeKey', message: expect.stringMatching(/customer\.idd at column 2/) },
    ])
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/rules' })).json().items).toEqual([])
  })

  it('saves a key again as its next draft version, moves versions forward only, and activating one retires the active one', async () => {
    const first = await saveRule(rule({ key: 'versioned', expression: "tx.category == 'never-1'" }))
    const second = await saveRule(rule({ key: 'versioned', expression: "tx.category == 'never-2'" }))
    expect([first.version, first.state, second.version, second.state]).toEqual([1, 'draft', 2, 'draft'])
    expect(second.document).toMatchObject({ id: second.id, key: 'versioned', version: 2, state: 'draft', dedupeKey: '{customer.id}:{rule.key}' })

    expect((await moveRule(first.id, 'active')).json().state).toBe('active')
    const back = await moveRule(first.id, 'draft')
    expect(back.statusCode).toBe(409)
    expect((await moveRule(second.id, 'shadow')).json().state).toBe('shadow')
    expect((await moveRule(second.id, 'active')).json().state).toBe('active')

    const listed = (await as(test, 'viewer', { method: 'GET', url: '/api/v1/rules?key=versioned' })).json().items
    expect(listed.map((r: { version: number; state: string }) => [r.version, r.state])).toEqual([
      [2, 'active'],
      [1, 'retired'],
    ])
    const got = await as(test, 'viewer', { method: 'GET', url: `/api/v1/rules/${first.id}` })
    expect(got.json()).toMatchObject({ id: first.id, state: 'retired', document: { state: 'retired' } })
    const audited = await listAuditEntries(test.store.db, { entity: 'rule', entityId: first.id, limit: 10, order: 'asc' })
    expect(audited.map((entry) => entry.action)).toEqual(['rule.created', 'rule.state_changed', 'rule.state_changed'])
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/rules/nope' })).statusCode).toBe(404)
  })

  it('lets only rule managers write rules', async () => {
    expect((await as(test, 'viewer', { method: 'POST', url: '/api/v1/rules', payload: rule({ key: 'by_viewer' }) })).statusCode).toBe(403)
    expect((await as(test, 'analyst', { method: 'POST', url: '/api/v1/rules', payload: rule({ key: 'by_analyst' }) })).statusCode).toBe(403)
  })

  it('raises one alert with evidence for a matching transaction, then suppresses the next within the window', async () => {
    const saved = await saveRule(rule())
    expect((await moveRule(saved.id, 'active')).statusCode).toBe(200)

    const quiet = await postTx(tx('L-0', 'erp-large', { amount: 100_000 }))
    expect(quiet.alerts).toEqual([])
    const first = await postTx(tx('L-1', 'erp-large', { at: '2026-11-02T10:00:00Z' }))
    expect(first.alerts).toHaveLength(1)
    expect(first.alerts[0]).toMatchObject({ ruleId: saved.id, ruleKey: 'large_amount', ruleVersion: 1, customerId: customers.large, severity: 'high', score: 70, status: 'new', shadow: false, transaction: { source: 'core-banking', id: 'L-1' } })

    const again = await postTx(tx('L-2', 'erp-large', { at: '2026-11-02T18:00:00Z' }))
    expect(again.alerts).toEqual([])
    const listed = await alertsOf('large')
    expect(listed).toHaveLength(1)

    const alert = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/alerts/${listed[0]!.id}` })).json()
    expect(alert.evidence).toEqual([
      { variable: 'tx.amount', value: 6_000_000, baseline: { variable: 'f.amount_mean', value: expect.any(Number) } },
      { variable: 'tx.category', value: 'large', baseline: null },
      { variable: 'f.count_24h', value: 2, baseline: { variable: 'f.daily_count_mean', value: null } },
    ])
    const audited = await listAuditEntries(test.store.db, { entity: 'alert', entityId: alert.id, limit: 10 })
    expect(audited.map((entry) => [entry.action, entry.customerId])).toEqual([['alert.raised', customers.large]])

    // A day later the window is over: the next hit raises again.
    const later = await postTx(tx('L-3', 'erp-large', { at: '2026-11-03T11:00:00Z' }))
    expect(later.alerts).toHaveLength(1)
  })

  it('records a shadow rule’s hits as shadow alerts only: none raised, none in a case', async () => {
    const saved = await saveRule(rule({ key: 'shadow_watch', expression: "tx.category == 'watched'", severity: 'medium', score: 40 }))
    expect((await moveRule(saved.id, 'shadow')).statusCode).toBe(200)
    const response = await postTx(tx('S-1', 'erp-shadow', { amount: 1_000, category: 'watched' }))
    expect(response.alerts).toEqual([])
    expect(await alertsOf('shadow')).toEqual([])
    const shadow = await alertsOf('shadow', '&shadow=true')
    expect(shadow).toHaveLength(1)
    expect(shadow[0]).toMatchObject({ ruleKey: 'shadow_watch', shadow: true, caseId: null })
    expect((await as(test, 'viewer', { method: 'GET', url: `/api/v1/cases?customerId=${customers.shadow}` })).json().items).toEqual([])
  })

  it('groups a customer’s alerts into one case not closed; closing needs a disposition and a note, is audited, and the next alert opens a new case', async () => {
    const saved = await saveRule(rule({ key: 'every_grouped', expression: "tx.category == 'grouped'", suppressionHours: 0 }))
    await moveRule(saved.id, 'active')
    await postTx(tx('G-1', 'erp-grouped', { category: 'grouped' }))
    await postTx(tx('G-2', 'erp-grouped', { category: 'grouped', at: '2026-11-02T09:31:00Z' }))
    const alerts = await alertsOf('grouped')
    expect(alerts).toHaveLength(2)
    expect(new Set(alerts.map((a) => a.caseId)).size).toBe(1)

    const cases = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/cases?customerId=${customers.grouped}` })).json().items
    expect(cases).toEqual([expect.objectContaining({ id: alerts[0]!.caseId, customerId: customers.grouped, status: 'new', severity: 'high', alertCount: 2, disposition: null })])
    const caseId = cases[0].id as string
    const opened = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/cases/${caseId}` })).json()
    expect(opened.alerts.map((a: { id: string }) => a.id).sort()).toEqual(alerts.map((a) => a.id).sort())
    expect(opened.customerName).toBe('预警测试grouped有限公司')

    const close = (payload: unknown, role: 'analyst' | 'viewer' = 'analyst') => as(test, role, { method: 'POST', url: `/api/v1/cases/${caseId}/close`, payload: payload as Record<string, unknown> })
    const withoutDisposition = await close({ note: 'looked at it' })
    expect(withoutDisposition.statusCode).toBe(400)
    expect(withoutDisposition.json().error.details.map((d: { path: string }) => d.path)).toContain('disposition')
    expect((await close({ disposition: 'false_positive' })).statusCode).toBe(400)
    expect((await close({ disposition: 'false_positive', note: 'a seasonal order' }, 'viewer')).statusCode).toBe(403)

    const closed = await close({ disposition: 'false_positive', note: 'a seasonal order' })
    expect(closed.statusCode, closed.body).toBe(200)
    expect(closed.json()).toMatchObject({ id: caseId, status: 'closed', disposition: 'false_positive', note: 'a seasonal order', closedBy: `user:${test.users.analyst.user.id}` })
    expect((await close({ disposition: 'true_positive', note: 'again' })).statusCode).toBe(409)
    expect((await alertsOf('grouped')).map((a) => a.status)).toEqual(['closed', 'closed'])
    // The case's own lifecycle entries (the controls an alert applies are audited under the case too).
    const audited = (await listAuditEntries(test.store.db, { entity: 'case', entityId: caseId, limit: 10, order: 'asc' })).filter((entry) => entry.action.startsWith('case.'))
    expect(audited.map((entry) => [entry.action, entry.customerId])).toEqual([
      ['case.opened', customers.grouped],
      ['case.closed', customers.grouped],
    ])
    expect(audited[1]!.after).toMatchObject({ disposition: 'false_positive', note: 'a seasonal order', closedAlertIds: alerts.map((a) => a.id).sort() })

    await postTx(tx('G-3', 'erp-grouped', { category: 'grouped', at: '2026-11-02T09:32:00Z' }))
    const now = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/cases?customerId=${customers.grouped}` })).json().items
    expect(now.map((c: { status: string; alertCount: number }) => [c.status, c.alertCount]).sort()).toEqual([
      ['closed', 2],
      ['new', 1],
    ])
  })

  it('raises from batches too, suppressing repeats within the batch, and filters and pages the alerts', async () => {
    const response = await as(test, 'analyst', {
      method: 'POST',
      url: '/api/v1/transactions/batch',
      payload: [tx('B-1', 'erp-batch'), tx('B-2', 'erp-batch', { at: '2026-11-02T09:40:00Z' }), tx('B-3', 'erp-batch', { category: 'grouped', at: '2026-11-02T09:50:00Z' })],
    })
    expect(response.statusCode, response.body).toBe(200)
    const alerts = await alertsOf('batch')
    expect(alerts.map((a) => a.ruleKey).sort()).toEqual(['every_grouped', 'large_amount'])
    // The dedupe key names the customer: another customer's alert of the same rule suppresses nothing here.
    expect(alerts.map((a) => (a as unknown as { dedupeKey: string }).dedupeKey).sort()).toEqual([`${customers.batch}:every_grouped`, `${customers.batch}:large_amount`])
    expect((await alertsOf('batch', '&ruleKey=large_amount')).map((a) => a.ruleKey)).toEqual(['large_amount'])
    expect(await alertsOf('batch', '&status=closed')).toEqual([])
    expect(await alertsOf('batch', '&severity=critical')).toEqual([])

    const page = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/alerts?customerId=${customers.batch}&limit=1` })).json()
    expect(page.items).toHaveLength(1)
    const next = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/alerts?customerId=${customers.batch}&limit=1&cursor=${page.nextCursor}` })).json()
    expect(next.items).toHaveLength(1)
    expect(next.items[0].id).not.toBe(page.items[0].id)
    expect(next.nextCursor).toBeNull()
  })

  it('never raises the same rule’s alert for the same transaction twice (a replay of the log after a restart)', async () => {
    const [listed] = await alertsOf('batch', '&ruleKey=every_grouped')
    const alert = await getAlert({ store: test.store, alertId: listed!.id })
    const hit = { ruleId: alert.ruleId, ruleKey: alert.ruleKey, version: alert.ruleVersion, shadow: false, severity: alert.severity, score: alert.score, tags: [], scope: 'transaction' as const, dedupeKey: alert.dedupeKey, suppressionHours: 0, evidence: alert.evidence }
    const again = await raiseAlerts({ store: test.store, pending: [{ hit, customerId: alert.customerId, transaction: alert.transaction, at: Date.parse(alert.at) }] })
    expect(again).toEqual([])
    expect(await alertsOf('batch', '&ruleKey=every_grouped')).toHaveLength(1)
  })

  it('sorts the inbox by severity (worst first) and by the SLA of the alert’s case, and pages each sort without losing or repeating an alert', async () => {
    const list = async (query: string) => {
      const response = await as(test, 'viewer', { method: 'GET', url: `/api/v1/alerts?${query}` })
      expect(response.statusCode, response.body).toBe(200)
      return response.json() as { items: { id: string; severity: string; caseId: string | null; raisedAt: string }[]; nextCursor: string | null }
    }
    const RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 }
    for (const sort of ['newest', 'severity', 'sla'] as const) {
      const whole = (await list(`sort=${sort}&limit=200`)).items
      expect(whole.length).toBeGreaterThan(2)
      const paged: string[] = []
      let cursor: string | null = null
      do {
        const page = await list(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        paged.push(...page.items.map((a) => a.id))
        cursor = page.nextCursor
      } while (cursor)
      expect(paged).toEqual(whole.map((a) => a.id))
      if (sort === 'severity') {
        for (let i = 1; i < whole.length; i += 1) {
          const [before, after] = [whole[i - 1]!, whole[i]!]
          expect(RANK[before.severity]! > RANK[after.severity]! || (before.severity === after.severity && before.raisedAt >= after.raisedAt)).toBe(true)
        }
      }
      if (sort === 'sla') {
        const dueOf = async (caseId: string | null) => {
          if (!caseId) return '9999'
          const found = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/cases/${caseId}` })).json() as { status: string; slaDueAt: string | null }
          return found.status === 'closed' || !found.slaDueAt ? '9999' : found.slaDueAt
        }
        const dues = await Promise.all(whole.map((a) => dueOf(a.caseId)))
        expect(dues).toEqual([...dues].sort())
        expect(dues.some((due) => due !== '9999')).toBe(true)
      }
    }
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/alerts?sort=loudest' })).statusCode).toBe(400)
  })
})
