import type { Kysely } from 'kysely'
import type { Database, TeamRow } from '../schema.ts'

export type Team = { id: string; name: string; description: string | null; createdAt: string; updatedAt: string }

export function toTeam(row: TeamRow): Team {
  return { id: row.id, name: row.name, description: row.description, createdAt: row.created_at, updatedAt: row.updated_at }
}

export async function findTeamById(db: Kysely<Database>, id: string): Promise<Team | undefined> {
  const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toTeam(row)
}

export async function findTeamByName(db: Kysely<Database>, name: string): Promise<Team | undefined> {
  const row = await db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst()
  return row && toTeam(row)
}

export async function listTeams(db: Kysely<Database>): Promise<Team[]> {
  const rows = await db.selectFrom('teams').selectAll().orderBy('name').execute()
  return rows.map(toTeam)
}

export async function countTeamMembers(db: Kysely<Database>, teamId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('team_id', '=', teamId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
