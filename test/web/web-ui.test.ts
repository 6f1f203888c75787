import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { installAccessControl, type RouteAccess } from '../../src/api/auth/access-control.ts'
import { handleError } from '../../src/api/error-handler.ts'
import { webUi } from '../../src/api/web-ui.ts'
import { openTestStore, type TestStore } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

/**
 * The web UI plugin on its own, over a build folder made by the test (so a real `vite build`
 * running at the same time cannot disturb it), with the server's access control and errors.
 * Serving files touches no store beyond sign-in, so SQLite alone is enough here.
 */
async function uiServer(store: TestStore, root: string): Promise<{ app: FastifyInstance; routes: RouteAccess[] }> {
  const app = Fastify({ logger: false })
  app.setErrorHandler(handleError)
  const routes = installAccessControl(app, store)
  await app.register(webUi, { root })
  await app.ready()
  return { app, routes }
}

describe('web UI: a built UI', () => {
  let store: TestStore
  let app: FastifyInstance
  let routes: RouteAccess[]
  let root: string

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'fengkong-web-'))
    mkdirSync(join(root, 'assets'))
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Fengkong</title><div id="root"></div>')
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("fengkong")')
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
    store = await openTestStore('sqlite')
    ;({ app, routes } = await uiServer(store, root))
  })
  afterAll(async () => {
    await app.close()
    await store.drop()
    rmSync(root, { recursive: true, force: true })
  })

  it('serves index.html at / to anyone, never cached', async () => {
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toContain('<div id="root">')
  })

  it('answers any other page of the app with index.html, so a deep link or a reload works', async () => {
    for (const url of ['/customers', '/customers/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed/timeline', '/login?next=%2Fcustomers']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.statusCode, url).toBe(200)
      expect(response.body, url).toContain('<div id="root">')
    }
  })

  it('serves hashed assets as immutable and other files as revalidated', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['content-type']).toMatch(/javascript/)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(asset.body).toBe('console.log("fengkong")')
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' })
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/)
    expect(icon.headers['cache-control']).toBe('no-cache')
  })

  it('answers a missing asset with a JSON 404 instead of HTML', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-gone.js' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('not_found')
  })

  it('never serves a file outside the build folder', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const response = await app.inject({ method: 'GET', url })
      expect(response.body, url).not.toContain('"name"')
      expect(response.statusCode, url).not.toBe(500)
    }
  })

  it('keeps GET /api/… that no route claims an API answer: 401 without credentials', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('unauthenticated')
  })

  it('registers the UI as public and the rest of /api as signed-in only', () => {
    expect(routes).toEqual([
      { method: 'GET', url: '/api/*', access: 'authenticated', declared: true },
      { method: 'GET', url: '/*', access: 'public', declared: true },
    ])
  })
})

describe('web UI: no build yet', () => {
  let store: TestStore
  let app: FastifyInstance

  beforeAll(async () => {
    store = await openTestStore('sqlite')
    ;({ app } = await uiServer(store, join(tmpdir(), `fengkong-web-missing-${process.pid}`)))
  })
  afterAll(async () => {
    await app.close()
    await store.drop()
  })

  it('still starts, and / says how to build the UI', async () => {
    const response = await app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(response.body).toContain('npm run build:web')
  })
})

describe('web UI: inside the Fengkong server', () => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp('sqlite')
  })
  afterAll(() => test.close())

  it('serves the UI routes publicly and records their access like every route', () => {
    const declared = test.app.routeAccess.map((route) => `${route.method} ${route.url} ${route.access}`)
    expect(declared).toEqual(expect.arrayContaining(['GET /* public', 'GET /api/* authenticated']))
  })

  it('answers / without credentials, built or not', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
  })

  it('answers an unknown /api route with a JSON 404 to a signed-in caller and 401 to anyone else', async () => {
    const signedIn = await as(test, 'viewer', { method: 'GET', url: '/api/v1/nothing-here?x=1' })
    expect(signedIn.statusCode).toBe(404)
    expect(signedIn.json().error).toMatchObject({ code: 'not_found', message: 'no route GET /api/v1/nothing-here' })
    const anonymous = await test.app.inject({ method: 'GET', url: '/api/v1/nothing-here' })
    expect(anonymous.statusCode).toBe(401)
  })

  it('leaves the API routes as they were', async () => {
    expect((await test.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({ status: 'ok' })
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401)
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/me' })).json().user.role).toBe('viewer')
  })
})
