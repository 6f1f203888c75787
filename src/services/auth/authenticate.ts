import type { Store } from '../../store/open-store.ts'
import { findApiKeyByHash, touchApiKey } from '../../store/repositories/api-keys.ts'
import { findLiveSession } from '../../store/repositories/sessions.ts'
import { findUserRowById, toUser, type User } from '../../store/repositories/users.ts'
import { hashSecretToken } from '../secret-token.ts'

export type Principal = { user: User; via: 'session' } | { user: User; via: 'api_key'; apiKeyId: string }

export type AuthenticateOptions = { store: Store; sessionToken?: string; apiKey?: string }

// last_used_at is bookkeeping, not history: write it at most once a minute per key.
const TOUCH_INTERVAL_MS = 60_000

/** Resolves a session cookie or a bearer API key to an active user, or null. */
export async function authenticate({ store, sessionToken, apiKey }: AuthenticateOptions): Promise<Principal | null> {
  const now = new Date()
  if (apiKey) {
    const key = await findApiKeyByHash(store.db, hashSecretToken(apiKey))
    if (!key || key.revokedAt) return null
    const user = await activeUser(store, key.userId)
    if (!user) return null
    if (!key.lastUsedAt || now.getTime() - Date.parse(key.lastUsedAt) > TOUCH_INTERVAL_MS) {
      await touchApiKey(store.db, key.id, now.toISOString())
    }
    return { user, via: 'api_key', apiKeyId: key.id }
  }
  if (sessionToken) {
    const session = await findLiveSession(store.db, hashSecretToken(sessionToken), now.toISOString())
    if (!session) return null
    const user = await activeUser(store, session.userId)
    return user && { user, via: 'session' }
  }
  return null
}

async function activeUser(store: Store, userId: string): Promise<User | null> {
  const row = await findUserRowById(store.db, userId)
  return row && row.active === 1 ? toUser(row) : null
}
