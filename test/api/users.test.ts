import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { permissionsOf } from '../../src/domain/identity/index.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, logInCookie, PASSWORD, startTestApp, type TestApp } from '../helpers/server.ts'
import { detailPaths, expectError, expectNoSecrets } from './responses.ts'

const USER_FIELDS = ['active', 'createdAt', 'email', 'id', 'language', 'name', 'role', 'teamId', 'updatedAt']
const NEW_PASSWORD = 'Another-secret-42'

type User = { id: string; email: string; name: string; role: string; teamId: string | null; active: boolean; language: string | null }

describe.each(DIALECTS)('%s: users API', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(() => test.close())

  const admin = (options: Parameters<typeof as>[2]) => as(test, 'admin', options)
  const createUser = (payload: Record<string, unknown>) => admin({ method: 'POST', url: '/api/v1/users', payload })
  const patchUser = (id: string, payload: Record<string, unknown>) => admin({ method: 'PATCH', url: `/api/v1/users/${id}`, payload })
  const me = (cookie: string) => test.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })

  async function created(payload: Record<string, unknown>): Promise<User> {
    const response = await createUser({ password: PASSWORD, role: 'analyst', ...payload })
    expect(response.statusCode, response.body).toBe(201)
    return response.json()
  }

  describe('creating', () => {
    it('lets an admin create a user and answers 201 with the user, never the password', async () => {
      const response = await createUser({ email: 'Mei.Lin@Example.COM', name: 'Mei Lin', password: PASSWORD, role: 'risk_manager', language: 'zh-CN' })
      expect(response.statusCode, response.body).toBe(201)
      const user = response.json()
      expect(Object.keys(user).sort()).toEqual(USER_FIELDS)
      expect(user).toMatchObject({ email: 'mei.lin@example.com', name: 'Mei Lin', role: 'risk_manager', teamId: null, active: true, language: 'zh-CN' })
      expect(user.createdAt).toBe(user.updatedAt)
      expectNoSecrets(response, PASSWORD)
      // The new user can sign in with the password they were given.
      expect((await me(await logInCookie(test.app, 'mei.lin@example.com'))).json().user.id).toBe(user.id)
    })

    it('names the user after their email when no name is given', async () => {
      expect((await created({ email: 'zhang.wei@example.com' })).name).toBe('zhang.wei')
    })

    it('refuses a duplicate email, in any case, with 409 naming email', async () => {
      await created({ email: 'twice@example.com' })
      for (const email of ['twice@example.com', 'TWICE@example.com']) {
        const error = expectError(await createUser({ email, password: PASSWORD, role: 'viewer' }), 409, 'conflict')
        expect(error.details).toEqual([{ path: 'email', message: 'is already taken' }])
      }
    })

    it.each([
      ['an unknown role', { email: 'r@example.com', password: PASSWORD, role: 'superuser' }, ['role']],
      ['an unknown field', { email: 'f@example.com', password: PASSWORD, role: 'viewer', isAdmin: true }, ['isAdmin']],
      ['a malformed email', { email: 'not-an-email', password: PASSWORD, role: 'viewer' }, ['email']],
      ['a password too short', { email: 's@example.com', password: 'Ab1!', role: 'viewer' }, ['password']],
      ['a password of letters only', { email: 'l@example.com', password: 'onlyletters', role: 'viewer' }, ['password']],
      ['a team that does not exist', { email: 't@example.com', password: PASSWORD, role: 'viewer', teamId: randomUUID() }, ['teamId']],
      ['no email, password or role', {}, ['email', 'password', 'role']],
    ])('refuses %s with 400 naming the field', async (_case, payload, paths) => {
      const response = await createUser(payload)
      expect(detailPaths(response)).toEqual(paths)
      expectNoSecrets(response, PASSWORD)
    })

    it('refuses a viewer creating a user with 403 and creates nothing', async () => {
      const response = await as(test, 'viewer', { method: 'POST', url: '/api/v1/users', payload: { email: 'sneaky@example.com', password: PASSWORD, role: 'admin' } })
      expectError(response, 403, 'forbidden')
      const list = await admin({ method: 'GET', url: '/api/v1/users' })
      expect(list.json().users.map((user: User) => user.email)).not.toContain('sneaky@example.com')
    })
  })

  describe('reading', () => {
    it('lists users ordered by email, with the same fields as one user', async () => {
      const response = await admin({ method: 'GET', url: '/api/v1/users' })
      expect(response.statusCode).toBe(200)
      const users: User[] = response.json().users
      const emails = users.map((user) => user.email)
      expect(emails).toEqual(expect.arrayContaining(['admin@test.fengkong', 'analyst@test.fengkong', 'risk_manager@test.fengkong', 'viewer@test.fengkong']))
      expect(emails).toEqual([...emails].sort())
      for (const user of users) expect(Object.keys(user).sort()).toEqual(USER_FIELDS)
      expectNoSecrets(response, PASSWORD)
    })

    it('filters the list by role and by active', async () => {
      const dormant = await created({ email: 'dormant@example.com', role: 'viewer', active: false })
      const viewers: User[] = (await admin({ method: 'GET', url: '/api/v1/users?role=viewer' })).json().users
      expect(viewers.length).toBeGreaterThanOrEqual(2)
      expect(viewers.every((user) => user.role === 'viewer')).toBe(true)
      const activeViewers: User[] = (await admin({ method: 'GET', url: '/api/v1/users?role=viewer&active=true' })).json().users
      expect(activeViewers.map((user) => user.id)).toContain(test.users.viewer.user.id)
      expect(activeViewers.map((user) => user.id)).not.toContain(dormant.id)
      const inactive: User[] = (await admin({ method: 'GET', url: '/api/v1/users?active=false' })).json().users
      expect(inactive.map((user) => user.id)).toContain(dormant.id)
      expect(inactive.every((user) => !user.active)).toBe(true)
    })

    it('refuses an unknown query parameter with 400 naming it', async () => {
      expect(detailPaths(await admin({ method: 'GET', url: '/api/v1/users?rol=viewer' }))).toEqual(['querystring.rol'])
    })

    it('gets one user by id', async () => {
      const response = await admin({ method: 'GET', url: `/api/v1/users/${test.users.analyst.user.id}` })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual(test.users.analyst.user)
      expectNoSecrets(response, PASSWORD)
    })

    it('answers 404 for a user that does not exist, on GET and on PATCH', async () => {
      const id = randomUUID()
      expect(expectError(await admin({ method: 'GET', url: `/api/v1/users/${id}` }), 404, 'not_found').message).toContain(id)
      expectError(await patchUser(id, { name: 'Nobody' }), 404, 'not_found')
    })
  })

  describe('changing', () => {
    it('patches name, role, language and active, and answers with the changed user', async () => {
      const user = await created({ email: 'changing@example.com' })
      const response = await patchUser(user.id, { name: 'Li Na', role: 'risk_manager', language: 'en', active: false })
      expect(response.statusCode, response.body).toBe(200)
      const after = response.json()
      expect(after).toMatchObject({ id: user.id, email: 'changing@example.com', name: 'Li Na', role: 'risk_manager', language: 'en', active: false })
      expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(after.createdAt))
      expect((await admin({ method: 'GET', url: `/api/v1/users/${user.id}` })).json()).toEqual(after)
      expectNoSecrets(response, PASSWORD)
    })

    it.each([
      ['an unknown role', { role: 'owner' }, ['role']],
      ['an unknown field', { email: 'new@example.com' }, ['email']],
      ['a weak password', { password: 'password' }, ['password']],
      ['a team that does not exist', { teamId: randomUUID() }, ['teamId']],
    ])('refuses a change with %s with 400 naming the field, and changes nothing', async (_case, payload, paths) => {
      const user = await created({ email: `unchanged-${randomUUID()}@example.com` })
      expect(detailPaths(await patchUser(user.id, payload))).toEqual(paths)
      const now = (await admin({ method: 'GET', url: `/api/v1/users/${user.id}` })).json()
      expect(now).toMatchObject({ role: user.role, email: user.email, teamId: null })
    })

    it('refuses to demote or deactivate the last active admin with 409', async () => {
      // Make the signed-in admin the only active one, whatever other tests created.
      const admins: User[] = (await admin({ method: 'GET', url: '/api/v1/users?role=admin&active=true' })).json().users
      for (const other of admins.filter((user) => user.id !== test.users.admin.user.id)) {
        expect((await patchUser(other.id, { role: 'viewer' })).statusCode).toBe(200)
      }
      const self = test.users.admin.user.id
      expect(expectError(await patchUser(self, { role: 'risk_manager' }), 409, 'conflict').message).toContain('last active admin')
      expectError(await patchUser(self, { active: false }), 409, 'conflict')
      expect((await admin({ method: 'GET', url: `/api/v1/users/${self}` })).json()).toMatchObject({ role: 'admin', active: true })
      // Renaming the last admin is no demotion.
      expect((await patchUser(self, { name: 'The Admin' })).statusCode).toBe(200)
    })

    it('lets one of two admins be demoted, and the demotion applies on their next request', async () => {
      const second = await created({ email: 'second.admin@example.com', role: 'admin' })
      const cookie = await logInCookie(test.app, second.email)
      const asSecond = () => test.app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } })
      expect((await asSecond()).statusCode).toBe(200)
      expect((await patchUser(second.id, { role: 'analyst' })).statusCode).toBe(200)
      expectError(await asSecond(), 403, 'forbidden')
      expect((await me(cookie)).json().permissions).toEqual(permissionsOf('analyst'))
    })

    it("ends all of a user's sessions when their password changes, and only the new password works", async () => {
      const user = await created({ email: 'rotating@example.com' })
      const first = await logInCookie(test.app, user.email)
      const second = await logInCookie(test.app, user.email)
      expect((await me(first)).statusCode).toBe(200)

      const response = await patchUser(user.id, { password: NEW_PASSWORD })
      expect(response.statusCode, response.body).toBe(200)
      expectNoSecrets(response, PASSWORD, NEW_PASSWORD)

      expectError(await me(first), 401, 'unauthenticated')
      expectError(await me(second), 401, 'unauthenticated')
      const oldPassword = await test.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: user.email, password: PASSWORD } })
      expectError(oldPassword, 401, 'unauthenticated')
      expect((await me(await logInCookie(test.app, user.email, NEW_PASSWORD))).statusCode).toBe(200)
      // The admin who changed it keeps their own session.
      expect((await me(test.users.admin.cookie)).statusCode).toBe(200)
    })

    it('stores passwords only as argon2id hashes', async () => {
      const user = await created({ email: 'hashed@example.com' })
      const row = await test.store.db.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow()
      expect(row.password_hash).toMatch(/^\$argon2id\$/)
      expect(JSON.stringify(row)).not.toContain(PASSWORD)
    })
  })
})
