import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_QUESTIONNAIRE } from '../../src/domain/scoring/index.ts'
import { detailPaths, expectError } from '../api/responses.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

/**
 * Every question of the built-in questionnaire answered. Options score good 100, fair 60,
 * poor 20 (enforcement records: none 100, past 50, current 0); the weights are in brackets.
 *   management (25):     experience good 100 [1], integrity fair 60 [2], reporting good 100 [1], succession poor 20 [1] → 340 / 5 = 68
 *   market (20):         share good 100, concentration fair 60, differentiation poor 20 [1 each]                          → 180 / 3 = 60
 *   industry (20):       growth, cyclicality, regulation all good 100 [1 each]                                             → 300 / 3 = 100
 *   legal (20):          litigation fair 60 [1], enforcement past 50 [2], licences good 100 [1]                           → 260 / 4 = 65
 *   relationship (15):   years good 100 [1], payment fair 60 [2], communication poor 20 [1]                                → 240 / 4 = 60
 *   score = (25·68 + 20·60 + 20·100 + 20·65 + 15·60) / 100 = 7100 / 100 = 71
 */
const EVERY_ANSWER = {
  managementExperience: 'good',
  managementIntegrity: 'fair',
  financialReporting: 'good',
  succession: 'poor',
  marketShare: 'good',
  customerConcentration: 'fair',
  productDifferentiation: 'poor',
  industryGrowth: 'good',
  cyclicality: 'good',
  regulatoryPressure: 'good',
  litigation: 'fair',
  enforcementRecords: 'past',
  licences: 'good',
  relationshipYears: 'good',
  paymentHistory: 'fair',
  communication: 'poor',
}

