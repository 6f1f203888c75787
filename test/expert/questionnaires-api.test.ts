import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_QUESTIONNAIRE } from '../../src/domain/scoring/index.ts'
import { detailPaths, expectError } from '../api/responses.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

const levels = (good: number, poor: number) => [
  { key: 'good', label: { zh: '好', en: 'Good' }, score: good },
  { key: 'poor', label: { zh: '差', en: 'Poor' }, score: poor },
]

/** A small questionnaire of two dimensions, two questions each. */
const SMALL = {
  dimensions: [
    {
      key: 'management',
      label: { zh: '管理层', en: 'Management' },
      weight: 60,
      questions: [
        { key: 'experience', text: 'Years in the industry', weight: 1, options: levels(100, 20) },
        { key: 'integrity', text: { zh: '诚信记录', en: 'Integrity record' }, weight: 3, options: levels(100, 0) },
      ],
    },
    {
      key: 'relationship',
      label: 'Relationship',
      weight: 40,
      questions: [
        { key: 'paymentHistory', text: 'Payment history', weight: 1, options: levels(90, 10) },
        { key: 'communication', text: 'Communication', weight: 1, options: levels(80, 40) },
      ],
    },
  ],
}

describe.each(DIALECTS)('%s: expert questionnaires API', (dialect) => {
  let test: TestApp

  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(() => test.close())

  it('serves the built-in questionnaire as version 0 while none is stored', async () => {
    const active = await as(test, 'viewer', { method: 'GET', url: '/api/v1/questionnaires/active' })
    expect(active.statusCode, active.body).toBe(200)
    expect(active.json()).toEqual({ version: 0, definition: { ...DEFAULT_QUESTIONNAIRE, version: 0 }, createdBy: null, createdAt: null })
    const list = (await as(test, 'viewer', { method: 'GET', url: '/api/v1/questionnaires' })).json()
    expect(list.items.map((q: { version: number }) => q.version)).toEqual([0])
  })

  it('refuses a questionnaire with a duplicate question key and a weight of 0, naming both problems', async () => {
    const broken = structuredClone(SMALL)
    broken.dimensions[1]!.questions[1]!.key = 'experience'
    broken.dimensions[0]!.questions[1]!.weight = 0
    const error = expectError(await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/questionnaires', payload: broken }), 400, 'validation_failed')
    expect(error.details).toEqual([
      { path: 'dimensions', message: 'question integrity: weight must be positive, is 0' },
      { path: 'dimensions', message: 'question experience appears more than once' },
    ])
    expect(error.message).toContain('question experience appears more than once')
    expect(error.message).toContain('weight must be positive, is 0')
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/questionnaires/active' })).json().version).toBe(0)
  })

  it('refuses unknown fields anywhere in a questionnaire', async () => {
    const extra = structuredClone(SMALL) as { dimensions: Record<string, unknown>[] }
    extra.dimensions[0]!.colour = 'red'
    expect(detailPaths(await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/questionnaires', payload: extra }))).toEqual(['dimensions.0.colour'])
    expect(detailPaths(await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/questionnaires', payload: { ...SMALL, version: 7 } }))).toEqual(['version'])
  })

  it('makes each new version the active one, and lists every version newest first', async () => {
    const first = await as(test, 'risk_manager', { method: 'POST', url: '/api/v1/questionnaires', payload: SMALL })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ version: 1, createdBy: `user:${test.users.risk_manager.user.id}`, definition: { version: 1, dimensions: SMALL.dimensions } })

    const renamed = structuredClone(SMALL)
    renamed.dimensions[1]!.label = 'Relationship with us'
    const second = await as(test, 'admin', { method: 'POST', url: '/api/v1/questionnaires', payload: renamed })
    expect(second.json().version).toBe(2)

    const active = (await as(test, 'analyst', { method: 'GET', url: '/api/v1/questionnaires/active' })).json()
    expect(active).toEqual(second.json())
    const list = (await as(test, 'viewer', { method: 'GET', url: '/api/v1/questionnaires' })).json()
    expect(list.items.map((q: { version: number }) => q.version)).toEqual([2, 1, 0])
    expect(list.items[1]).toEqual(first.json())
  })

  it('records each version in the audit ledger', async () => {
    const audit = (await as(test, 'admin', { method: 'GET', url: '/api/v1/audit?entity=questionnaire' })).json()
    expect(audit.entries.map((e: { action: string; after: { version: number } }) => `${e.action} ${e.after.version}`)).toEqual(['questionnaire.defined 2', 'questionnaire.defined 1'])
  })

  it('scores answers to the active version, and refuses a question only an older version has', async () => {
    const customer = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '杭州示例贸易有限公司', country: 'CN' } })
    const url = `/api/v1/customers/${customer.json().id}/expert-assessments`
    // management (60): (1·20 + 3·100) / 4 = 80; relationship (40): (90 + 40) / 2 = 65; total (60·80 + 40·65) / 100 = 74
    const filled = await as(test, 'analyst', { method: 'POST', url, payload: { answers: { experience: 'poor', integrity: 'good', paymentHistory: 'good', communication: 'poor' } } })
    expect(filled.statusCode, filled.body).toBe(201)
    expect(filled.json()).toMatchObject({ questionnaireVersion: 2, score: 74, missing: [] })
    const old = await as(test, 'analyst', { method: 'POST', url, payload: { answers: { managementIntegrity: 'good' } } })
    expect(expectError(old, 400, 'validation_failed').details).toEqual([{ path: 'answers.managementIntegrity', message: 'is not a question of questionnaire version 2' }])
  })

  it('lets only admins and risk managers define questionnaires', async () => {
    expectError(await as(test, 'analyst', { method: 'POST', url: '/api/v1/questionnaires', payload: SMALL }), 403, 'forbidden')
    expectError(await as(test, 'viewer', { method: 'POST', url: '/api/v1/questionnaires', payload: SMALL }), 403, 'forbidden')
  })
})
