import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer, type FengkongServer } from '../../src/api/server.ts'
import { loadConfig } from '../../src/config.ts'
import type { Role } from '../../src/domain/identity/index.ts'
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../../src/domain/policy/index.ts'
import { contactKind, contractKind } from '../../src/store/repositories/customer-record-kinds.ts'
import { createCustomerRecord } from '../../src/services/customer-records/create-customer-record.ts'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { approvePolicy } from '../../src/services/policy/approve-policy.ts'
import { createPolicyDraft } from '../../src/services/policy/create-policy-draft.ts'
import { submitPolicy } from '../../src/services/policy/submit-policy.ts'
import { createUser } from '../../src/services/users/create-user.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'
import { logInCookie, PASSWORD } from '../helpers/server.ts'

const system = { kind: 'system' } as const

describe.each(DIALECTS)('%s: the customer workflow', (dialect) => {
  let store: TestStore
  let app: FengkongServer
  let clock = Date.parse('2025-03-10T08:00:00Z')
  const users: Record<string, { id: string; cookie: string }> = {}

  const as = (who: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, payload, headers: { cookie: users[who]!.cookie } })

  beforeAll(async () => {
    store = await openTestStore(dialect)
    app = await buildServer({ store, config: { ...loadConfig({}, {}), logLevel: 'silent' }, reviews: { now: () => clock, startDelayMs: 2_000_000_000 } })
    const people: [string, Role][] = [['analyst', 'analyst'], ['rm1', 'risk_manager'], ['rm2', 'risk_manager'], ['admin1', 'admin'], ['admin2', 'admin'], ['viewer', 'viewer']]
    for (const [name, role] of people) {
      const user = await createUser({ store, actor: system, input: { email: `${name}@test.fengkong`, password: PASSWORD, role } })
      users[name] = { id: user.id, cookie: await logInCookie(app, user.email) }
    }
  })
  afterAll(async () => {
    await app.close()
    await store.drop()
  })

  async function customer(options: { status?: 'prospect' | 'onboarding' | 'active'; kyc?: boolean; limit?: number } = {}) {
    const created = await createCustomer({
      store,
      actor: system,
      input: { type: 'company', name: `Kunde ${randomUUID().slice(0, 8)}`, country: 'DE', status: options.status ?? 'onboarding', ownerId: users.analyst!.id, ...(options.kyc ? { registrationId: `HRB ${randomUUID().slice(0, 6)}`, industry: { code: 'C3311', name: null } } : {}) },
    })
    if (options.kyc) {
      await createCustomerRecord({ store, actor: system, kind: contactKind, customerId: created.id, input: { name: 'Frau Weber' } })
      await store.db.insertInto('bureau_records').values({ id: randomUUID(), customer_id: created.id, agency: 'Creditreform', reported_on: '2025-01-01', score: null, score_min: null, score_max: null, rating: null, recommended_limit: null, currency: null, defaults: 0, court_judgments: 0, tax_arrears: 0, created_at: '2025-01-01T00:00:00Z' }).execute()
    }
    if (options.limit !== undefined) await createCustomerRecord({ store, actor: system, kind: contractKind, customerId: created.id, input: { number: 'K-1', creditTermsDays: 30, creditLimit: options.limit, currency: 'CNY', status: 'active' } })
    return created
  }

  async function assess(customerId: string, grade: string, at: string) {
    await store.db
      .insertInto('assessments')
      .values({ id: randomUUID(), customer_id: customerId, created_at: at, created_by: 'system', grade, pd: 0.01, credit_limit: null, currency: null, weights_version: 'w', scale_version: 's', inputs: '{}', result: '{}', override: null, final_grade: grade })
      .execute()
  }

  it('refuses a maker approving their own request (403) and lets a second user of the required role approve it', async () => {
    const c = await customer({ status: 'active', limit: 1_000_000_00 })
    await assess(c.id, 'A', '2025-03-01T00:00:00Z')
    const asked = await as('rm1', 'POST', '/approvals', { kind: 'limit_change', customerId: c.id, limit: { amount: 2_000_000_00, currency: 'CNY' }, note: 'more business' })
    expect(asked.statusCode).toBe(201)
    const request = asked.json()
    expect(request).toMatchObject({ status: 'pending', requiredRole: 'risk_manager', approversNeeded: 1, requestedBy: `user:${users.rm1!.id}` })
    expect(request.routeExplanation).toContain('rule 0')

    const own = await as('rm1', 'POST', `/approvals/${request.id}/approve`, {})
    expect(own.statusCode).toBe(403)
    expect(own.json().error.message).toBe('the requester cannot decide their own request')
    expect((await as('admin1', 'POST', `/approvals/${request.id}/approve`, {})).statusCode).toBe(403)

    const inbox = (await as('rm2', 'GET', '/approvals?view=inbox')).json().items.map((r: { id: string }) => r.id)
    expect(inbox).toContain(request.id)
    expect((await as('rm1', 'GET', '/approvals?view=inbox')).json().items.map((r: { id: string }) => r.id)).not.toContain(request.id)

    const approved = await as('rm2', 'POST', `/approvals/${request.id}/approve`, { note: 'fine' })
    expect(approved.statusCode).toBe(200)
    expect(approved.json()).toMatchObject({ status: 'approved', outcome: { applied: 'contract_limit', after: { amount: 2_000_000_00, currency: 'CNY' } } })
    const contract = await store.db.selectFrom('contracts').select('credit_limit').where('customer_id', '=', c.id).executeTakeFirstOrThrow()
    expect(Number(contract.credit_limit)).toBe(2_000_000_00)
    const actions = (await store.db.selectFrom('audit_entries').select('action').where('entity_id', '=', request.id).orderBy('seq').execute()).map((e) => e.action)
    expect(actions).toEqual(['approval.requested', 'approval.approved', 'approval.decided'])
  })

  it('keeps a request needing two approvers pending after one, approved after a second different one', async () => {
    const c = await customer({ status: 'active', limit: 1_000_000_00 })
    await assess(c.id, 'B', '2025-03-01T00:00:00Z')
    const request = (await as('analyst', 'POST', '/approvals', { kind: 'limit_change', customerId: c.id, limit: { amount: 1_500_000_00, currency: 'CNY' } })).json()
    expect(request).toMatchObject({ requiredRole: 'admin', approversNeeded: 2 })
    const once = await as('admin1', 'POST', `/approvals/${request.id}/approve`, {})
    expect(once.json()).toMatchObject({ status: 'pending', decisions: [{ userId: users.admin1!.id, decision: 'approved' }] })
    expect((await as('admin1', 'POST', `/approvals/${request.id}/approve`, {})).statusCode).toBe(409)
    const contract = await store.db.selectFrom('contracts').select('credit_limit').where('customer_id', '=', c.id).executeTakeFirstOrThrow()
    expect(Number(contract.credit_limit)).toBe(1_000_000_00)
    expect((await as('admin2', 'POST', `/approvals/${request.id}/approve`, {})).json().status).toBe('approved')
  })

  it('lets only the requester cancel, and a rejection needs a note', async () => {
    const c = await customer({ status: 'onboarding' })
    const request = (await as('analyst', 'POST', '/approvals', { kind: 'onboarding', customerId: c.id })).json()
    expect(request.routeExplanation).toContain('fallback')
    expect((await as('rm1', 'POST', `/approvals/${request.id}/reject`, {})).statusCode).toBe(400)
    expect((await as('rm1', 'POST', `/approvals/${request.id}/cancel`, {})).statusCode).toBe(403)
    expect((await as('analyst', 'POST', `/approvals/${request.id}/cancel`, {})).json().status).toBe('cancelled')
  })

  it('refuses activation naming what is missing, and activates once the checklist, assessment, limit and onboarding approval are there', async () => {
    const bare = await customer({ status: 'onboarding' })
    const refused = await as('analyst', 'POST', `/customers/${bare.id}/status`, { status: 'active' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual(['registrationId', 'industry', 'contacts', 'financialEvidence', 'assessment', 'approvedLimit', 'onboardingApproval'])

    const ready = await customer({ status: 'onboarding', kyc: true, limit: 500_000_00 })
    await assess(ready.id, 'BBB', '2025-03-01T00:00:00Z')
    const before = (await as('analyst', 'GET', `/customers/${ready.id}/lifecycle`)).json()
    expect(before.kycChecklist.every((i: { done: boolean }) => i.done)).toBe(true)
    expect(before.transitions.find((t: { to: string }) => t.to === 'active').problems.map((p: { path: string }) => p.path)).toEqual(['onboardingApproval'])
    const request = (await as('analyst', 'POST', '/approvals', { kind: 'onboarding', customerId: ready.id })).json()
    await as('rm1', 'POST', `/approvals/${request.id}/approve`, {})
    const activated = await as('analyst', 'POST', `/customers/${ready.id}/status`, { status: 'active' })
    expect(activated.statusCode).toBe(200)
    expect(activated.json().status).toBe('active')
    expect((await as('analyst', 'POST', `/customers/${ready.id}/status`, { status: 'suspended' })).json().error.details).toEqual([{ path: 'note', message: 'suspended needs a note saying why' }])
    expect((await as('viewer', 'POST', `/customers/${ready.id}/status`, { status: 'closed', note: 'x' })).statusCode).toBe(403)
  })

  it('holds an edit of the status to the same checks: PATCH cannot activate a customer the lifecycle would not', async () => {
    const bare = await customer({ status: 'onboarding' })
    const patched = await as('analyst', 'PATCH', `/customers/${bare.id}`, { status: 'active' })
    expect(patched.statusCode).toBe(409)
    expect(patched.json().error.details.map((d: { path: string }) => d.path)).toEqual(['registrationId', 'industry', 'contacts', 'financialEvidence', 'assessment', 'approvedLimit', 'onboardingApproval'])
    expect((await as('analyst', 'GET', `/customers/${bare.id}`)).json().status).toBe('onboarding')
    // Editing other fields, the status sent unchanged, is no move at all.
    const edited = await as('analyst', 'PATCH', `/customers/${bare.id}`, { status: 'onboarding', region: '上海市' })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ status: 'onboarding', region: '上海市' })
    // A move the lifecycle does not have is refused on the status.
    const skipped = await as('analyst', 'PATCH', `/customers/${bare.id}`, { status: 'suspended' })
    expect(skipped.statusCode).toBe(409)
    expect(skipped.json().error.details.map((d: { path: string }) => d.path)).toEqual(['status'])
  })

  it('schedules reviews per the active policy on a fake clock, raises an overdue one once, and reschedules when the policy changes', async () => {
    const c = await customer({ status: 'active' })
    await assess(c.id, 'B', '2025-03-10T08:00:00Z')
    clock = Date.parse('2025-03-11T01:00:00Z')
    const first = await as('admin1', 'POST', '/reviews/schedule')
    expect(first.statusCode).toBe(200)
    const mine = async () => (await as('analyst', 'GET', `/reviews?from=2025-01-01&to=2026-12-31`)).json().items.filter((r: { customerId: string }) => r.customerId === c.id)
    expect(await mine()).toMatchObject([{ dueOn: '2025-04-10', grade: 'B', frequency: { every: 1, unit: 'months' }, status: 'scheduled', overdue: false }])
    expect((await as('admin1', 'POST', '/reviews/schedule')).json().scheduled).toBe(0)
    expect((await as('rm1', 'POST', '/reviews/schedule')).statusCode).toBe(403)

    clock = Date.parse('2025-04-11T00:30:00Z')
    const overdueRun = (await as('admin1', 'POST', '/reviews/schedule')).json()
    expect(overdueRun.overdueRaised.map((r: { customerId: string }) => r.customerId)).toContain(c.id)
    const [overdue] = await mine()
    expect(overdue).toMatchObject({ overdue: true, daysOverdue: 1 })
    const task = await store.db.selectFrom('tasks').selectAll().where('id', '=', overdue.overdueTaskId).executeTakeFirstOrThrow()
    expect(task).toMatchObject({ customer_id: c.id, assignee_id: users.analyst!.id, status: 'open', due_on: '2025-04-11' })
    const again = (await as('admin1', 'POST', '/reviews/schedule')).json()
    expect(again.overdueRaised.map((r: { customerId: string }) => r.customerId)).not.toContain(c.id)
    expect(await store.db.selectFrom('tasks').select('id').where('customer_id', '=', c.id).execute()).toHaveLength(1)
    expect((await as('analyst', 'GET', '/reviews?overdue=true')).json().items.map((r: { id: string }) => r.id)).toContain(overdue.id)

    const policy = structuredClone(DEFAULT_RISK_POLICY) as RiskPolicy
    const quarterly: RiskPolicy = { ...policy, reviewFrequencyPerGrade: { ...policy.reviewFrequencyPerGrade, B: { every: 3, unit: 'months' } } }
    const draft = await createPolicyDraft({ store, actor: { kind: 'user', userId: users.admin1!.id }, document: quarterly })
    await submitPolicy({ store, actor: { kind: 'user', userId: users.admin1!.id }, versionId: draft.id })
    await approvePolicy({ store, actor: { kind: 'user', userId: users.rm1!.id }, versionId: draft.id })
    const rescheduled = (await as('admin1', 'POST', '/reviews/schedule')).json()
    expect(rescheduled.rescheduled).toBeGreaterThanOrEqual(1)
    expect(await mine()).toMatchObject([{ id: overdue.id, dueOn: '2025-06-10', frequency: { every: 3, unit: 'months' }, policyVersion: rescheduled.policyVersion, overdue: false, overdueAlertedAt: null }])

    const cancelledTask = await store.db.selectFrom('tasks').select('status').where('id', '=', overdue.overdueTaskId).executeTakeFirstOrThrow()
    expect(cancelledTask.status).toBe('cancelled')

    const completed = await as('analyst', 'POST', `/reviews/${overdue.id}/complete`, { outcome: 'Payments on time, no change' })
    expect(completed.statusCode).toBe(200)
    expect(completed.json()).toMatchObject({ review: { status: 'done', outcome: 'Payments on time, no change' }, next: { dueOn: '2025-07-11', grade: 'B' } })
    expect((await as('admin1', 'POST', '/reviews/schedule')).json().rescheduled).toBe(0)
    expect((await mine()).filter((r: { status: string }) => r.status === 'scheduled')).toHaveLength(1)
  })

  it('closes the overdue task when the overdue review is completed', async () => {
    const c = await customer({ status: 'active' })
    await assess(c.id, 'D', '2025-01-15T08:00:00Z')
    clock = Date.parse('2025-03-01T12:00:00Z')
    await as('admin1', 'POST', '/reviews/schedule')
    const [review] = (await as('analyst', 'GET', `/reviews?customerId=${c.id}`)).json().items
    expect(review).toMatchObject({ dueOn: '2025-02-15', overdue: true, daysOverdue: 14 })
    expect(review.overdueTaskId).not.toBeNull()
    const completed = (await as('analyst', 'POST', `/reviews/${review.id}/complete`, { outcome: 'Collections agreed a plan' })).json()
    expect(completed.next).toMatchObject({ basedOn: '2025-03-01', dueOn: '2025-04-01' })
    const task = await store.db.selectFrom('tasks').select('status').where('id', '=', review.overdueTaskId).executeTakeFirstOrThrow()
    expect(task.status).toBe('done')
    expect((await as('analyst', 'POST', `/reviews/${review.id}/complete`, { outcome: 'again' })).statusCode).toBe(409)
  })
})
