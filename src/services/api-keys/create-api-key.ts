import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { toApiKey, type ApiKey } from '../../store/repositories/api-keys.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findUserRowById } from '../../store/repositories/users.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { hashSecretToken, newSecretToken } from '../secret-token.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export const API_KEY_PREFIX = 'fk_'

export type CreateApiKeyOptions = { store: Store; actor: Actor; userId: string; name: string }

/** Issues a key for a user. The secret is returned this once; only its SHA-256 is stored. */
export async function createApiKey({ store, actor, userId, name }: CreateApiKeyOptions): Promise<{ apiKey: ApiKey; secret: string }> {
  const secret = newSecretToken(API_KEY_PREFIX)
  const now = new Date().toISOString()
  return withTransaction(store.db, async (trx) => {
    const owner = await findUserRowById(trx, userId)
    if (!owner) throw new AppError('not_found', `no user ${userId}`, { details: [{ path: 'userId', message: 'names no user' }] })
    const row = await trx
      .insertInto('api_keys')
      .values({
        id: crypto.randomUUID(),
        user_id: userId,
        name: name.trim(),
        prefix: secret.slice(0, API_KEY_PREFIX.length + 8),
        key_hash: hashSecretToken(secret),
        created_by: actorLabel(actor),
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const apiKey = toApiKey(row)
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'apiKey.created', entity: 'api_key', entityId: apiKey.id, after: apiKey, at: now })
    return { apiKey, secret }
  })
}
