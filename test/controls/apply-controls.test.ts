import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listAuditEntries } from '../../src/store/repositories/audit-ledger.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

const rule = (severity: string) => ({
  key: `${severity}_watch`,
  name: { zh: `${severity}预警`, en: `${severity} watch` },
  description: `A transaction marked ${severity}.`,
  expression: `tx.category == '${severity}'`,
  severity,
  score: 80,
  tags: ['test'],
  scope: 'transaction',
  suppressionHours: 0,
  playbook: { check: ['the contract'], do: ['act'], tell: ['the credit manager'] },
})

let seq = 0
const tx = (customerId: string, category: string) => ({
  id: `AC-${++seq}`,
  source: 'erp',
  customerId,
  at: new Date(Date.UTC(2026, 10, 2, 9, seq)).toISOString(),
  amount: 10_000,
  currency: 'CNY',
  direction: 'in',
  type: 'payment',
  counterparty: { id: 'cp-1', name: '上海华信', country: 'CN' },
  category,
})

describe.each(DIALECTS)('%s: automatic controls from raised alerts', (dialect) => {
  let test: TestApp
  const customers: Record<string, string> = {}
  const contracts: Record<string, string> = {}

  async function raise(name: string, category: string) {
    const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/transactions', payload: tx(`ac-${name}`, category) })
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json().alerts).toHaveLength(1)
    return response.json().alerts[0]
  }
  async function controlsOf(name: string) {
    const response = await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customers[name]}/controls` })
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }
  let assessedAt = Date.UTC(2026, 9, 1)
  async function grade(name: string, finalGrade: string) {
    await test.store.db
      .insertInto('assessments')
      .values({ id: randomUUID(), customer_id: customers[name]!, created_at: new Date((assessedAt += 60_000)).toISOString(), created_by: 'system', grade: finalGrade, pd: null, credit_limit: null, currency: null, weights_version: 't', scale_version: 't', inputs: '{}', result: '{}', override: null, final_grade: finalGrade })
      .execute()
  }
  const customerStatus = async (name: string) => (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customers[name]}` })).json().status

  beforeAll(async () => {
    test = await startTestApp(dialect)
    for (const name of ['strong', 'weak', 'unlimited', 'other']) {
      const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: `额度测试${name}有限公司`, country: 'CN', externalId: `ac-${name}`, status: 'active' } })
      expect(created.statusCode, created.body).toBe(201)
      customers[name] = created.json().id
    }
    for (const [name, limit] of [['strong', 1_000_000], ['weak', 200_000], ['other', 500_001]] as const) {
      const contract = await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customers[name]}/contracts`, payload: { number: `C-${name}`, creditTermsDays: 30, creditLimit: limit, currency: 'CNY' } })
      expect(contract.statusCode, contract.body).toBe(201)
      contracts[name] = contract.json().id
    }
    await grade('strong', 'A')
    await grade('weak', 'BBB')
    await grade('weak', 'B') // the latest assessment is what counts
    await grade('other', 'CCC')
    for (const severity of ['high', 'critical', 'medium']) {
      const saved = await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/rules', payload: rule(severity) })
      expect(saved.statusCode, saved.body).toBe(201)
      expect((await as(test, 'risk_manager', { method: 'POST', url: `/api/v1/rules/${saved.json().id}/state`, payload: { state: 'active' } })).statusCode).toBe(200)
    }
  })
  afterAll(() => test.close())

  it('sets off nothing for a medium alert', async () => {
    await raise('strong', 'medium')
    const controls = await controlsOf('strong')
    expect([controls.creditHold, controls.limitProposals, controls.reviews]).toEqual([null, [], []])
    expect(await customerStatus('strong')).toBe('active')
  })

  it('starts only a review for a high alert on a well-graded customer: under_review, a task due in 10 days, audited with its reasons', async () => {
    const alert = await raise('strong', 'high')
    const controls = await controlsOf('strong')
    expect(controls.creditHold).toBeNull()
    expect(controls.limitProposals).toEqual([])
    expect(controls.reviews).toHaveLength(1)
    const [review] = controls.reviews
    const due = new Date(Date.parse(review.triggeredAt) + 10 * 86_400_000).toISOString().slice(0, 10)
    expect(review).toMatchObject({ customerId: customers.strong, caseId: alert.caseId, alertId: alert.id, statusBefore: 'active', dueOn: due, taskStatus: 'open' })
    expect(review.reasons.map((r: { rule: string }) => r.rule)).toEqual(['high-any-grade'])
    expect(await customerStatus('strong')).toBe('under_review')

    const tasks = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customers.strong}/tasks` })).json().items
    expect(tasks).toEqual([expect.objectContaining({ id: review.taskId, dueOn: due, status: 'open', title: 'Review: high alert high_watch' })])

    const timeline = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customers.strong}/timeline` })).json().items
    const actions = timeline.map((item: { action: string }) => item.action)
    expect(actions).toEqual(expect.arrayContaining(['customer.updated', 'task.created', 'review.triggered', 'controls.applied']))
    const applied = timeline.find((item: { action: string }) => item.action === 'controls.applied')
    expect(applied.after).toMatchObject({ caseId: alert.caseId, grade: 'A', applied: { creditHoldId: null, limitProposalId: null, reviewId: review.id } })
    const statusChange = timeline.find((item: { action: string }) => item.action === 'customer.updated')
    expect([statusChange.before.status, statusChange.after.status]).toEqual(['active', 'under_review'])
  })

  it('proposes a 25% cut and a review for a high alert on a weak grade, exactly once per case, and holds on a critical one', async () => {
    const first = await raise('weak', 'high')
    await raise('weak', 'high')
    let controls = await controlsOf('weak')
    expect(controls.limitProposals).toHaveLength(1)
    expect(controls.reviews).toHaveLength(1)
    expect(controls.limitProposals[0]).toMatchObject({
      customerId: customers.weak,
      contractId: contracts.weak,
      caseId: first.caseId,
      alertId: first.id,
      currentLimit: { amount: 200_000, currency: 'CNY' },
      proposedLimit: { amount: 150_000, currency: 'CNY' },
      cutPercent: 25,
      status: 'proposed',
      proposedBy: 'system',
    })
    expect(controls.limitProposals[0].reason).toContain('customer graded B')
    expect(controls.reviews[0].dueOn).toBe(new Date(Date.parse(controls.reviews[0].triggeredAt) + 5 * 86_400_000).toISOString().slice(0, 10))
    expect(controls.creditHold).toBeNull()

    // A critical alert joins the same case: a hold is placed; the case has its proposal and review already.
    const critical = await raise('weak', 'critical')
    expect(critical.caseId).toBe(first.caseId)
    controls = await controlsOf('weak')
    expect(controls.creditHold).toMatchObject({ alertId: critical.id })
    expect(controls.creditHold.reason).toContain('row critical-any-grade')
    expect(controls.limitProposals).toHaveLength(1)
    expect(controls.reviews).toHaveLength(1)
    const applied = await listAuditEntries(test.store.db, { entity: 'case', entityId: first.caseId, limit: 50, order: 'asc' })
    // The first high alert applied controls, the second found them in place (no entry), the critical one placed the hold.
    expect(applied.filter((entry) => entry.action === 'controls.applied')).toHaveLength(2)
    const last = applied.filter((entry) => entry.action === 'controls.applied').at(-1)!
    expect((last.after as { notes: string[] }).notes).toEqual([`limit cut: case already has proposal ${controls.limitProposals[0].id}`, `review: case already has review ${controls.reviews[0].id}`])
    const tasks = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customers.weak}/tasks` })).json().items
    expect(tasks).toHaveLength(1)
  })

  it('holds and reviews an unrated customer without a limit, saying why no cut was proposed', async () => {
    const alert = await raise('unlimited', 'critical')
    const controls = await controlsOf('unlimited')
    expect(controls.creditHold).toMatchObject({ alertId: alert.id })
    expect(controls.limitProposals).toEqual([])
    expect(controls.reviews).toHaveLength(1)
    const [applied] = await listAuditEntries(test.store.db, { entity: 'case', entityId: alert.caseId, limit: 50 }).then((entries) => entries.filter((e) => e.action === 'controls.applied'))
    expect(applied!.after).toMatchObject({ grade: null, notes: ['limit cut: no active contract carries a credit limit'] })
  })

  it('accepts a proposal with the permission: the contract’s limit changes, audited; a second decision is refused', async () => {
    const [proposal] = (await controlsOf('weak')).limitProposals
    const accept = (role: 'analyst' | 'risk_manager') => as(test, role, { method: 'POST', url: `/api/v1/limit-proposals/${proposal.id}/accept`, payload: { note: 'agreed with sales' } })
    expect((await accept('analyst')).statusCode).toBe(403)
    const accepted = await accept('risk_manager')
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json()).toMatchObject({ status: 'accepted', decidedBy: `user:${test.users.risk_manager.user.id}`, note: 'agreed with sales' })
    const contract = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customers.weak}/contracts/${contracts.weak}` })).json()
    expect(contract.creditLimit).toBe(150_000)
    const audited = await listAuditEntries(test.store.db, { entity: 'limit_proposal', entityId: proposal.id, limit: 10, order: 'asc' })
    expect(audited.map((entry) => [entry.action, entry.customerId])).toEqual([
      ['limit_proposal.proposed', customers.weak],
      ['limit_proposal.accepted', customers.weak],
    ])
    const contractAudit = await listAuditEntries(test.store.db, { entity: 'contract', entityId: contracts.weak, limit: 10, order: 'asc' })
    expect(contractAudit.map((entry) => entry.action)).toEqual(['contract.created', 'contract.updated'])
    expect((contractAudit[1]!.after as { creditLimit: number }).creditLimit).toBe(150_000)
    expect((await accept('risk_manager')).statusCode).toBe(409)
  })

  it('rejects a proposal only with a note, leaving the limit; refuses to accept one whose limit changed meanwhile', async () => {
    await raise('other', 'high') // CCC: 25% of 500,001 rounds down to 375,000
    const [proposal] = (await controlsOf('other')).limitProposals
    expect(proposal.proposedLimit.amount).toBe(375_000)
    const listed = (await as(test, 'viewer', { method: 'GET', url: '/api/v1/limit-proposals?status=proposed' })).json().items
    expect(listed.map((p: { id: string }) => p.id)).toEqual([proposal.id])

    const reject = (payload: Record<string, unknown>) => as(test, 'admin', { method: 'POST', url: `/api/v1/limit-proposals/${proposal.id}/reject`, payload })
    expect((await reject({})).statusCode).toBe(400)
    expect((await reject({ note: '  ' })).statusCode).toBe(400)

    const edited = await as(test, 'analyst', { method: 'PATCH', url: `/api/v1/customers/${customers.other}/contracts/${contracts.other}`, payload: { creditLimit: 600_000 } })
    expect(edited.statusCode, edited.body).toBe(200)
    const stale = await as(test, 'admin', { method: 'POST', url: `/api/v1/limit-proposals/${proposal.id}/accept`, payload: {} })
    expect(stale.statusCode, stale.body).toBe(409)

    const rejected = await reject({ note: 'collateral covers it' })
    expect(rejected.statusCode, rejected.body).toBe(200)
    expect(rejected.json()).toMatchObject({ status: 'rejected', note: 'collateral covers it' })
    expect((await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customers.other}/contracts/${contracts.other}` })).json().creditLimit).toBe(600_000)
    const audited = await listAuditEntries(test.store.db, { entity: 'limit_proposal', entityId: proposal.id, limit: 10, order: 'asc' })
    expect(audited.map((entry) => entry.action)).toEqual(['limit_proposal.proposed', 'limit_proposal.rejected'])
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/limit-proposals?status=rejected' })).json().items.map((p: { id: string }) => p.id)).toEqual([proposal.id])
  })
})
