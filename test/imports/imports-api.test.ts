import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildServer } from '../../src/api/server.ts'
import type { ImportJob } from '../../src/schemas/import-job.ts'
import { insertImportJob } from '../../src/store/repositories/import-jobs.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'
import { customersCsv, encodeGbk } from './fixtures.ts'

describe.each(DIALECTS)('%s: imports and exports over the API', (dialect) => {
  let test: TestApp
  beforeEach(async () => {
    test = await startTestApp(dialect)
  })
  afterEach(async () => {
    await test.close()
  })

  const upload = (query: string, body: Buffer | string, role: 'analyst' | 'viewer' = 'analyst') =>
    as(test, role, { method: 'POST', url: `/api/v1/imports?${query}`, headers: { 'content-type': 'text/csv' }, payload: body })

  async function finished(id: string): Promise<ImportJob> {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      const response = await as(test, 'analyst', { method: 'GET', url: `/api/v1/imports/${id}` })
      expect(response.statusCode).toBe(200)
      const job = response.json() as ImportJob
      if (job.status === 'succeeded' || job.status === 'failed') return job
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    throw new Error(`import ${id} did not finish`)
  }

  it('runs an uploaded file as a background job: 202, then progress and counts until it succeeds', async () => {
    const csv = customersCsv(3_000, 11, { 1_500: { founded: '2021-13-01' } })
    const response = await upload('target=customers&format=csv&encoding=utf-8&atomic=false&from=', csv)
    expect(response.statusCode).toBe(202)
    const queued = response.json() as ImportJob
    expect(queued).toMatchObject({ status: 'queued', target: 'customers', format: 'csv', encoding: 'utf-8', from: null, atomic: false, size: Buffer.byteLength(csv), progress: { read: 0 }, counts: { inserted: 0, updated: 0, unchanged: 0, failed: 0 }, errors: [] })

    const job = await finished(queued.id)
    expect(job).toMatchObject({ status: 'succeeded', progress: { read: 3_000, total: 3_000 }, counts: { inserted: 2_999, updated: 0, unchanged: 0, failed: 1 }, createdBy: `user:${test.users.analyst.user.id}` })
    expect(job.errors).toEqual([{ line: 1_501, field: 'founded', message: 'must be a date as YYYY-MM-DD' }])
    expect(job.message).toBe('1 of 3000 rows failed; the others landed')

    const again = await finished((await upload('target=customers', csv)).json().id)
    expect(again.counts).toEqual({ inserted: 0, updated: 0, unchanged: 2_999, failed: 1 })

    const list = await as(test, 'analyst', { method: 'GET', url: '/api/v1/imports?limit=5' })
    expect(list.json().items.map((item: ImportJob) => item.id)).toEqual([again.id, job.id])
  })

  it('fails an atomic job with a bad row, writing nothing', async () => {
    const job = await finished((await upload('target=customers&atomic=true', customersCsv(50, 3, { 20: { type: 'partnership' } }))).json().id)
    expect(job).toMatchObject({ status: 'failed', counts: { inserted: 0, failed: 1 }, message: 'refused: 1 of 50 rows are bad; nothing was written (atomic)' })
    expect((await as(test, 'analyst', { method: 'GET', url: '/api/v1/customers' })).json().items).toEqual([])
  })

  it('reads GBK and Zoho exports when asked', async () => {
    const zoho = encodeGbk('Record Id,Account Name,Billing Country\n1001,华为技术有限公司,中国\n')
    const job = await finished((await upload('target=customers&encoding=gbk&from=zoho', zoho)).json().id)
    expect(job).toMatchObject({ status: 'succeeded', from: 'zoho', counts: { inserted: 1 } })
    const customers = (await as(test, 'analyst', { method: 'GET', url: '/api/v1/customers' })).json().items
    expect(customers).toMatchObject([{ externalId: 'zoho:1001', name: '华为技术有限公司', country: 'CN', type: 'company' }])
  })

  it('exports what it imports, as CSV or NDJSON', async () => {
    await finished((await upload('target=customers', customersCsv(5, 1))).json().id)
    const csv = await as(test, 'analyst', { method: 'GET', url: '/api/v1/exports/customers?format=csv' })
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="fengkong-customers-\d{8}\.csv"$/)
    expect(csv.body.split('\n').filter((line) => line !== '')).toHaveLength(6)
    const ndjson = await as(test, 'analyst', { method: 'GET', url: '/api/v1/exports/customers?format=ndjson' })
    const records = ndjson.body.trim().split('\n').map((line) => JSON.parse(line))
    expect(records).toHaveLength(5)
    expect(records[0]).toMatchObject({ type: 'company', country: 'CN', externalId: expect.stringMatching(/^erp-/) })
    const job = await finished((await upload('target=customers&format=ndjson', ndjson.body)).json().id)
    expect(job.counts).toEqual({ inserted: 0, updated: 0, unchanged: 5, failed: 0 })
  })

  it('needs imports.run, a file, and a known target', async () => {
    expect((await upload('target=customers', 'x', 'viewer')).statusCode).toBe(403)
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/exports/customers' })).statusCode).toBe(403)
    const empty = await as(test, 'analyst', { method: 'POST', url: '/api/v1/imports?target=customers', headers: { 'content-type': 'text/csv' } })
    expect(empty.statusCode).toBe(400)
    const unknown = await upload('target=suppliers', 'x')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error.details[0].path).toBe('querystring.target')
    expect((await as(test, 'analyst', { method: 'GET', url: '/api/v1/imports/no-such-job' })).statusCode).toBe(404)
    const zohoStatements = await upload('target=statements&from=zoho', 'x')
    expect(zohoStatements.statusCode).toBe(400)
    expect(zohoStatements.json().error.message).toBe('from zoho: imports customers (Accounts) and contacts (Contacts), not statements')
  })

  it('marks a job that was running when the server stopped as failed, saying so', async () => {
    const now = new Date().toISOString()
    await insertImportJob(test.store.db, {
      id: 'interrupted',
      target: 'customers',
      format: 'csv',
      encoding: 'utf-8',
      source: null,
      atomic: 0,
      size: 10,
      status: 'running',
      read: 4_000,
      total: null,
      inserted: 4_000,
      updated: 0,
      unchanged: 0,
      failed: 0,
      errors: '[]',
      message: null,
      created_by: 'user:x',
      created_at: now,
      started_at: now,
      finished_at: null,
      updated_at: now,
    })
    const restarted = await buildServer({ store: test.store, config: test.config })
    try {
      const response = await restarted.inject({ method: 'GET', url: '/api/v1/imports/interrupted', headers: { cookie: test.users.analyst.cookie } })
      expect(response.json()).toMatchObject({ status: 'failed', counts: { inserted: 4_000 }, message: expect.stringContaining('the server stopped before this import finished') })
    } finally {
      await restarted.close()
    }
  })
})