describe.each(DIALECTS)('%s: expert assessments API', (dialect) => {
  let test: TestApp
  let customerId: string
  const url = () => `/api/v1/customers/${customerId}/expert-assessments`

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '宁波示例机械有限公司', country: 'CN', industry: { code: 'C34', name: '通用设备制造业' } } })
    customerId = created.json().id
  })
  afterAll(() => test.close())

  it('scores the built-in questionnaire answered in full to the hand-computed 71', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: url(), payload: { answers: EVERY_ANSWER, comment: '  实地走访后填写  ' } })
    expect(response.statusCode, response.body).toBe(201)
    const filled = response.json()
    expect(filled.score).toBeCloseTo(71, 10)
    expect(filled.dimensions.map((d: { key: string; score: number }) => [d.key, Number(d.score.toFixed(10))])).toEqual([
      ['management', 68],
      ['marketPosition', 60],
      ['industryOutlook', 100],
      ['legal', 65],
      ['relationship', 60],
    ])
    expect(filled).toMatchObject({ customerId, questionnaireVersion: 0, missing: [], answers: EVERY_ANSWER, comment: '实地走访后填写', createdBy: `user:${test.users.analyst.user.id}` })
  })

  it('scores partial answers over the dimensions answered, and lists the missing questions in order', async () => {
    // management: experience good 100 alone → 100; relationship: payment poor 20 alone → 20; (25·100 + 15·20) / (25 + 15) = 70
    const response = await as(test, 'analyst', { method: 'POST', url: url(), payload: { answers: { managementExperience: 'good', paymentHistory: 'poor' } } })
    expect(response.statusCode, response.body).toBe(201)
    const filled = response.json()
    expect(filled.score).toBeCloseTo(70, 10)
    const every = DEFAULT_QUESTIONNAIRE.dimensions.flatMap((d) => d.questions.map((q) => q.key))
    expect(filled.missing).toEqual(every.filter((key) => key !== 'managementExperience' && key !== 'paymentHistory'))
    expect(filled.dimensions.map((d: { key: string; answered: number; of: number; score: number | null }) => `${d.key} ${d.answered}/${d.of} ${d.score}`)).toEqual([
      'management 1/4 100',
      'marketPosition 0/3 null',
      'industryOutlook 0/3 null',
      'legal 0/3 null',
      'relationship 1/3 20',
    ])
  })

  it('refuses an unknown option or question, naming each, and stores nothing', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: url(), payload: { answers: { litigation: 'sometimes', marketShare: 'good', colour: 'red' } } })
    const error = expectError(response, 400, 'validation_failed')
    expect(error.details).toEqual([
      { path: 'answers.litigation', message: 'has no option sometimes: choose one of good, fair, poor' },
      { path: 'answers.colour', message: 'is not a question of questionnaire version 0' },
    ])
    expect(error.message).toContain('sometimes')
    expect((await as(test, 'viewer', { method: 'GET', url: url() })).json().items).toHaveLength(2)
  })

  it('refuses no answers at all, and unknown fields in the body', async () => {
    expect(detailPaths(await as(test, 'analyst', { method: 'POST', url: url(), payload: { answers: {} } }))).toEqual(['answers'])
    expect(detailPaths(await as(test, 'analyst', { method: 'POST', url: url(), payload: { answers: { litigation: 'fair' }, score: 90 } }))).toEqual(['score'])
    expect(detailPaths(await as(test, 'analyst', { method: 'POST', url: url(), payload: { comment: 'no answers' } }))).toEqual(['answers'])
  })

  it('lists a customer’s expert assessments newest first and shows each on the timeline', async () => {
    const items = (await as(test, 'viewer', { method: 'GET', url: url() })).json().items
    expect(items.map((i: { score: number }) => Math.round(i.score))).toEqual([70, 71])
    expect(items[1].answers).toEqual(EVERY_ANSWER)
    const timeline = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/timeline` })).json().items
    const created = timeline.filter((i: { action: string }) => i.action === 'expert_assessment.created')
    expect(created.map((i: { entityId: string }) => i.entityId)).toEqual(items.map((i: { id: string }) => i.id))
    expect(created[0].after).toMatchObject({ customerId, questionnaireVersion: 0, score: items[0].score })
  })

  it('rates the next assessment with the latest expert score, and records which assessment it came from', async () => {
    const [latest] = (await as(test, 'viewer', { method: 'GET', url: url() })).json().items
    const response = await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customerId}/assessments`, payload: {} })
    expect(response.statusCode, response.body).toBe(201)
    const assessment = response.json()
    expect(assessment.inputs.expertScore).toBe(latest.score)
    expect(assessment.inputs.expertAssessment).toEqual({ id: latest.id, questionnaireVersion: 0, score: latest.score, at: latest.createdAt })
    expect(assessment.rating.contributions.find((c: { signal: string }) => c.signal === 'expertScore').input).toBe(latest.score)
  })

  it('rates with an expert score given instead, or without one when it is null', async () => {
    const given = (await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customerId}/assessments`, payload: { expertScore: 40 } })).json()
    expect(given.inputs).toMatchObject({ expertScore: 40, expertAssessment: null })
    const without = (await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customerId}/assessments`, payload: { expertScore: null } })).json()
    expect(without.inputs).toMatchObject({ expertScore: null, expertAssessment: null })
    expect(without.rating.contributions.map((c: { signal: string }) => c.signal)).toEqual(['industryRisk'])
  })

  it('answers 404 for a customer that does not exist, and 403 to a viewer filling one in', async () => {
    expectError(await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers/nope/expert-assessments', payload: { answers: { litigation: 'fair' } } }), 404, 'not_found')
    expectError(await as(test, 'viewer', { method: 'GET', url: '/api/v1/customers/nope/expert-assessments' }), 404, 'not_found')
    expectError(await as(test, 'viewer', { method: 'POST', url: url(), payload: { answers: { litigation: 'fair' } } }), 403, 'forbidden')
  })

  it('deletes a customer together with its expert assessments and assessments', async () => {
    const response = await as(test, 'admin', { method: 'DELETE', url: `/api/v1/customers/${customerId}` })
    expect(response.statusCode, response.body).toBe(204)
    expect(await test.store.db.selectFrom('expert_assessments').select('id').where('customer_id', '=', customerId).execute()).toEqual([])
    expect(await test.store.db.selectFrom('assessments').select('id').where('customer_id', '=', customerId).execute()).toEqual([])
  })
})
