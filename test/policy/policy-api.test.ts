import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../../src/domain/policy/index.ts'
import { createUser } from '../../src/services/users/create-user.ts'
import type { User } from '../../src/store/repositories/users.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, logInCookie, PASSWORD, startTestApp, type TestApp } from '../helpers/server.ts'

type Version = { id: string; version: number; status: string; document: RiskPolicy }

describe.each(DIALECTS)('%s: risk policy API', (dialect) => {
  let test: TestApp
  /** A second risk manager: the checker. */
  let checkerCookie: string
  let checkerEmail: string
  let checker: User
  let customerId: string
  const asChecker = (options: Parameters<typeof as>[2]) => test.app.inject({ ...options, headers: { ...options.headers, cookie: checkerCookie } })

  beforeAll(async () => {
    test = await startTestApp(dialect)
    checkerEmail = 'risk2@test.fengkong'
    checker = await createUser({ store: test.store, actor: { kind: 'system' }, input: { email: checkerEmail, password: PASSWORD, role: 'risk_manager', name: '复核人' } })
    checkerCookie = await logInCookie(test.app, checkerEmail)
    customerId = (
      await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '无锡示例电子有限公司', country: 'CN', industry: { code: 'C39', name: '计算机、通信和其他电子设备制造业' } } })
    ).json().id
  })
  afterAll(() => test.close())

  const createDraft = async (document?: RiskPolicy): Promise<Version> => {
    const response = await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/policy/versions', payload: document ? { document, note: 'test' } : {} })
    expect(response.statusCode, response.body).toBe(201)
    return response.json()
  }
  const submit = async (id: string) => {
    const response = await as(test, 'risk_manager', { method: 'POST', url: `/api/v1/policy/versions/${id}/submit` })
    expect(response.statusCode, response.body).toBe(200)
  }
  const assess = async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customerId}/assessments`, payload: {} })
    expect(response.statusCode, response.body).toBe(201)
    return response.json() as { id: string; grade: string; pd: number; scaleVersion: string; inputs: { policyVersion: number } }
  }

  it('starts a fresh store with the default policy as version 1, active', async () => {
    const response = await as(test, 'viewer', { method: 'GET', url: '/api/v1/policy' })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({ version: 1, status: 'active', createdBy: 'system' })
    expect(response.json().document).toEqual(JSON.parse(JSON.stringify(DEFAULT_RISK_POLICY)))
  })

  it('refuses to activate a policy without a second approver, and activates it when a second risk manager approves', async () => {
    const draft = await createDraft({ ...DEFAULT_RISK_POLICY, riskAppetite: { maxSingleNameShare: 0.05, maxIndustryShare: 0.3 } })
    expect(draft).toMatchObject({ version: 2, status: 'draft' })
    await submit(draft.id)

    const own = await as(test, 'risk_manager', { method: 'POST', url: `/api/v1/policy/versions/${draft.id}/approve` })
    expect(own.statusCode).toBe(403)
    expect(own.json().error.message).toContain('needs a second user')
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/policy' })).json().version).toBe(1)

    const second = await asChecker({ method: 'POST', url: `/api/v1/policy/versions/${draft.id}/approve` })
    expect(second.statusCode, second.body).toBe(200)
    expect(second.json()).toMatchObject({ version: 2, status: 'active' })
  })

  it('keeps exactly one version active, the one before superseded', async () => {
    const list = (await as(test, 'viewer', { method: 'GET', url: '/api/v1/policy/versions' })).json()
    const versions = list.items as Version[]
    expect(list.actorNames).toEqual({ [`user:${test.users.risk_manager.user.id}`]: test.users.risk_manager.user.name, [`user:${checker.id}`]: checker.name })
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'active'],
      [1, 'superseded'],
    ])
    expect(versions.filter((v) => v.status === 'active')).toHaveLength(1)
  })

  it('lets the store itself hold no second active version', async () => {
    const second = test.store.db.updateTable('policy_versions').set({ status: 'active' }).where('version', '=', 1).execute()
    await expect(second).rejects.toThrow()
  })

  it('rejects a submitted version with the checker’s reason, leaving the active one in place', async () => {
    const draft = await createDraft({ ...DEFAULT_RISK_POLICY, riskAppetite: { maxSingleNameShare: 0.5, maxIndustryShare: 0.9 } })
    await submit(draft.id)
    expect((await as(test, 'risk_manager', { method: 'PUT', url: `/api/v1/policy/versions/${draft.id}`, payload: { document: DEFAULT_RISK_POLICY } })).statusCode).toBe(409)
    const rejected = await asChecker({ method: 'POST', url: `/api/v1/policy/versions/${draft.id}/reject`, payload: { reason: 'Appetite far too loose.' } })
    expect(rejected.statusCode, rejected.body).toBe(200)
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Appetite far too loose.' })
    expect((await asChecker({ method: 'POST', url: `/api/v1/policy/versions/${draft.id}/approve` })).statusCode).toBe(409)
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/policy' })).json().version).toBe(2)
  })

  it('diffs two versions into exactly the paths that changed', async () => {
    const versions = (await as(test, 'viewer', { method: 'GET', url: '/api/v1/policy/versions' })).json().items as Version[]
    const [v1, v2] = [versions.find((v) => v.version === 1), versions.find((v) => v.version === 2)]
    const response = await as(test, 'viewer', { method: 'GET', url: `/api/v1/policy/diff?from=${v1!.id}&to=${v2!.id}` })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json().changes).toEqual([{ kind: 'changed', path: 'riskAppetite.maxSingleNameShare', before: 0.1, after: 0.05 }])
  })

  it('names the field when a draft is not valid', async () => {
    const draft = await createDraft()
    const grades = DEFAULT_RISK_POLICY.masterScale.grades.map((g, i) => (i === 3 ? { ...g, lower: 0.002 } : g))
    const response = await as(test, 'risk_manager', { method: 'PUT', url: `/api/v1/policy/versions/${draft.id}`, payload: { document: { ...DEFAULT_RISK_POLICY, masterScale: { ...DEFAULT_RISK_POLICY.masterScale, grades } } } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([{ path: 'document.masterScale.grades[3].lower', message: "must equal the previous band's upper bound 0.003 (the bands would overlap), is 0.002" }])
    const unknownField = await as(test, 'risk_manager', { method: 'PUT', url: `/api/v1/policy/versions/${draft.id}`, payload: { document: { ...DEFAULT_RISK_POLICY, extra: 1 } } })
    expect(unknownField.statusCode).toBe(400)
    // A changed scale keeps its old name: refused when submitted.
    const renamed = await as(test, 'risk_manager', { method: 'PUT', url: `/api/v1/policy/versions/${draft.id}`, payload: { document: movedScale(0.005, DEFAULT_RISK_POLICY.masterScale.version) } })
    expect(renamed.statusCode, renamed.body).toBe(200)
    const refused = await as(test, 'risk_manager', { method: 'POST', url: `/api/v1/policy/versions/${draft.id}/submit` })
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual(['document.masterScale.version'])
    const rejected = await asChecker({ method: 'POST', url: `/api/v1/policy/versions/${draft.id}/reject`, payload: { reason: 'not submitted' } })
    expect(rejected.statusCode).toBe(409)
  })

  /** The default policy with the boundary below the band holding `pd` moved halfway down towards the band's lower bound. */
  function movedScale(pd: number, version: string): RiskPolicy {
    const grades = DEFAULT_RISK_POLICY.masterScale.grades
    const k = grades.findIndex((g) => pd >= g.lower && pd < g.upper)
    const boundary = (grades[k]!.lower + pd) / 2
    const moved = grades.map((g, i) => (i === k ? { ...g, upper: boundary } : i === k + 1 ? { ...g, lower: boundary } : g))
    return { ...DEFAULT_RISK_POLICY, masterScale: { version, grades: moved } }
  }

  it('runs a draft whose master scale moved over the portfolio and reports the grade change', async () => {
    const before = await assess()
    const grades = DEFAULT_RISK_POLICY.masterScale.grades.map((g) => g.grade)
    const worse = grades[grades.indexOf(before.grade) + 1]
    const draft = await createDraft(movedScale(before.pd, 'test-scale-2'))
    const response = await as(test, 'risk_manager', { method: 'POST', url: `/api/v1/policy/versions/${draft.id}/what-if` })
    expect(response.statusCode, response.body).toBe(200)
    const result = response.json()
    expect(result.customers).toEqual([expect.objectContaining({ customerId, before: expect.objectContaining({ grade: before.grade }), after: expect.objectContaining({ grade: worse }), gradeChange: 'downgrade', notches: 1 })])
    expect(result.summary).toMatchObject({ customers: 1, downgrades: 1 })
    expect((await as(test, 'analyst', { method: 'POST', url: `/api/v1/policy/versions/${draft.id}/what-if` })).statusCode).toBe(403)
  })

  it('gives the next assessment the grade of the policy activated since, and overrides on its scale', async () => {
    const before = await assess()
    const versions = (await as(test, 'viewer', { method: 'GET', url: '/api/v1/policy/versions' })).json().items as Version[]
    const draft = versions.find((v) => v.status === 'draft' && v.version === 5)!
    await submit(draft.id)
    expect((await asChecker({ method: 'POST', url: `/api/v1/policy/versions/${draft.id}/approve` })).statusCode).toBe(200)

    const after = await assess()
    const grades = DEFAULT_RISK_POLICY.masterScale.grades.map((g) => g.grade)
    expect(after.pd).toBe(before.pd)
    expect(after.grade).toBe(grades[grades.indexOf(before.grade) + 1])
    expect(after).toMatchObject({ scaleVersion: 'test-scale-2', inputs: { policyVersion: 5 } })
    const override = await as(test, 'analyst', { method: 'POST', url: `/api/v1/assessments/${after.id}/override`, payload: { grade: before.grade, justification: 'The moved boundary is too strict for this customer.' } })
    expect(override.statusCode, override.body).toBe(200)
  })

  it('reports exactly the active users who have not attested the active version', async () => {
    for (const role of ['admin', 'analyst'] as const) {
      const response = await as(test, role, { method: 'POST', url: '/api/v1/policy/attest' })
      expect(response.statusCode, response.body).toBe(200)
      expect(response.json().version).toBe(5)
    }
    const again = await as(test, 'admin', { method: 'POST', url: '/api/v1/policy/attest' })
    expect(again.statusCode).toBe(200)
    expect((await as(test, 'admin', { method: 'GET', url: '/api/v1/policy/attestations/me' })).json()).toMatchObject({ version: 5, attestedAt: again.json().attestedAt })
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/policy/attestations/me' })).json()).toMatchObject({ version: 5, attestedAt: null })
    const report = (await as(test, 'risk_manager', { method: 'GET', url: '/api/v1/policy/attestations' })).json()
    expect(report.version).toBe(5)
    expect(report.attested.map((u: { email: string }) => u.email)).toEqual(['admin@test.fengkong', 'analyst@test.fengkong'])
    expect(report.notAttested.map((u: { email: string }) => u.email)).toEqual([checkerEmail, 'risk_manager@test.fengkong', 'viewer@test.fengkong'])
  })

  it('audits every step of a version', async () => {
    const entries = (await as(test, 'admin', { method: 'GET', url: '/api/v1/audit?entity=policy_version&limit=100' })).json().entries as { action: string }[]
    const actions = new Set(entries.map((e) => e.action))
    for (const action of ['policy.draft_created', 'policy.draft_updated', 'policy.submitted', 'policy.approved', 'policy.superseded', 'policy.attested']) expect(actions).toContain(action)
  })
})
