import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

describe.each(DIALECTS)('%s: documents API', (dialect) => {
  let test: TestApp
  let customerId: string
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5000, 7)])

  beforeAll(async () => {
    test = await startTestApp(dialect, { config: { documentLimit: 64 * 1024 } })
    customerId = (await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: 'Doc Holder GmbH', country: 'DE' } })).json().id
  })
  afterAll(() => test.close())

  const upload = (body: Buffer, filename: string, contentType = 'application/pdf') =>
    as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${customerId}/documents?filename=${encodeURIComponent(filename)}&category=audit_report`, payload: body, headers: { 'content-type': contentType } })

  it('stores an upload with its size and SHA-256, and gives back the same bytes', async () => {
    const response = await upload(pdf, '2025年审计报告.pdf')
    expect(response.statusCode, response.body).toBe(201)
    const info = response.json()
    expect(info).toMatchObject({ filename: '2025年审计报告.pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), contentType: 'application/pdf' })
    const download = await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/documents/${info.id}/content` })
    expect(download.statusCode).toBe(200)
    expect(download.rawPayload.equals(pdf)).toBe(true)
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('2025年审计报告.pdf')}`)
  })

  it('keeps a JSON file as bytes rather than parsing it', async () => {
    const json = Buffer.from('{"not":"parsed"}')
    const response = await upload(json, 'export.json', 'application/json')
    expect(response.statusCode, response.body).toBe(201)
    expect(response.json().size).toBe(json.length)
  })

  it('refuses the same file twice for one customer, naming the copy on record', async () => {
    const response = await upload(pdf, 'copy.pdf')
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toContain('2025年审计报告.pdf')
  })

  it('refuses a file over the document limit with 413', async () => {
    const response = await upload(Buffer.alloc(65 * 1024, 1), 'big.bin', 'application/octet-stream')
    expect(response.statusCode).toBe(413)
  })

  it('records the hash of an uploaded file in the audit ledger', async () => {
    const [listed] = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${customerId}/documents` })).json().items.filter((d: { filename: string }) => d.filename.endsWith('.pdf'))
    const audit = (await as(test, 'admin', { method: 'GET', url: `/api/v1/audit?entity=document&entityId=${listed.id}` })).json()
    expect(audit.entries[0]).toMatchObject({ action: 'document.uploaded', after: { sha256: listed.sha256 } })
  })
})
