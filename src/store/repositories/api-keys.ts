import type { Kysely } from 'kysely'
import type { ApiKeyRow, Database } from '../schema.ts'

/** An API key as listed: the prefix identifies it, the secret itself is never stored. */
export type ApiKey = {
  id: string
  userId: string
  name: string
  prefix: string
  createdBy: string
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  }
}

export async function findApiKeyById(db: Kysely<Database>, id: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toApiKey(row)
}

export async function findApiKeyByHash(db: Kysely<Database>, keyHash: string): Promise<ApiKey | undefined> {
  const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst()
  return row && toApiKey(row)
}

export async function listApiKeys(db: Kysely<Database>, filter: { userId?: string } = {}): Promise<ApiKey[]> {
  let select = db.selectFrom('api_keys').selectAll()
  if (filter.userId !== undefined) select = select.where('user_id', '=', filter.userId)
  const rows = await select.orderBy('created_at', 'desc').execute()
  return rows.map(toApiKey)
}

export async function touchApiKey(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_keys').set({ last_used_at: at }).where('id', '=', id).execute()
}
