import { randomUUID } from 'node:crypto'
import type { InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Access, RouteAccess } from '../../src/api/auth/access-control.ts'
import { buildServer } from '../../src/api/server.ts'
import { loadConfig } from '../../src/config.ts'
import { PERMISSIONS, ROLES, roleHasPermission, type Role } from '../../src/domain/identity/index.ts'
import { createApiKey } from '../../src/services/api-keys/create-api-key.ts'
import { hashSecretToken, newSecretToken } from '../../src/services/secret-token.ts'
import { insertSession } from '../../src/store/repositories/sessions.ts'
import { DIALECTS, openTestStore } from '../helpers/dialects.ts'
import { startTestApp, type TestApp } from '../helpers/server.ts'
import { expectError } from './responses.ts'

/**
 * Walks every route the server registers and checks it against the permission matrix,
 * so a new route cannot ship without its access being tested.
 */

// The route table does not depend on the store, so read it once while the file loads:
// every route then gets tests of its own, named after it. The first test of each suite
// checks the running server registers exactly this table.
const ROUTES = await readRouteTable()

const GUARDED = ROUTES.filter((route) => route.access !== 'public')

type RoleCase = RouteAccess & { role: Role }
const roleCases = GUARDED.flatMap((route) => ROLES.map((role): RoleCase => ({ ...route, role })))
const REFUSED = roleCases.filter((c) => !mayCall(c.role, c.access))

// it.each cases as [label, case], so test names read "GET /api/v1/users" rather than quoted fields.
const guarded = GUARDED.map((route) => [`${route.method} ${route.url}`, route] as const)
const guardedGets = GUARDED.filter((route) => route.method === 'GET').map((route) => [route.url, route] as const)
const refused = REFUSED.map((c) => [c.role, `${c.method} ${c.url}`, c.access, c] as const)
const refusedHeads = REFUSED.filter((c) => c.method === 'GET').map((c) => [c.role, c.url, c.access, c] as const)
const letThrough = roleCases.filter((c) => mayCall(c.role, c.access)).map((c) => [c.role, `${c.method} ${c.url}`, c.access, c] as const)

