import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { insertSession } from '../../store/repositories/sessions.ts'
import { findUserRowByEmail, toUser, type User } from '../../store/repositories/users.ts'
import { hashSecretToken, newSecretToken } from '../secret-token.ts'
import { decoyPasswordHash, passwordMatches } from '../users/password-hashing.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type LogInOptions = { store: Store; email: string; password: string; sessionHours: number }

export type LogInResult = { user: User; sessionToken: string; expiresAt: string }

/** Checks a password and opens a session. Wrong email and wrong password fail alike, in time and in words. */
export async function logIn({ store, email, password, sessionHours }: LogInOptions): Promise<LogInResult> {
  const row = await findUserRowByEmail(store.db, email)
  const matches = await passwordMatches(row?.password_hash ?? (await decoyPasswordHash()), password)
  if (!row || !matches || row.active !== 1) throw new AppError('unauthenticated', 'email or password is incorrect')

  const user = toUser(row)
  const sessionToken = newSecretToken()
  const now = new Date()
  const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000).toISOString()
  await withTransaction(store.db, async (trx) => {
    await insertSession(trx, { id: hashSecretToken(sessionToken), userId: user.id, createdAt: now.toISOString(), expiresAt })
    await appendAuditEntry(trx, { actor: `user:${user.id}`, action: 'auth.login', entity: 'user', entityId: user.id, at: now.toISOString() })
  })
  return { user, sessionToken, expiresAt }
}
