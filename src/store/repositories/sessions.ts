import type { Kysely } from 'kysely'
import type { Database } from '../schema.ts'

export type Session = { id: string; userId: string; createdAt: string; expiresAt: string }

export async function insertSession(db: Kysely<Database>, session: Session): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: session.id, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt })
    .execute()
}

export async function findLiveSession(db: Kysely<Database>, id: string, now: string): Promise<Session | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).where('expires_at', '>', now).executeTakeFirst()
  return row && { id: row.id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at }
}

export async function deleteSession(db: Kysely<Database>, id: string): Promise<Session | undefined> {
  const row = await db.deleteFrom('sessions').where('id', '=', id).returningAll().executeTakeFirst()
  return row && { id: row.id, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at }
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute()
}
