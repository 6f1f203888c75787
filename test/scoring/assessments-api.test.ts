import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

describe.each(DIALECTS)('%s: risk assessments API', (dialect) => {
  let test: TestApp
  let customerId: string
  const base = () => `/api/v1/customers/${customerId}`

  beforeAll(async () => {
    test = await startTestApp(dialect)
    customerId = (
      await as(test, 'analyst', {
        method: 'POST',
        url: '/api/v1/customers',
        payload: { type: 'company', name: '苏州示例精密制造有限公司', country: 'CN', industry: { code: 'C33', name: '金属制品业' } },
      })
    ).json().id
  })
  afterAll(() => test.close())

  it('says why a customer with nothing on file gets no limit, yet rates it on its industry alone', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: `${base()}/assessments`, payload: {} })
    expect(response.statusCode, response.body).toBe(201)
    const assessment = response.json()
    expect(assessment.rating.contributions.map((c: { signal: string }) => c.signal)).toEqual(['industryRisk'])
    expect(assessment).toMatchObject({ creditLimit: null, limitReason: 'no financial statement on file' })
  })

  it('rates from the statement, the bureau record and an expert score, and recommends a limit it explains', async () => {
    await as(test, 'analyst', {
      method: 'POST',
      url: `${base()}/statements`,
      payload: {
        periodEnd: '2025-12-31',
        currency: 'CNY',
        items: {
          revenue: 1_200_000_000_00,
          ebit: 90_000_000_00,
          totalAssets: 1_000_000_000_00,
          currentAssets: 450_000_000_00,
          currentLiabilities: 250_000_000_00,
          totalLiabilities: 550_000_000_00,
          equity: 450_000_000_00,
          retainedEarnings: 200_000_000_00,
        },
      },
    })
    await as(test, 'analyst', { method: 'POST', url: `${base()}/bureau`, payload: { agency: '百行征信', reportedOn: '2026-05-31', score: 760, scoreMin: 300, scoreMax: 850, recommendedLimit: 30_000_000_00, currency: 'CNY' } })
    await as(test, 'analyst', { method: 'POST', url: `${base()}/contracts`, payload: { number: 'C-1', creditTermsDays: 60, currency: 'CNY' } })

    const assessment = (await as(test, 'analyst', { method: 'POST', url: `${base()}/assessments`, payload: { expertScore: 75 } })).json()
    expect(assessment.rating.contributions.map((c: { signal: string }) => c.signal).sort()).toEqual(['bureauScore', 'expertScore', 'industryRisk', 'zScoreZone'])
    expect(assessment.grade).toEqual(expect.any(String))
    expect(assessment.pd).toBeGreaterThan(0)
    expect(assessment.inputs).toMatchObject({ zScore: { model: 'z-prime', zone: expect.any(String) }, bureau: { score: 760 }, creditTermsDays: 60, expertScore: 75 })
    // The limit is the smallest candidate, scaled by the grade and rounded down to 1,000.00.
    const candidates = assessment.limit.candidates.filter((c: { value: number | null }) => c.value !== null)
    const smallest = Math.min(...candidates.map((c: { value: number }) => c.value))
    expect(assessment.limit.candidates.find((c: { method: string }) => c.method === assessment.limit.binding).value).toBe(smallest)
    expect(assessment.creditLimit).toBe(Math.floor((smallest * assessment.limit.gradeFactor) / 100_000) * 100_000)
    expect(assessment.creditLimit % 100_000).toBe(0)
  })

  it('keeps every assessment as the rating trend, newest first, and records each in the timeline', async () => {
    const history = (await as(test, 'viewer', { method: 'GET', url: `${base()}/assessments` })).json().items
    expect(history).toHaveLength(2)
    expect(history[0].inputs.expertScore).toBe(75)
    const timeline = (await as(test, 'viewer', { method: 'GET', url: `${base()}/timeline` })).json().items
    expect(timeline.filter((i: { action: string }) => i.action === 'assessment.created')).toHaveLength(2)
  })

  it('refuses an expert score out of range, and a viewer assessing', async () => {
    const bad = await as(test, 'analyst', { method: 'POST', url: `${base()}/assessments`, payload: { expertScore: 140 } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.details[0].path).toBe('expertScore')
    expect((await as(test, 'viewer', { method: 'POST', url: `${base()}/assessments`, payload: {} })).statusCode).toBe(403)
  })

  it('answers 404 for a customer that does not exist', async () => {
    expect((await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers/nope/assessments', payload: {} })).statusCode).toBe(404)
  })
})
