import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { detailPaths, expectError } from '../api/responses.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

const JUSTIFICATION = '主要客户破产，应收账款回收存在重大不确定性 (main customer insolvent)'

describe.each(DIALECTS)('%s: rating override API', (dialect) => {
  let test: TestApp
  let customerId: string
  let assessmentId: string
  const overrideUrl = (id = assessmentId) => `/api/v1/assessments/${id}/override`

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '东莞示例电子有限公司', country: 'CN', industry: { code: 'C39', name: '计算机、通信和其他电子设备制造业' } } })
    customerId = created.json().id
    // Industry C (level 3) alone: PD 2 %, grade BB.
    const assessment = (await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customerId}/assessments`, payload: {} })).json()
    expect(assessment).toMatchObject({ grade: 'BB', finalGrade: 'BB', override: null })
    assessmentId = assessment.id
  })
  afterAll(() => test.close())

  it('refuses an override without a justification, or with one too short, naming justification', async () => {
    expect(detailPaths(await as(test, 'analyst', { method: 'POST', url: overrideUrl(), payload: { grade: 'B' } }))).toEqual(['justification'])
    const short = expectError(await as(test, 'analyst', { method: 'POST', url: overrideUrl(), payload: { grade: 'B', justification: '  looks risky  ' } }), 400, 'validation_failed')
    expect(short.details).toEqual([{ path: 'justification', message: 'must be at least 20 characters, is 11' }])
  })

  it('refuses a grade that is not on the master scale, naming grade', async () => {
    const error = expectError(await as(test, 'analyst', { method: 'POST', url: overrideUrl(), payload: { grade: 'C+', justification: JUSTIFICATION } }), 400, 'validation_failed')
    expect(error.details.map((d) => d.path)).toEqual(['grade'])
    expect(error.details[0]!.message).toContain('unknown grade "C+"')
  })

  it('refuses unknown fields in the body', async () => {
    expect(detailPaths(await as(test, 'analyst', { method: 'POST', url: overrideUrl(), payload: { grade: 'B', justification: JUSTIFICATION, notches: 1 } }))).toEqual(['notches'])
  })

  it('sets the final grade, keeps the model’s grade beside it, and shows the override in the assessments list', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: overrideUrl(), payload: { grade: 'B', justification: `  ${JUSTIFICATION}  ` } })
    expect(response.statusCode, response.body).toBe(200)
    const overridden = response.json()
    const by = `user:${test.users.analyst.user.id}`
    expect(overridden).toMatchObject({
      id: assessmentId,
      grade: 'BB',
      finalGrade: 'B',
      override: { fromGrade: 'BB', toGrade: 'B', notches: 1, direction: 'downgrade', justification: JUSTIFICATION, by, at: expect.any(String) },
    })
    expect(overridden.rating.grade).toBe('BB')
    const [listed] = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/assessments` })).json().items
    expect(listed).toEqual(overridden)
  })

  it('records the override in the audit ledger with the grades before and after, the justification and who', async () => {
    const audit = (await as(test, 'admin', { method: 'GET', url: `/api/v1/audit?entity=assessment&entityId=${assessmentId}` })).json()
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(['assessment.overridden', 'assessment.created'])
    const [entry] = audit.entries
    expect(entry).toMatchObject({
      actor: `user:${test.users.analyst.user.id}`,
      before: { customerId, finalGrade: 'BB', override: null },
      after: { customerId, finalGrade: 'B', override: { fromGrade: 'BB', toGrade: 'B', notches: 1, justification: JUSTIFICATION, by: `user:${test.users.analyst.user.id}` } },
    })
    const timeline = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/timeline` })).json().items
    expect(timeline[0]).toMatchObject({ action: 'assessment.overridden', entityId: assessmentId })
  })

  it('replaces an override with the next one, still measured from the model’s grade; the ledger keeps both', async () => {
    const response = await as(test, 'risk_manager', { method: 'POST', url: overrideUrl(), payload: { grade: 'BBB', justification: '担保人代偿能力强，风险委员会决定上调 (strong guarantor)' } })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({ grade: 'BB', finalGrade: 'BBB', override: { fromGrade: 'BB', toGrade: 'BBB', notches: -1, direction: 'upgrade', by: `user:${test.users.risk_manager.user.id}` } })
    const [latest] = (await as(test, 'admin', { method: 'GET', url: `/api/v1/audit?entity=assessment&entityId=${assessmentId}` })).json().entries
    expect(latest).toMatchObject({ before: { finalGrade: 'B', override: { toGrade: 'B' } }, after: { finalGrade: 'BBB', override: { toGrade: 'BBB' } } })
  })

  it('cannot override an assessment that was not rated', async () => {
    const unrated = crypto.randomUUID()
    const rating = { rated: false, reason: 'no signals', problems: [], weightsVersion: 'fengkong-weights-1', scaleVersion: 'fengkong-master-scale-1' }
    await test.store.db
      .insertInto('assessments')
      .values({
        id: unrated,
        customer_id: customerId,
        created_at: new Date().toISOString(),
        created_by: 'system',
        grade: null,
        pd: null,
        credit_limit: null,
        currency: null,
        weights_version: rating.weightsVersion,
        scale_version: rating.scaleVersion,
        inputs: '{}',
        result: JSON.stringify({ rating, limit: null, limitReason: 'not rated: no signals' }),
        override: null,
        final_grade: null,
      })
      .execute()
    const error = expectError(await as(test, 'analyst', { method: 'POST', url: overrideUrl(unrated), payload: { grade: 'B', justification: JUSTIFICATION } }), 409, 'conflict')
    expect(error.message).toContain('not rated')
  })

  it('answers 404 for an assessment that does not exist', async () => {
    expectError(await as(test, 'analyst', { method: 'POST', url: overrideUrl('nope'), payload: { grade: 'B', justification: JUSTIFICATION } }), 404, 'not_found')
  })

  it('does not let a viewer override', async () => {
    expectError(await as(test, 'viewer', { method: 'POST', url: overrideUrl(), payload: { grade: 'D', justification: JUSTIFICATION } }), 403, 'forbidden')
    const items = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/assessments` })).json().items
    expect(items.find((a: { id: string }) => a.id === assessmentId).finalGrade).toBe('BBB')
  })
})