describe.each(DIALECTS)('%s: route access', (dialect) => {
  let test: TestApp
  const apiKeys = {} as Record<Role, string>

  beforeAll(async () => {
    test = await startTestApp(dialect)
    for (const role of ROLES) {
      const { secret } = await createApiKey({ store: test.store, actor: { kind: 'system' }, userId: test.users[role].user.id, name: 'route walk' })
      apiKeys[role] = secret
    }
  })
  afterAll(() => test.close())

  /** A session of its own for one request, so a walked logout ends nothing the other checks need. */
  async function freshSessionCookie(role: Role): Promise<string> {
    const token = newSecretToken()
    const now = Date.now()
    await insertSession(test.store.db, {
      id: hashSecretToken(token),
      userId: test.users[role].user.id,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 3_600_000).toISOString(),
    })
    return `fk_session=${token}`
  }

  it('walks the route table the running server registered', () => {
    expect(test.app.routeAccess).toEqual(ROUTES)
    expect(GUARDED.length).toBeGreaterThanOrEqual(20)
  })

  it('has every route of Fengkong’s own declare its access; only the Swagger UI plugin relies on the default', () => {
    const undeclared = ROUTES.filter((route) => !route.declared).map((route) => `${route.method} ${route.url}`)
    expect(undeclared.length).toBeGreaterThan(0)
    expect(undeclared.filter((route) => !route.includes(' /api/docs'))).toEqual([])
  })

  it('gives every route a known access: public, authenticated or a permission of the matrix', () => {
    const known = new Set<string>(['public', 'authenticated', ...Object.keys(PERMISSIONS)])
    const unknown = ROUTES.filter((route) => typeof route.access !== 'string' || !known.has(route.access))
    expect(unknown).toEqual([])
  })

  it('makes no API route public but GET /api/health and POST /api/v1/auth/login', () => {
    const open = ROUTES.filter((route) => route.access === 'public' && route.url.startsWith('/api')).map((route) => `${route.method} ${route.url}`)
    expect(open.sort()).toEqual(['GET /api/health', 'POST /api/v1/auth/login'])
  })

  it('makes public outside /api nothing but pages to read (GET)', () => {
    const open = ROUTES.filter((route) => route.access === 'public' && !route.url.startsWith('/api'))
    expect(open.filter((route) => route.method !== 'GET')).toEqual([])
  })

  it('declares the access each identity and audit route needs', () => {
    const declared = ROUTES.map((route) => `${route.method} ${route.url} ${route.access}`)
    expect(declared).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login public',
        'POST /api/v1/auth/logout authenticated',
        'GET /api/v1/me authenticated',
        'GET /api/openapi.json authenticated',
        'GET /api/v1/users users.manage',
        'POST /api/v1/users users.manage',
        'GET /api/v1/users/:id users.manage',
        'PATCH /api/v1/users/:id users.manage',
        'GET /api/v1/teams teams.manage',
        'POST /api/v1/teams teams.manage',
        'GET /api/v1/teams/:id teams.manage',
        'PATCH /api/v1/teams/:id teams.manage',
        'DELETE /api/v1/teams/:id teams.manage',
        'GET /api/v1/api-keys apiKeys.manage',
        'POST /api/v1/api-keys apiKeys.manage',
        'DELETE /api/v1/api-keys/:id apiKeys.manage',
        'GET /api/v1/audit audit.read',
        'GET /api/v1/audit/verify audit.read',
      ]),
    )
  })

  it('serves the public routes to a caller without credentials', async () => {
    const health = await test.app.inject({ method: 'GET', url: '/api/health' })
    expect(health.statusCode).toBe(200)
    expect(health.json()).toEqual({ status: 'ok' })
    // Login answers on its merits (here: a malformed body), not with 401.
    expectError(await test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} }), 400, 'validation_failed')
  })

  it.each(guarded)('refuses %s without credentials with 401', async (_label, route) => {
    expectError(await test.app.inject(request(route)), 401, 'unauthenticated')
  })

  it.each(guarded)('refuses %s with a bogus API key or session cookie with 401', async (_label, route) => {
    expectError(await test.app.inject(request(route, { authorization: `Bearer fk_${randomUUID()}` })), 401, 'unauthenticated')
    expectError(await test.app.inject(request(route, { authorization: 'Bearer ' })), 401, 'unauthenticated')
    expectError(await test.app.inject(request(route, { cookie: `fk_session=${newSecretToken()}` })), 401, 'unauthenticated')
  })

  it.each(guardedGets)('guards HEAD %s like its GET: 401 without credentials', async (_url, route) => {
    const response = await test.app.inject({ method: 'HEAD', url: concreteUrl(route.url) })
    expect(response.statusCode).toBe(401)
  })

  it.each(refused)('refuses %s calling %s (needs %s) with 403, by session and by API key', async (_role, _route, _access, c) => {
    const bySessionAndByKey: Record<string, string>[] = [{ cookie: test.users[c.role].cookie }, { authorization: `Bearer ${apiKeys[c.role]}` }]
    for (const credentials of bySessionAndByKey) {
      const error = expectError(await test.app.inject(request(c, credentials)), 403, 'forbidden')
      expect(error.message).toContain(c.access)
    }
  })

  it.each(refusedHeads)('refuses %s calling HEAD %s (needs %s) with 403', async (_role, _url, _access, c) => {
    const response = await test.app.inject({ method: 'HEAD', url: concreteUrl(c.url), headers: { cookie: test.users[c.role].cookie } })
    expect(response.statusCode).toBe(403)
  })

  it.each(letThrough)('lets %s through to %s (%s), by session and by API key', async (_role, _route, _access, c) => {
    const bySessionAndByKey: Record<string, string>[] = [{ cookie: await freshSessionCookie(c.role) }, { authorization: `Bearer ${apiKeys[c.role]}` }]
    for (const credentials of bySessionAndByKey) {
      const response = await test.app.inject(request(c, credentials))
      expect([401, 403], response.body).not.toContain(response.statusCode)
      expect(response.statusCode, response.body).toBeLessThan(500)
    }
  })

  it('checks credentials before the body: a malformed body without credentials still gets 401', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "not json',
    })
    expectError(response, 401, 'unauthenticated')
  })
})

function mayCall(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'authenticated') return true
  return roleHasPermission(role, access)
}

/** The route's URL with a random UUID for each path parameter and a real asset for a wildcard. */
function concreteUrl(url: string): string {
  return url.replace(/:\w+/g, () => randomUUID()).replace(/\*$/, 'swagger-ui.css')
}

function request(route: RouteAccess, headers: Record<string, string> = {}): InjectOptions {
  const hasBody = route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT'
  return {
    method: route.method as InjectOptions['method'],
    url: concreteUrl(route.url),
    headers,
    ...(hasBody ? { payload: {} } : {}),
  }
}

async function readRouteTable(): Promise<RouteAccess[]> {
  const store = await openTestStore('sqlite')
  const app = await buildServer({ store, config: { ...loadConfig({}, {}), logLevel: 'silent' } })
  await app.ready()
  const routes = [...app.routeAccess]
  await app.close()
  await store.drop()
  return routes
}
