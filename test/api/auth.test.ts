import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildServer } from '../../src/api/server.ts'
import { createLoginThrottle, permissionsOf, ROLES } from '../../src/domain/identity/index.ts'
import { hashSecretToken } from '../../src/services/secret-token.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, PASSWORD, startTestApp, type TestApp } from '../helpers/server.ts'
import { detailPaths, expectError, expectNoSecrets, setCookies } from './responses.ts'

const WRONG_CREDENTIALS = 'email or password is incorrect'
const FIFTEEN_MINUTES_S = 15 * 60

describe.each(DIALECTS)('%s: auth API', (dialect) => {
  let test: TestApp
  // The login throttle runs on this clock, so lockouts expire without waiting.
  let fakeNow = Date.parse('2030-01-01T00:00:00Z')
  const throttle = createLoginThrottle({ now: () => fakeNow })

  beforeAll(async () => {
    test = await startTestApp(dialect, { throttle })
  })
  afterAll(() => test.close())

  function logIn(email: string, password: string, remoteAddress?: string) {
    return test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, ...(remoteAddress ? { remoteAddress } : {}) })
  }

  function me(headers: Record<string, string>) {
    return test.app.inject({ method: 'GET', url: '/api/v1/me', headers })
  }

  /** A fresh active user of the role, created through the API by the admin. */
  async function newUser(email: string, role = 'analyst') {
    const response = await as(test, 'admin', { method: 'POST', url: '/api/v1/users', payload: { email, password: PASSWORD, role } })
    expect(response.statusCode, response.body).toBe(201)
    return response.json() as { id: string; email: string }
  }

  function sessionCookieOf(response: Awaited<ReturnType<typeof logIn>>): string {
    const [cookie] = setCookies(response)
    return cookie!.split(';')[0]!
  }

  describe('signing in', () => {
    it('sets an HttpOnly, SameSite=Strict session cookie named fk_session on Path=/', async () => {
      const response = await logIn('viewer@test.fengkong', PASSWORD)
      expect(response.statusCode, response.body).toBe(200)
      const cookies = setCookies(response)
      expect(cookies).toHaveLength(1)
      const [pair, ...attributes] = cookies[0]!.split(';').map((part) => part.trim())
      const [name, token] = pair!.split('=')
      expect(name).toBe('fk_session')
      expect(token!.length).toBeGreaterThanOrEqual(40)
      expect(attributes).toContain('HttpOnly')
      expect(attributes).toContain('SameSite=Strict')
      expect(attributes).toContain('Path=/')
      expect(attributes).toContain(`Max-Age=${test.config.sessionHours * 3600}`)
      expect(attributes).not.toContain('Secure')
    })

    it('answers with the user and when the session expires, never the password', async () => {
      const before = Date.now()
      const response = await logIn('analyst@test.fengkong', PASSWORD)
      expect(response.statusCode).toBe(200)
      const body = response.json()
      expect(Object.keys(body).sort()).toEqual(['expiresAt', 'user'])
      expect(body.user).toMatchObject({ id: test.users.analyst.user.id, email: 'analyst@test.fengkong', role: 'analyst', active: true })
      const expiresIn = Date.parse(body.expiresAt) - before
      expect(expiresIn).toBeGreaterThanOrEqual(test.config.sessionHours * 3_600_000 - 1000)
      expect(expiresIn).toBeLessThanOrEqual(test.config.sessionHours * 3_600_000 + 60_000)
      expectNoSecrets(response, PASSWORD)
    })

    it('stores the session token only as its SHA-256', async () => {
      const response = await logIn('viewer@test.fengkong', PASSWORD)
      const token = decodeURIComponent(sessionCookieOf(response).slice('fk_session='.length))
      const rows = await test.store.db.selectFrom('sessions').selectAll().execute()
      expect(rows.map((row) => row.id)).toContain(hashSecretToken(token))
      expect(JSON.stringify(rows)).not.toContain(token)
    })

    it('accepts the email in any case and with spaces around it', async () => {
      const response = await logIn('  Viewer@TEST.Fengkong ', PASSWORD)
      expect(response.statusCode, response.body).toBe(200)
      expect(response.json().user.id).toBe(test.users.viewer.user.id)
    })

    it('marks the cookie Secure when secure cookies are configured', async () => {
      // A second server, configured for HTTPS, on the same store and users.
      const secure = await buildServer({ store: test.store, config: { ...test.config, secureCookies: true }, throttle: createLoginThrottle() })
      try {
        const response = await secure.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'viewer@test.fengkong', password: PASSWORD } })
        expect(response.statusCode).toBe(200)
        expect(setCookies(response)[0]!.split('; ')).toContain('Secure')
      } finally {
        await secure.close()
      }
    })

    it('refuses a wrong password and an unknown email alike: 401 with the same message', async () => {
      const wrongPassword = expectError(await logIn('viewer@test.fengkong', 'Wrong-password-1'), 401, 'unauthenticated')
      const unknownEmail = expectError(await logIn('nobody@test.fengkong', PASSWORD), 401, 'unauthenticated')
      expect(wrongPassword.message).toBe(WRONG_CREDENTIALS)
      expect(unknownEmail.message).toBe(WRONG_CREDENTIALS)
      expect(wrongPassword.details).toEqual(unknownEmail.details)
    })

    it.each([
      ['an email that is not a string', { email: 5, password: PASSWORD }, ['email']],
      ['a missing password', { email: 'viewer@test.fengkong' }, ['password']],
      ['an unknown field', { email: 'viewer@test.fengkong', password: PASSWORD, rememberMe: true }, ['rememberMe']],
      ['everything wrong at once', { email: 5, keepSignedIn: 'yes' }, ['email', 'keepSignedIn', 'password']],
      ['an empty body', {}, ['email', 'password']],
    ])('refuses a login body with %s with 400 naming each field', async (_case, payload, paths) => {
      const response = await test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload })
      expect(detailPaths(response)).toEqual(paths)
      expect(setCookies(response)).toEqual([])
    })
  })

  describe('the signed-in user', () => {
    it.each(ROLES)('tells a signed-in %s who they are and what their role may do', async (role) => {
      const response = await as(test, role, { method: 'GET', url: '/api/v1/me' })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ user: test.users[role].user, permissions: permissionsOf(role), via: 'session' })
    })

    it('refuses a session whose expiry has passed', async () => {
      await newUser('expiring@test.fengkong')
      const response = await logIn('expiring@test.fengkong', PASSWORD)
      const cookie = sessionCookieOf(response)
      expect((await me({ cookie })).statusCode).toBe(200)
      const token = decodeURIComponent(cookie.slice('fk_session='.length))
      await test.store.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', hashSecretToken(token)).execute()
      expectError(await me({ cookie }), 401, 'unauthenticated')
    })
  })

  describe('signing out', () => {
    it('ends the session and clears the cookie', async () => {
      const cookie = sessionCookieOf(await logIn('risk_manager@test.fengkong', PASSWORD))
      expect((await me({ cookie })).statusCode).toBe(200)

      const response = await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })
      expect(response.statusCode).toBe(204)
      expect(response.body).toBe('')
      const cleared = setCookies(response)[0]!.split('; ')
      expect(cleared[0]).toBe('fk_session=')
      expect(cleared).toContain('Max-Age=0')
      expect(cleared).toContain('Path=/')

      expectError(await me({ cookie }), 401, 'unauthenticated')
      // Other sessions of the same user live on.
      expect((await as(test, 'risk_manager', { method: 'GET', url: '/api/v1/me' })).statusCode).toBe(200)
    })
  })

  describe('deactivation', () => {
    it("ends a deactivated user's session at once and refuses their password with the usual 401", async () => {
      const user = await newUser('leaver@test.fengkong')
      const cookie = sessionCookieOf(await logIn(user.email, PASSWORD))
      expect((await me({ cookie })).statusCode).toBe(200)

      const deactivated = await as(test, 'admin', { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { active: false } })
      expect(deactivated.statusCode, deactivated.body).toBe(200)
      expect(deactivated.json().active).toBe(false)

      expectError(await me({ cookie }), 401, 'unauthenticated')
      expect(expectError(await logIn(user.email, PASSWORD), 401, 'unauthenticated').message).toBe(WRONG_CREDENTIALS)

      // Reactivated, they sign in afresh; the old session stays ended.
      await as(test, 'admin', { method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { active: true } })
      expect((await logIn(user.email, PASSWORD)).statusCode).toBe(200)
      expectError(await me({ cookie }), 401, 'unauthenticated')
    })
  })

  describe('rate limiting', () => {
    it('locks an account after 5 failed logins, even for the right password, until the window passes', async () => {
      const user = await newUser('target@test.fengkong')
      const address = '192.0.2.10'
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        expectError(await logIn(user.email, `Wrong-guess-${attempt}`, address), 401, 'unauthenticated')
      }

      const locked = await logIn(user.email, PASSWORD, address)
      const error = expectError(locked, 429, 'rate_limited')
      expect(error.message).toContain('account')
      expect(locked.headers['retry-after']).toBe(String(FIFTEEN_MINUTES_S))
      expect(setCookies(locked)).toEqual([])

      // The lock is the account's, not the address's: another user signs in from the same address.
      expect((await logIn('viewer@test.fengkong', PASSWORD, address)).statusCode).toBe(200)
      // ...nor the attacker's address's: the account stays locked from anywhere.
      expectError(await logIn(user.email, PASSWORD, '192.0.2.99'), 429, 'rate_limited')

      fakeNow += 10 * 60_000
      const stillLocked = await logIn(user.email, PASSWORD, address)
      expectError(stillLocked, 429, 'rate_limited')
      expect(stillLocked.headers['retry-after']).toBe(String(5 * 60))

      fakeNow += 5 * 60_000 + 1000
      const afterWindow = await logIn(user.email, PASSWORD, address)
      expect(afterWindow.statusCode, afterWindow.body).toBe(200)
      expect(setCookies(afterWindow)).toHaveLength(1)
    })

    it('forgets an account’s failures once it signs in successfully', async () => {
      const user = await newUser('forgetful@test.fengkong')
      const address = '192.0.2.20'
      for (let attempt = 1; attempt <= 4; attempt += 1) expectError(await logIn(user.email, `Wrong-guess-${attempt}`, address), 401, 'unauthenticated')
      expect((await logIn(user.email, PASSWORD, address)).statusCode).toBe(200)
      for (let attempt = 1; attempt <= 4; attempt += 1) expectError(await logIn(user.email, `Wrong-guess-${attempt}`, address), 401, 'unauthenticated')
      expect((await logIn(user.email, PASSWORD, address)).statusCode).toBe(200)
    })

    it('locks an address after 20 failed logins across different emails, then lets it in after the window', async () => {
      const address = '203.0.113.7'
      for (let attempt = 1; attempt <= 20; attempt += 1) {
        expectError(await logIn(`guess-${attempt}@test.fengkong`, PASSWORD, address), 401, 'unauthenticated')
      }

      const locked = await logIn('viewer@test.fengkong', PASSWORD, address)
      const error = expectError(locked, 429, 'rate_limited')
      expect(error.message).toContain('address')
      expect(locked.headers['retry-after']).toBe(String(FIFTEEN_MINUTES_S))

      // Only that address is locked out.
      expect((await logIn('viewer@test.fengkong', PASSWORD, '203.0.113.8')).statusCode).toBe(200)

      fakeNow += FIFTEEN_MINUTES_S * 1000 + 1000
      expect((await logIn('viewer@test.fengkong', PASSWORD, address)).statusCode).toBe(200)
    })
  })
})
