import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_INDUSTRY_RISK } from '../../src/domain/scoring/index.ts'
import { detailPaths, expectError } from '../api/responses.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

describe.each(DIALECTS)('%s: industry risk table API', (dialect) => {
  let test: TestApp
  let customerId: string

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: '重庆示例置业有限公司', country: 'CN', industry: { code: 'K7010', name: '房地产开发经营' } } })
    customerId = created.json().id
  })
  afterAll(() => test.close())

  async function industrySignal() {
    const assessment = (await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customerId}/assessments`, payload: {} })).json()
    return { input: assessment.rating.contributions.find((c: { signal: string }) => c.signal === 'industryRisk').input, recorded: assessment.inputs.industryRisk }
  }

  it('serves the built-in table as version 0 while none is stored, and assessments use it', async () => {
    const active = await as(test, 'viewer', { method: 'GET', url: '/api/v1/industry-risk' })
    expect(active.statusCode, active.body).toBe(200)
    expect(active.json()).toEqual({ version: 0, table: DEFAULT_INDUSTRY_RISK, createdBy: null, createdAt: null })
    expect(await industrySignal()).toEqual({ input: 5, recorded: { level: 5, section: 'K', reason: null, tableVersion: 0 } })
  })

  it('changes the industry signal of the next assessment when the table changes, recording the table version', async () => {
    const table = { ...DEFAULT_INDUSTRY_RISK, K: { label: { zh: '房地产业', en: 'Real estate' }, level: 2 } }
    const response = await as(test, 'risk_manager', { method: 'PUT', url: '/api/v1/industry-risk', payload: { table } })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toMatchObject({ version: 1, table, createdBy: `user:${test.users.risk_manager.user.id}` })
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/industry-risk' })).json()).toEqual(response.json())
    expect(await industrySignal()).toEqual({ input: 2, recorded: { level: 2, section: 'K', reason: null, tableVersion: 1 } })
  })

  it('gives a section the table leaves out the medium level 3, with the reason', async () => {
    const response = await as(test, 'admin', { method: 'PUT', url: '/api/v1/industry-risk', payload: { table: { C: { label: '制造业', level: 4 } } } })
    expect(response.json().version).toBe(2)
    const { input, recorded } = await industrySignal()
    expect(input).toBe(3)
    expect(recorded).toMatchObject({ level: 3, section: null, tableVersion: 2, reason: expect.stringContaining('K7010') })
  })

  it('records each table in the audit ledger with the one it replaced', async () => {
    const audit = (await as(test, 'admin', { method: 'GET', url: '/api/v1/audit?entity=industry_risk_table' })).json()
    expect(audit.entries.map((e: { action: string; before: { version: number }; after: { version: number } }) => `${e.action} ${e.before.version}→${e.after.version}`)).toEqual([
      'industry_risk.set 1→2',
      'industry_risk.set 0→1',
    ])
    expect(audit.entries[1].before.table).toEqual(DEFAULT_INDUSTRY_RISK)
  })

  it('refuses levels outside 1–5, sections that are not GB/T 4754 sections, and an empty table, naming each', async () => {
    const put = (table: unknown) => as(test, 'admin', { method: 'PUT', url: '/api/v1/industry-risk', payload: { table } })
    expect(detailPaths(await put({ K: { label: '房地产业', level: 6 }, A: { label: '农业', level: 0 } }))).toEqual(['table.A.level', 'table.K.level'])
    expect(detailPaths(await put({ K: { label: '房地产业', level: 2.5 } }))).toEqual(['table.K.level'])
    const unknown = expectError(await put({ Z: { label: 'Nowhere', level: 2 }, k: { label: 'lower case', level: 2 } }), 400, 'validation_failed')
    expect(unknown.details.map((d) => d.path)).toEqual(['table.Z', 'table.k'])
    expect(unknown.details[0]!.message).toContain('is not a GB/T 4754-2017 section')
    expect(detailPaths(await put({}))).toEqual(['table'])
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/industry-risk' })).json().version).toBe(2)
  })

  it('refuses unknown fields in the body and in an entry', async () => {
    expect(detailPaths(await as(test, 'admin', { method: 'PUT', url: '/api/v1/industry-risk', payload: { table: { K: { label: '房地产业', level: 4 } }, version: 3 } }))).toEqual(['version'])
    expect(detailPaths(await as(test, 'admin', { method: 'PUT', url: '/api/v1/industry-risk', payload: { table: { K: { label: '房地产业', level: 4, weight: 1 } } } }))).toEqual(['table.K.weight'])
  })

  it('lets only admins and risk managers change the table', async () => {
    const table = { K: { label: '房地产业', level: 4 } }
    expectError(await as(test, 'analyst', { method: 'PUT', url: '/api/v1/industry-risk', payload: { table } }), 403, 'forbidden')
    expectError(await as(test, 'viewer', { method: 'PUT', url: '/api/v1/industry-risk', payload: { table } }), 403, 'forbidden')
  })
})
