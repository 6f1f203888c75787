import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../src/domain/identity/index.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, logInCookie, PASSWORD, startTestApp, type TestApp } from '../helpers/server.ts'
import { detailPaths, expectError, expectNoSecrets } from './responses.ts'

type Entry = {
  seq: number
  at: string
  actor: string
  action: string
  entity: string
  entityId: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
  prevHash: string
  hash: string
}
type Page = { entries: Entry[]; nextCursor: number | null }

describe.each(DIALECTS)('%s: audit API', (dialect) => {
  let test: TestApp
  let adminActor: string
  beforeAll(async () => {
    test = await startTestApp(dialect)
    adminActor = `user:${test.users.admin.user.id}`
  })
  afterAll(() => test.close())

  const admin = (options: Parameters<typeof as>[2]) => as(test, 'admin', options)

  async function page(query: string, role: Role = 'admin'): Promise<Page> {
    const response = await as(test, role, { method: 'GET', url: `/api/v1/audit${query}` })
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }

  /** The entries of one record, oldest first. */
  async function historyOf(entity: string, entityId: string): Promise<Entry[]> {
    return (await page(`?entity=${entity}&entityId=${entityId}`)).entries.reverse()
  }

  async function newestEntry(): Promise<Entry> {
    return (await page('?limit=1')).entries[0]!
  }

  it('records user.created then user.updated with before and after, and no password or hash anywhere', async () => {
    const created = await admin({ method: 'POST', url: '/api/v1/users', payload: { email: 'audited@example.com', password: PASSWORD, role: 'viewer', name: 'Before' } })
    const user = created.json()
    const updated = await admin({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { name: 'After', role: 'analyst' } })

    const response = await admin({ method: 'GET', url: `/api/v1/audit?entity=user&entityId=${user.id}` })
    expectNoSecrets(response, PASSWORD)
    const history: Entry[] = response.json().entries.reverse()
    expect(history.map((entry) => entry.action)).toEqual(['user.created', 'user.updated'])
    const [creation, update] = history as [Entry, Entry]
    expect(creation).toMatchObject({ actor: adminActor, entity: 'user', entityId: user.id, before: null, after: user })
    expect(update).toMatchObject({ actor: adminActor, entity: 'user', entityId: user.id, before: user, after: updated.json() })
    expect(update.before).toMatchObject({ name: 'Before', role: 'viewer' })
    expect(update.after).toMatchObject({ name: 'After', role: 'analyst' })
    expect(update.seq).toBeGreaterThan(creation.seq)
  })

  it('records a password change without the password or its hash', async () => {
    const user = (await admin({ method: 'POST', url: '/api/v1/users', payload: { email: 'pw@example.com', password: PASSWORD, role: 'viewer' } })).json()
    await admin({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { password: 'Fresh-password-9' } })
    const response = await admin({ method: 'GET', url: `/api/v1/audit?entity=user&entityId=${user.id}` })
    expectNoSecrets(response, PASSWORD, 'Fresh-password-9')
    expect(response.json().entries[0]).toMatchObject({ action: 'user.password_changed', actor: adminActor })
  })

  /** Runs one write, checks it succeeded and appended exactly one entry chained to the last, and returns both. */
  async function onlyEntryOf(write: () => Promise<LightMyRequestResponse>): Promise<{ body: any; entry: Entry }> {
    const before = await newestEntry()
    const response = await write()
    expect(response.statusCode, response.body).toBeLessThan(300)
    const newest = (await page('?limit=5')).entries
    const appended = newest.filter((entry) => entry.seq > before.seq)
    expect(appended, JSON.stringify({ before, response: response.body, newest })).toHaveLength(1)
    expect(appended[0]!.prevHash).toBe(before.hash)
    return { body: response.body ? response.json() : null, entry: appended[0]! }
  }

  it('appends exactly one entry, naming the record and the actor, for every write', async () => {
    const by = { actor: adminActor }
    const team = await onlyEntryOf(() => admin({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Audited team' } }))
    expect(team.entry).toMatchObject({ ...by, action: 'team.created', entity: 'team', entityId: team.body.id, before: null, after: team.body })

    const teamUpdate = await onlyEntryOf(() => admin({ method: 'PATCH', url: `/api/v1/teams/${team.body.id}`, payload: { description: 'Watched' } }))
    expect(teamUpdate.entry).toMatchObject({ ...by, action: 'team.updated', entityId: team.body.id, before: team.body, after: teamUpdate.body })

    const user = await onlyEntryOf(() => admin({ method: 'POST', url: '/api/v1/users', payload: { email: 'writer@example.com', password: PASSWORD, role: 'analyst', teamId: team.body.id } }))
    expect(user.entry).toMatchObject({ ...by, action: 'user.created', entity: 'user', entityId: user.body.id })

    const userUpdate = await onlyEntryOf(() => admin({ method: 'PATCH', url: `/api/v1/users/${user.body.id}`, payload: { teamId: null } }))
    expect(userUpdate.entry).toMatchObject({ ...by, action: 'user.updated', entityId: user.body.id, after: { teamId: null } })

    const teamDeletion = await onlyEntryOf(() => admin({ method: 'DELETE', url: `/api/v1/teams/${team.body.id}` }))
    expect(teamDeletion.entry).toMatchObject({ ...by, action: 'team.deleted', entity: 'team', entityId: team.body.id, before: teamUpdate.body, after: null })

    const key = await onlyEntryOf(() => admin({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'audited key' } }))
    expect(key.entry).toMatchObject({ ...by, action: 'apiKey.created', entity: 'api_key', entityId: key.body.apiKey.id, after: key.body.apiKey })
    expect(JSON.stringify(key.entry)).not.toContain(key.body.key)

    const revocation = await onlyEntryOf(() => admin({ method: 'DELETE', url: `/api/v1/api-keys/${key.body.apiKey.id}` }))
    expect(revocation.entry).toMatchObject({ ...by, action: 'apiKey.revoked', entityId: key.body.apiKey.id, after: { revokedAt: revocation.body.revokedAt } })
  })

  it('records sign-in and sign-out under the user who did them', async () => {
    const cookie = await logInCookie(test.app, 'viewer@test.fengkong')
    const viewer = test.users.viewer.user.id
    expect(await newestEntry()).toMatchObject({ action: 'auth.login', entity: 'user', entityId: viewer, actor: `user:${viewer}` })
    await test.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })
    expect(await newestEntry()).toMatchObject({ action: 'auth.logout', entity: 'user', entityId: viewer, actor: `user:${viewer}` })
  })

  it('appends nothing for a refused write', async () => {
    const before = await newestEntry()
    expectError(await admin({ method: 'POST', url: '/api/v1/users', payload: { email: 'admin@test.fengkong', password: PASSWORD, role: 'viewer' } }), 409, 'conflict')
    expectError(await as(test, 'viewer', { method: 'POST', url: '/api/v1/teams', payload: { name: 'Nope' } }), 403, 'forbidden')
    expectError(await admin({ method: 'PATCH', url: `/api/v1/users/${test.users.admin.user.id}`, payload: { role: 'viewer' } }), 409, 'conflict')
    expectError(await admin({ method: 'POST', url: '/api/v1/teams', payload: { name: 'x', bogus: 1 } }), 400, 'validation_failed')
    expect(await newestEntry()).toEqual(before)
  })

  it('pages newest first with limit and cursor, covering every entry exactly once', async () => {
    const team = (await admin({ method: 'POST', url: '/api/v1/teams', payload: { name: 'Paged' } })).json()
    for (let n = 1; n <= 4; n += 1) await admin({ method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { description: `revision ${n}` } })
    const all = (await page(`?entity=team&entityId=${team.id}`)).entries
    expect(all.map((entry) => entry.action)).toEqual(['team.updated', 'team.updated', 'team.updated', 'team.updated', 'team.created'])

    const seen: Entry[][] = []
    let cursor: number | null | undefined
    do {
      const next: Page = await page(`?entity=team&entityId=${team.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(next.entries)
      if (next.nextCursor !== null) expect(next.nextCursor).toBe(next.entries.at(-1)!.seq)
      cursor = next.nextCursor
    } while (cursor !== null && seen.length < 10)

    expect(seen.map((entries) => entries.length)).toEqual([2, 2, 1])
    expect(seen.flat()).toEqual(all)
    const seqs = seen.flat().map((entry) => entry.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a))
  })

  it.each([
    ['a limit of 0', '?limit=0', ['querystring.limit']],
    ['a limit over 1000', '?limit=1001', ['querystring.limit']],
    ['a cursor that is not a number', '?cursor=abc', ['querystring.cursor']],
    ['an unknown parameter', '?actor=me', ['querystring.actor']],
  ])('refuses %s with 400 naming it', async (_case, query, paths) => {
    expect(detailPaths(await admin({ method: 'GET', url: `/api/v1/audit${query}` }))).toEqual(paths)
  })

  it('verifies the whole chain as intact', async () => {
    const total = (await page('?limit=1000')).entries.length
    const response = await admin({ method: 'GET', url: '/api/v1/audit/verify' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ ok: true, checked: total, firstBadSeq: null, reason: null })
    expect(total).toBeGreaterThan(10)
  })

  it('reports the first altered entry when the ledger is tampered with', async () => {
    const target = (await page('?entity=user&limit=1')).entries[0]!
    const original = await test.store.db.selectFrom('audit_entries').select('after').where('seq', '=', target.seq).executeTakeFirstOrThrow()
    await test.store.db.updateTable('audit_entries').set({ after: '{"forged":true}' }).where('seq', '=', target.seq).execute()
    try {
      const verdict = (await admin({ method: 'GET', url: '/api/v1/audit/verify' })).json()
      expect(verdict).toMatchObject({ ok: false, firstBadSeq: target.seq, checked: target.seq - 1 })
      expect(verdict.reason).toContain('altered')
    } finally {
      await test.store.db.updateTable('audit_entries').set({ after: original.after }).where('seq', '=', target.seq).execute()
    }
    expect((await admin({ method: 'GET', url: '/api/v1/audit/verify' })).json().ok).toBe(true)
  })

  it('lets a risk_manager read and verify the audit', async () => {
    expect((await page('?limit=3', 'risk_manager')).entries).toHaveLength(3)
    const verdict = await as(test, 'risk_manager', { method: 'GET', url: '/api/v1/audit/verify' })
    expect(verdict.json().ok).toBe(true)
  })

  it.each(['analyst', 'viewer'] as const)('refuses %s reading or verifying the audit with 403', async (role) => {
    expectError(await as(test, role, { method: 'GET', url: '/api/v1/audit' }), 403, 'forbidden')
    expectError(await as(test, role, { method: 'GET', url: '/api/v1/audit/verify' }), 403, 'forbidden')
  })
})
