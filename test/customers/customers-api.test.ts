import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

const HUAWEI = {
  type: 'company',
  name: '华为技术有限公司',
  aliases: ['Huawei Technologies Co., Ltd.'],
  registrationId: '914403001922038216',
  country: 'CN',
  region: '广东省深圳市',
  industry: { code: 'C39', name: '计算机、通信和其他电子设备制造业' },
  founded: '1987-09-15',
  employees: 207000,
  tags: ['strategic', 'telecom'],
}

describe.each(DIALECTS)('%s: customers API', (dialect) => {
  let test: TestApp
  let huaweiId: string

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const created = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: HUAWEI })
    expect(created.statusCode, created.body).toBe(201)
    huaweiId = created.json().id
    for (const [name, country, registrationId] of [
      ['Siemens AG', 'DE', 'HRB 6684'],
      ['阿里巴巴（中国）有限公司', 'CN', '91330100799655058B'],
      ['Acme Trading Ltd', 'GB', '01234567'],
    ]) {
      const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name, country, registrationId } })
      expect(response.statusCode, response.body).toBe(201)
    }
  })
  afterAll(() => test.close())

  it('creates a customer as a prospect at version 1 with its fields as given', async () => {
    const response = await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${huaweiId}` })
    expect(response.json()).toMatchObject({ ...HUAWEI, status: 'prospect', version: 1, listed: false, customFields: {} })
  })

  it('finds 华为技术有限公司 by the two characters 华为', async () => {
    const response = await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers?q=${encodeURIComponent('华为')}` })
    expect(response.json().items.map((c: { name: string }) => c.name)).toEqual(['华为技术有限公司'])
  })

  it('finds customers by a Latin fragment of an alias in any case, a registration id fragment and a tag', async () => {
    const byAlias = await as(test, 'viewer', { method: 'GET', url: '/api/v1/customers?q=huawei%20tech' })
    expect(byAlias.json().items.map((c: { id: string }) => c.id)).toEqual([huaweiId])
    const byRegistration = await as(test, 'viewer', { method: 'GET', url: '/api/v1/customers?q=799655058' })
    expect(byRegistration.json().items.map((c: { name: string }) => c.name)).toEqual(['阿里巴巴（中国）有限公司'])
    const byTag = await as(test, 'viewer', { method: 'GET', url: '/api/v1/customers?tag=telecom' })
    expect(byTag.json().items.map((c: { id: string }) => c.id)).toEqual([huaweiId])
  })

  it('matches a search with % and _ literally', async () => {
    const response = await as(test, 'viewer', { method: 'GET', url: '/api/v1/customers?q=%25' })
    expect(response.json().items).toEqual([])
  })

  it('filters by country and pages with a cursor without repeating or skipping anyone', async () => {
    const cn = await as(test, 'viewer', { method: 'GET', url: '/api/v1/customers?country=CN' })
    expect(cn.json().items).toHaveLength(2)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = (
        await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers?limit=1&sort=name${cursor ? `&cursor=${cursor}` : ''}` })
      ).json()
      seen.push(...page.items.map((c) => c.name))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(4)
    expect(seen).toEqual([...seen].sort())
  })

  it('refuses a cursor it did not give out, naming it', async () => {
    for (const url of ['/api/v1/customers?cursor=not-a-cursor', `/api/v1/customers/${huaweiId}/contacts?cursor=not-a-cursor`]) {
      const response = await as(test, 'viewer', { method: 'GET', url })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.details).toEqual([{ path: 'querystring.cursor', message: 'is not one this server gave out' }])
    }
  })

  it('refuses a Chinese company whose registration id fails the checksum, naming the field', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { ...HUAWEI, registrationId: '914403001922038217', name: 'x' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([{ path: 'registrationId', message: expect.stringContaining('check character should be 6') }])
  })

  it('refuses a second customer with the same registration id in the same country with 409', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { ...HUAWEI, name: '华为 copy' } })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.details[0].path).toBe('registrationId')
  })

  it('refuses unknown fields and wrong types, naming each', async () => {
    const response = await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name: 'X', country: 'cn', colour: 'red', employees: -1 } })
    expect(response.statusCode).toBe(400)
    const paths = response.json().error.details.map((d: { path: string }) => d.path).sort()
    expect(paths).toEqual(['colour', 'country', 'employees'])
  })

  it('edits a field, bumps the version, and records before and after in the audit ledger', async () => {
    const patched = await as(test, 'analyst', { method: 'PATCH', url: `/api/v1/customers/${huaweiId}`, payload: { status: 'onboarding', ownerId: test.users.analyst.user.id, version: 1 } })
    expect(patched.json()).toMatchObject({ status: 'onboarding', version: 2 })
    const audit = await as(test, 'admin', { method: 'GET', url: `/api/v1/audit?entity=customer&entityId=${huaweiId}` })
    const [latest] = audit.json().entries
    expect(latest).toMatchObject({ action: 'customer.updated', before: { status: 'prospect' }, after: { status: 'onboarding', version: 2 } })
  })

  it('refuses an edit made on a stale version with 409', async () => {
    const response = await as(test, 'analyst', { method: 'PATCH', url: `/api/v1/customers/${huaweiId}`, payload: { region: '深圳', version: 1 } })
    expect(response.statusCode).toBe(409)
    expect(response.json().error.details[0].path).toBe('version')
  })

  it('writes nothing when a patch changes nothing', async () => {
    const current = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${huaweiId}` })).json()
    const response = await as(test, 'analyst', { method: 'PATCH', url: `/api/v1/customers/${huaweiId}`, payload: { name: current.name } })
    expect(response.json().version).toBe(current.version)
  })

  it('lets a viewer read but not write customers', async () => {
    const response = await as(test, 'viewer', { method: 'PATCH', url: `/api/v1/customers/${huaweiId}`, payload: { region: 'x' } })
    expect(response.statusCode).toBe(403)
  })
})
