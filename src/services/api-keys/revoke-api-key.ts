import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { findApiKeyById, type ApiKey } from '../../store/repositories/api-keys.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type RevokeApiKeyOptions = { store: Store; actor: Actor; apiKeyId: string }

/** Revokes a key at once; revoking it again is harmless and records nothing new. */
export async function revokeApiKey({ store, actor, apiKeyId }: RevokeApiKeyOptions): Promise<ApiKey> {
  const now = new Date().toISOString()
  return withTransaction(store.db, async (trx) => {
    const before = await findApiKeyById(trx, apiKeyId)
    if (!before) throw new AppError('not_found', `no API key ${apiKeyId}`)
    if (before.revokedAt) return before
    await trx.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', apiKeyId).execute()
    const after: ApiKey = { ...before, revokedAt: now }
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'apiKey.revoked', entity: 'api_key', entityId: apiKeyId, before, after, at: now })
    return after
  })
}
