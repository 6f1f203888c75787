import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

describe.each(DIALECTS)('%s: relationships, timeline, custom fields and own profile', (dialect) => {
  let test: TestApp
  let parentId: string
  let subsidiaryId: string

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const create = async (name: string) => (await as(test, 'analyst', { method: 'POST', url: '/api/v1/customers', payload: { type: 'company', name, country: 'CN' } })).json().id
    parentId = await create('中国示例集团有限公司')
    subsidiaryId = await create('示例（上海）贸易有限公司')
  })
  afterAll(() => test.close())

  it('links a parent to its subsidiary and shows the tie from both ends', async () => {
    const link = await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${parentId}/relationships`, payload: { toCustomerId: subsidiaryId, kind: 'shareholder', sharePct: 75 } })
    expect(link.statusCode, link.body).toBe(201)
    const fromParent = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${parentId}/relationships` })).json().items
    expect(fromParent).toMatchObject([{ kind: 'shareholder', sharePct: 75, direction: 'outgoing', other: { id: subsidiaryId, name: '示例（上海）贸易有限公司' } }])
    const fromSubsidiary = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${subsidiaryId}/relationships` })).json().items
    expect(fromSubsidiary).toMatchObject([{ direction: 'incoming', other: { id: parentId } }])
  })

  it('refuses a shareholder tie without a share, a tie to itself, and the same tie twice', async () => {
    const noShare = await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${subsidiaryId}/relationships`, payload: { toCustomerId: parentId, kind: 'shareholder' } })
    expect(noShare.json().error.details).toEqual([{ path: 'sharePct', message: 'is required for a shareholder' }])
    const self = await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${parentId}/relationships`, payload: { toCustomerId: parentId, kind: 'guarantor' } })
    expect(self.json().error.details[0].path).toBe('toCustomerId')
    const twice = await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${parentId}/relationships`, payload: { toCustomerId: subsidiaryId, kind: 'shareholder', sharePct: 10 } })
    expect(twice.statusCode).toBe(409)
  })

  it('shows every change and interaction on the timeline, newest first, with who did it', async () => {
    await as(test, 'analyst', { method: 'PATCH', url: `/api/v1/customers/${subsidiaryId}`, payload: { region: '上海市' } })
    await as(test, 'analyst', { method: 'POST', url: `/api/v1/customers/${subsidiaryId}/interactions`, payload: { kind: 'visit', occurredAt: '2026-06-01T01:00:00Z', subject: '季度走访' } })
    const timeline = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${subsidiaryId}/timeline` })).json()
    expect(timeline.items.map((i: { action: string }) => i.action)).toEqual(['interaction.created', 'customer.updated', 'customer.created'])
    expect(timeline.items[1]).toMatchObject({ actorName: 'analyst', before: { region: null }, after: { region: '上海市' } })
  })

  it('pages the timeline by audit seq', async () => {
    const first = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${subsidiaryId}/timeline?limit=2` })).json()
    const second = (await as(test, 'viewer', { method: 'GET', url: `/api/v1/customers/${subsidiaryId}/timeline?limit=2&cursor=${first.nextCursor}` })).json()
    expect(second.items.map((i: { action: string }) => i.action)).toEqual(['customer.created'])
  })

  it('checks custom field values against their admin-made definitions', async () => {
    expect((await as(test, 'analyst', { method: 'POST', url: '/api/v1/custom-fields', payload: { key: 'riskRegion', label: '风险区域', type: 'select' } })).statusCode).toBe(403)
    const defined = await as(test, 'admin', { method: 'POST', url: '/api/v1/custom-fields', payload: { key: 'riskRegion', label: '风险区域', type: 'select', options: ['华东', '华南'] } })
    expect(defined.statusCode, defined.body).toBe(201)
    const bad = await as(test, 'analyst', { method: 'PATCH', url: `/api/v1/customers/${parentId}`, payload: { customFields: { riskRegion: '火星', unknown: 1 } } })
    expect(bad.json().error.details).toEqual([
      { path: 'customFields.riskRegion', message: 'must be one of 华东, 华南' },
      { path: 'customFields.unknown', message: 'is not a defined custom field' },
    ])
    const good = await as(test, 'analyst', { method: 'PATCH', url: `/api/v1/customers/${parentId}`, payload: { customFields: { riskRegion: '华东' } } })
    expect(good.json().customFields).toEqual({ riskRegion: '华东' })
    const removal = await as(test, 'admin', { method: 'DELETE', url: '/api/v1/custom-fields/riskRegion' })
    expect(removal.statusCode).toBe(409)
  })

  it('remembers each user’s interface language', async () => {
    const response = await as(test, 'viewer', { method: 'PATCH', url: '/api/v1/me', payload: { language: 'zh-CN' } })
    expect(response.json().user.language).toBe('zh-CN')
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/me' })).json().user.language).toBe('zh-CN')
  })

  it('needs the current password to set a new one', async () => {
    const response = await as(test, 'viewer', { method: 'PATCH', url: '/api/v1/me', payload: { password: 'NewSecret456!', currentPassword: 'wrong' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([{ path: 'currentPassword', message: 'does not match' }])
  })
})
