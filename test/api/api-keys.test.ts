import { createHash, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, PASSWORD, startTestApp, type TestApp } from '../helpers/server.ts'
import { detailPaths, expectError, expectNoSecrets } from './responses.ts'

const API_KEY_FIELDS = ['createdAt', 'createdBy', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'userId']

type ApiKey = { id: string; userId: string; name: string; prefix: string; createdBy: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null }

describe.each(DIALECTS)('%s: API keys API', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(() => test.close())

  const admin = (options: Parameters<typeof as>[2]) => as(test, 'admin', options)
  const withKey = (key: string, url = '/api/v1/me') => test.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } })

  async function issued(payload: { name: string; userId?: string }): Promise<{ apiKey: ApiKey; key: string }> {
    const response = await admin({ method: 'POST', url: '/api/v1/api-keys', payload })
    expect(response.statusCode, response.body).toBe(201)
    return response.json()
  }

  it('issues a key shown once in `key`, which signs in as its owner via api_key', async () => {
    const response = await admin({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'nightly export' } })
    expect(response.statusCode, response.body).toBe(201)
    const { apiKey, key } = response.json()
    expect(Object.keys(response.json()).sort()).toEqual(['apiKey', 'key'])
    expect(Object.keys(apiKey).sort()).toEqual(API_KEY_FIELDS)
    expect(key).toMatch(/^fk_[\w-]{43}$/)
    expect(apiKey).toMatchObject({
      name: 'nightly export',
      userId: test.users.admin.user.id,
      prefix: key.slice(0, 11),
      createdBy: `user:${test.users.admin.user.id}`,
      lastUsedAt: null,
      revokedAt: null,
    })

    const me = await withKey(key)
    expect(me.statusCode, me.body).toBe(200)
    expect(me.json()).toMatchObject({ user: { id: test.users.admin.user.id, role: 'admin' }, via: 'api_key' })
  })

  it('issues a key for another user, which carries that user’s role and no more', async () => {
    const { apiKey, key } = await issued({ name: 'analyst script', userId: test.users.analyst.user.id })
    expect(apiKey.userId).toBe(test.users.analyst.user.id)
    expect((await withKey(key)).json()).toMatchObject({ user: { id: test.users.analyst.user.id }, via: 'api_key' })
    expectError(await withKey(key, '/api/v1/users'), 403, 'forbidden')
  })

  it('stores a key only as its SHA-256 hash', async () => {
    const { apiKey, key } = await issued({ name: 'hash check' })
    const row = await test.store.db.selectFrom('api_keys').selectAll().where('id', '=', apiKey.id).executeTakeFirstOrThrow()
    expect(row.key_hash).toBe(createHash('sha256').update(key).digest('hex'))
    const columns = Object.values(row).map(String)
    expect(columns.filter((value) => value.includes(key))).toEqual([])
    // Only the recognisable prefix is kept; nothing after it.
    expect(columns.filter((value) => value.includes(key.slice(11)))).toEqual([])
  })

  it('never lists a key’s secret or hash', async () => {
    const { apiKey, key } = await issued({ name: 'listed' })
    const response = await admin({ method: 'GET', url: '/api/v1/api-keys' })
    expect(response.statusCode).toBe(200)
    const keys: ApiKey[] = response.json().apiKeys
    expect(keys.map((k) => k.id)).toContain(apiKey.id)
    for (const listed of keys) expect(Object.keys(listed).sort()).toEqual(API_KEY_FIELDS)
    expectNoSecrets(response, key, createHash('sha256').update(key).digest('hex'))
  })

  it('lists the keys of one user', async () => {
    const { apiKey } = await issued({ name: 'viewer dashboard', userId: test.users.viewer.user.id })
    const keys: ApiKey[] = (await admin({ method: 'GET', url: `/api/v1/api-keys?userId=${test.users.viewer.user.id}` })).json().apiKeys
    expect(keys.map((k) => k.id)).toEqual([apiKey.id])
  })

  it('records when a key was last used', async () => {
    const { apiKey, key } = await issued({ name: 'used' })
    const before = Date.now()
    await withKey(key)
    const listed: ApiKey[] = (await admin({ method: 'GET', url: '/api/v1/api-keys' })).json().apiKeys
    const lastUsedAt = listed.find((k) => k.id === apiKey.id)!.lastUsedAt
    expect(lastUsedAt).not.toBeNull()
    expect(Date.parse(lastUsedAt!)).toBeGreaterThanOrEqual(before - 1000)
  })

  it('refuses a revoked key with 401 at once; revoking again changes nothing', async () => {
    const { apiKey, key } = await issued({ name: 'to revoke' })
    expect((await withKey(key)).statusCode).toBe(200)

    const revoked = await admin({ method: 'DELETE', url: `/api/v1/api-keys/${apiKey.id}` })
    expect(revoked.statusCode, revoked.body).toBe(200)
    const revokedAt = revoked.json().revokedAt
    expect(Date.parse(revokedAt)).not.toBeNaN()
    expectError(await withKey(key), 401, 'unauthenticated')

    const again = await admin({ method: 'DELETE', url: `/api/v1/api-keys/${apiKey.id}` })
    expect(again.statusCode).toBe(200)
    expect(again.json().revokedAt).toBe(revokedAt)
  })

  it('refuses the key of a deactivated user with 401', async () => {
    const user = await admin({ method: 'POST', url: '/api/v1/users', payload: { email: 'bot@example.com', password: PASSWORD, role: 'viewer' } })
    const { key } = await issued({ name: 'bot', userId: user.json().id })
    expect((await withKey(key)).statusCode).toBe(200)
    await admin({ method: 'PATCH', url: `/api/v1/users/${user.json().id}`, payload: { active: false } })
    expectError(await withKey(key), 401, 'unauthenticated')
  })

  it('refuses a key that was never issued, or one with a character changed, with 401', async () => {
    const { key } = await issued({ name: 'tampered' })
    const last = key.at(-1) === 'A' ? 'B' : 'A'
    expectError(await withKey(`${key.slice(0, -1)}${last}`), 401, 'unauthenticated')
    expectError(await withKey(`fk_${randomUUID()}`), 401, 'unauthenticated')
  })

  it('refuses a key for a user that does not exist with 404 naming userId', async () => {
    const error = expectError(await admin({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'orphan', userId: randomUUID() } }), 404, 'not_found')
    expect(error.details.map((detail) => detail.path)).toEqual(['userId'])
  })

  it.each([
    ['no name', {}, ['name']],
    ['a blank name', { name: '  ' }, ['name']],
    ['an unknown field', { name: 'x', scopes: ['all'] }, ['scopes']],
  ])('refuses a key with %s with 400 naming the field', async (_case, payload, paths) => {
    expect(detailPaths(await admin({ method: 'POST', url: '/api/v1/api-keys', payload }))).toEqual(paths)
  })

  it('answers 404 when revoking a key that does not exist', async () => {
    expectError(await admin({ method: 'DELETE', url: `/api/v1/api-keys/${randomUUID()}` }), 404, 'not_found')
  })
})
