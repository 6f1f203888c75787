import type { Kysely } from 'kysely'
import type { Role } from '../../domain/identity/index.ts'
import type { Database, NewUserRow, UserRow, UserRowUpdate } from '../schema.ts'

/** A user as the rest of Fengkong sees one: never with the password hash. */
export type User = {
  id: string
  email: string
  name: string
  teamId: string | null
  role: Role
  active: boolean
  language: string | null
  createdAt: string
  updatedAt: string
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    teamId: row.team_id,
    role: row.role as Role,
    active: row.active === 1,
    language: row.language,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export async function findUserRowByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst()
}

export async function findUserRowById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export type UserFilter = { teamId?: string; role?: Role; active?: boolean }

export async function listUsers(db: Kysely<Database>, filter: UserFilter = {}): Promise<User[]> {
  let select = db.selectFrom('users').selectAll()
  if (filter.teamId !== undefined) select = select.where('team_id', '=', filter.teamId)
  if (filter.role !== undefined) select = select.where('role', '=', filter.role)
  if (filter.active !== undefined) select = select.where('active', '=', filter.active ? 1 : 0)
  const rows = await select.orderBy('email').execute()
  return rows.map(toUser)
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function insertUser(db: Kysely<Database>, row: NewUserRow): Promise<UserRow> {
  return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow()
}

export async function updateUserRow(db: Kysely<Database>, id: string, changes: UserRowUpdate): Promise<UserRow> {
  return db.updateTable('users').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
}
