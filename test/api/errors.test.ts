import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../src/api/server.ts'
import { createLoginThrottle } from '../../src/domain/identity/index.ts'
import { openStore } from '../../src/store/open-store.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'
import { expectError } from './responses.ts'

const BODY_LIMIT = 1024
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>; security?: unknown[] }

describe.each(DIALECTS)('%s: API errors and documentation', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect, { config: { bodyLimit: BODY_LIMIT } })
  })
  afterAll(() => test.close())

  const admin = (options: Parameters<typeof as>[2]) => as(test, 'admin', options)

  describe('error responses', () => {
    it('answers an unknown route with 404 in the error shape', async () => {
      const error = expectError(await as(test, 'viewer', { method: 'GET', url: '/api/v1/nothing-here?x=1' }), 404, 'not_found')
      expect(error.message).toBe('no route GET /api/v1/nothing-here')
      expect(error.details).toEqual([])
    })

    it('answers an unknown route with 401 to a caller without credentials, revealing nothing of the route table', async () => {
      expectError(await test.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 401, 'unauthenticated')
    })

    it('refuses a body over the configured limit with 413', async () => {
      const payload = JSON.stringify({ name: 'Big team', description: 'x'.repeat(BODY_LIMIT) })
      const error = expectError(await admin({ method: 'POST', url: '/api/v1/teams', headers: { 'content-type': 'application/json' }, payload }), 413, 'payload_too_large')
      expect(error.message).toContain('FENGKONG_BODY_LIMIT')
      const names = (await admin({ method: 'GET', url: '/api/v1/teams' })).json().teams.map((team: { name: string }) => team.name)
      expect(names).not.toContain('Big team')
    })

    it('accepts a body just under the limit', async () => {
      const payload = JSON.stringify({ name: 'Almost big', description: 'x'.repeat(BODY_LIMIT - 100) })
      expect(payload.length).toBeLessThan(BODY_LIMIT)
      expect((await admin({ method: 'POST', url: '/api/v1/teams', headers: { 'content-type': 'application/json' }, payload })).statusCode).toBe(201)
    })

    it('refuses a body that is not JSON but says it is with 400 naming body', async () => {
      const response = await admin({ method: 'POST', url: '/api/v1/teams', headers: { 'content-type': 'application/json' }, payload: '{"name": "unfinished' })
      const error = expectError(response, 400, 'validation_failed')
      expect(error.details.map((detail) => detail.path)).toEqual(['body'])
    })

    it('refuses an empty body that says it is JSON with 400', async () => {
      expectError(await admin({ method: 'POST', url: '/api/v1/teams', headers: { 'content-type': 'application/json' }, payload: '' }), 400, 'validation_failed')
    })

    it('refuses a content type it does not read with 415', async () => {
      const response = await admin({ method: 'POST', url: '/api/v1/teams', headers: { 'content-type': 'application/xml' }, payload: '<team name="x"/>' })
      expect(expectError(response, 415, 'unsupported_media_type').message).toBe('content type application/xml is not accepted here; send application/json')
    })

    it('refuses a malformed path parameter with 400 naming it', async () => {
      const error = expectError(await admin({ method: 'GET', url: `/api/v1/users/${'x'.repeat(65)}` }), 400, 'validation_failed')
      expect(error.details.map((detail) => detail.path)).toEqual(['params.id'])
    })
  })

  describe('request ids', () => {
    it('gives every response an x-request-id, fresh for each request, and puts it in error bodies', async () => {
      const first = await test.app.inject({ method: 'GET', url: '/api/health' })
      const second = await test.app.inject({ method: 'GET', url: '/api/health' })
      expect(first.headers['x-request-id']).toMatch(UUID)
      expect(second.headers['x-request-id']).toMatch(UUID)
      expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id'])
      const refused = await test.app.inject({ method: 'GET', url: '/api/v1/me' })
      expect(expectError(refused, 401, 'unauthenticated').requestId).toMatch(UUID)
    })

    it('echoes a sane incoming request id', async () => {
      const given = 'gw-2030.01.01_abc-123'
      const response = await test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': given } })
      expect(response.headers['x-request-id']).toBe(given)
      expect(expectError(response, 401, 'unauthenticated').requestId).toBe(given)
    })

    it.each([
      ['spaces', 'id with spaces'],
      ['markup', '<script>alert(1)</script>'],
      ['more than 64 characters', 'a'.repeat(65)],
      ['an empty value', ''],
    ])('replaces an incoming request id with %s by a fresh one', async (_case, given) => {
      const response = await test.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': given } })
      expect(response.headers['x-request-id']).toMatch(UUID)
    })
  })

  describe('internal errors', () => {
    it('answers an unexpected failure with 500 in the error shape, without stack or cause', async () => {
      // A second server on the suite's store, given a failing route before it starts.
      const app = await buildServer({ store: test.store, config: test.config, throttle: createLoginThrottle() })
      app.get('/api/test/explode', { config: { access: 'public' } }, async () => {
        throw new Error('database password is hunter2 at /srv/fengkong/secret.ts:42')
      })
      try {
        const response = await app.inject({ method: 'GET', url: '/api/test/explode' })
        const error = expectError(response, 500, 'internal')
        expect(error.message).toContain('request id')
        expect(error.details).toEqual([])
        expect(response.body).not.toMatch(/hunter2|secret\.ts|\bat \/|stack|cause/i)
      } finally {
        await app.close()
      }
    })

    it('answers with 500, not 401, when the store fails while checking credentials, naming no table', async () => {
      // A store with no tables: every query of the access check fails.
      const broken = await openStore('sqlite::memory:')
      const app = await buildServer({ store: broken, config: test.config, throttle: createLoginThrottle() })
      try {
        const response = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: test.users.viewer.cookie } })
        expectError(response, 500, 'internal')
        expect(response.body).not.toMatch(/sessions|sqlite|no such table|select/i)
      } finally {
        await app.close()
        await broken.close()
      }
    })
  })

  describe('the OpenAPI document', () => {
    let document: { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, unknown> } }
    beforeAll(async () => {
      const response = await as(test, 'viewer', { method: 'GET', url: '/api/openapi.json' })
      expect(response.statusCode).toBe(200)
      document = response.json()
    })

    it('is an OpenAPI 3 document describing both ways to sign in', () => {
      expect(document.openapi).toMatch(/^3\.\d+\.\d+$/)
      expect(document.info.title).toBe('Fengkong API')
      expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['apiKey', 'session'])
    })

    it('lists every /api/v1 route with its methods', () => {
      const documented = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      const served = test.app.routeAccess.filter((route) => route.url.startsWith('/api/v1/')).map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`)
      expect(documented).toEqual(expect.arrayContaining(served))
      expect(documented).toEqual(expect.arrayContaining(['GET /api/v1/users', 'POST /api/v1/users', 'PATCH /api/v1/users/{id}', 'GET /api/v1/audit']))
    })

    it('gives every operation a success response with a JSON schema (or no content for 204) and the error schema for its errors', () => {
      const problems: string[] = []
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const [method, operation] of Object.entries(operations)) {
          const name = `${method.toUpperCase()} ${path}`
          const responses = Object.entries(operation.responses ?? {})
          const successes = responses.filter(([status]) => status.startsWith('2'))
          if (successes.length === 0) problems.push(`${name}: no success response`)
          for (const [status, response] of responses) {
            const schema = response.content?.['application/json']?.schema
            if (status === '204') {
              if (response.content) problems.push(`${name} ${status}: content on a 204`)
            } else if (!schema) problems.push(`${name} ${status}: no JSON schema`)
            else if (Number(status) >= 400 && Number(status) !== 503 && !JSON.stringify(schema).includes('"requestId"')) problems.push(`${name} ${status}: not the error schema`)
          }
        }
      }
      expect(problems).toEqual([])
    })

    it('documents only health and login as needing no credentials', () => {
      const open = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, operation]) => Array.isArray(operation.security) && operation.security.length === 0)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      )
      expect(open.sort()).toEqual(['GET /api/health', 'POST /api/v1/auth/login'])
    })

    it('is served only to a signed-in caller', async () => {
      expectError(await test.app.inject({ method: 'GET', url: '/api/openapi.json' }), 401, 'unauthenticated')
    })
  })
})
