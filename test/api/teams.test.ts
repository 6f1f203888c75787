import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, PASSWORD, startTestApp, type TestApp } from '../helpers/server.ts'
import { detailPaths, expectError } from './responses.ts'

type Team = { id: string; name: string; description: string | null; createdAt: string; updatedAt: string }

describe.each(DIALECTS)('%s: teams API', (dialect) => {
  let test: TestApp
  beforeAll(async () => {
    test = await startTestApp(dialect)
  })
  afterAll(() => test.close())

  const admin = (options: Parameters<typeof as>[2]) => as(test, 'admin', options)
  const getTeam = (id: string) => admin({ method: 'GET', url: `/api/v1/teams/${id}` })

  async function created(name: string, description?: string): Promise<Team> {
    const response = await admin({ method: 'POST', url: '/api/v1/teams', payload: { name, description } })
    expect(response.statusCode, response.body).toBe(201)
    return response.json()
  }

  it('creates a team, trimming its name, and answers 201 with it', async () => {
    const response = await admin({ method: 'POST', url: '/api/v1/teams', payload: { name: '  Fraud Ops  ', description: 'Card fraud' } })
    expect(response.statusCode, response.body).toBe(201)
    const team = response.json()
    expect(Object.keys(team).sort()).toEqual(['createdAt', 'description', 'id', 'name', 'updatedAt'])
    expect(team).toMatchObject({ name: 'Fraud Ops', description: 'Card fraud' })
    expect((await getTeam(team.id)).json()).toEqual(team)
  })

  it('lists teams by name', async () => {
    const zulu = await created('Zulu desk')
    const alpha = await created('Alpha desk')
    const response = await admin({ method: 'GET', url: '/api/v1/teams' })
    expect(response.statusCode).toBe(200)
    const names = (response.json().teams as Team[]).map((team) => team.name)
    expect(names).toEqual([...names].sort())
    expect(names.indexOf(alpha.name)).toBeLessThan(names.indexOf(zulu.name))
  })

  it('renames and re-describes a team, and clears the description with null', async () => {
    const team = await created('Onboarding', 'KYC checks')
    const renamed = await admin({ method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { name: 'Onboarding & KYC' } })
    expect(renamed.statusCode, renamed.body).toBe(200)
    expect(renamed.json()).toMatchObject({ id: team.id, name: 'Onboarding & KYC', description: 'KYC checks', createdAt: team.createdAt })
    const cleared = await admin({ method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { description: null } })
    expect(cleared.json()).toMatchObject({ name: 'Onboarding & KYC', description: null })
    expect((await getTeam(team.id)).json()).toEqual(cleared.json())
  })

  it('refuses a second team of the same name with 409 naming name, on create and on rename', async () => {
    await created('Sanctions')
    const other = await created('Sanctions screening')
    const duplicate = expectError(await admin({ method: 'POST', url: '/api/v1/teams', payload: { name: ' Sanctions ' } }), 409, 'conflict')
    expect(duplicate.details).toEqual([{ path: 'name', message: 'is already taken' }])
    const rename = expectError(await admin({ method: 'PATCH', url: `/api/v1/teams/${other.id}`, payload: { name: 'Sanctions' } }), 409, 'conflict')
    expect(rename.details).toEqual([{ path: 'name', message: 'is already taken' }])
    expect((await getTeam(other.id)).json().name).toBe('Sanctions screening')
  })

  it.each([
    ['no name', {}, ['name']],
    ['an empty name', { name: '' }, ['name']],
    ['a blank name', { name: '   ' }, ['name']],
    ['an unknown field', { name: 'Risk', lead: 'Wang' }, ['lead']],
  ])('refuses a team with %s with 400 naming the field', async (_case, payload, paths) => {
    expect(detailPaths(await admin({ method: 'POST', url: '/api/v1/teams', payload }))).toEqual(paths)
  })

  it('refuses renaming a team to a blank name with 400', async () => {
    const team = await created('Collections')
    expect(detailPaths(await admin({ method: 'PATCH', url: `/api/v1/teams/${team.id}`, payload: { name: ' ' } }))).toEqual(['name'])
    expect((await getTeam(team.id)).json().name).toBe('Collections')
  })

  it('answers 404 for a team that does not exist, on GET, PATCH and DELETE', async () => {
    const id = randomUUID()
    expectError(await getTeam(id), 404, 'not_found')
    expectError(await admin({ method: 'PATCH', url: `/api/v1/teams/${id}`, payload: { name: 'Ghosts' } }), 404, 'not_found')
    expectError(await admin({ method: 'DELETE', url: `/api/v1/teams/${id}` }), 404, 'not_found')
  })

  it('deletes an empty team with 204, after which it is gone', async () => {
    const team = await created('Short-lived')
    const response = await admin({ method: 'DELETE', url: `/api/v1/teams/${team.id}` })
    expect(response.statusCode).toBe(204)
    expect(response.body).toBe('')
    expectError(await getTeam(team.id), 404, 'not_found')
    const names = ((await admin({ method: 'GET', url: '/api/v1/teams' })).json().teams as Team[]).map((t) => t.name)
    expect(names).not.toContain('Short-lived')
  })

  it('refuses to delete a team with members with 409, and deletes it once they move out', async () => {
    const team = await created('AML')
    const member = await admin({ method: 'POST', url: '/api/v1/users', payload: { email: 'aml.analyst@example.com', password: PASSWORD, role: 'analyst', teamId: team.id } })
    expect(member.statusCode, member.body).toBe(201)
    expect(member.json().teamId).toBe(team.id)

    const refused = expectError(await admin({ method: 'DELETE', url: `/api/v1/teams/${team.id}` }), 409, 'conflict')
    expect(refused.message).toContain('1 member')
    expect((await getTeam(team.id)).statusCode).toBe(200)

    const moved = await admin({ method: 'PATCH', url: `/api/v1/users/${member.json().id}`, payload: { teamId: null } })
    expect(moved.json().teamId).toBeNull()
    expect((await admin({ method: 'DELETE', url: `/api/v1/teams/${team.id}` })).statusCode).toBe(204)
  })

  it('lists the members of a team through the users filter', async () => {
    const team = await created('Chargebacks')
    const member = await admin({ method: 'POST', url: '/api/v1/users', payload: { email: 'cb@example.com', password: PASSWORD, role: 'viewer', teamId: team.id } })
    const members = (await admin({ method: 'GET', url: `/api/v1/users?teamId=${team.id}` })).json().users
    expect(members.map((user: { id: string }) => user.id)).toEqual([member.json().id])
  })
})
