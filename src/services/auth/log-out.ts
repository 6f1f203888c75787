import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { deleteSession } from '../../store/repositories/sessions.ts'
import { hashSecretToken } from '../secret-token.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type LogOutOptions = { store: Store; sessionToken: string }

/** Ends the session the token belongs to; an unknown or expired token simply ends nothing. */
export async function logOut({ store, sessionToken }: LogOutOptions): Promise<void> {
  await withTransaction(store.db, async (trx) => {
    const session = await deleteSession(trx, hashSecretToken(sessionToken))
    if (session) await appendAuditEntry(trx, { actor: `user:${session.userId}`, action: 'auth.logout', entity: 'user', entityId: session.userId })
  })
}
