import { AppError, invalidField } from '../../app-error.ts'
import { isRole, type Role } from '../../domain/identity/index.ts'
import type { Store } from '../../store/open-store.ts'
import type { UserRowUpdate } from '../../store/schema.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { deleteSessionsOfUser } from '../../store/repositories/sessions.ts'
import { findTeamById } from '../../store/repositories/teams.ts'
import { findUserRowById, listUsers, toUser, updateUserRow, type User } from '../../store/repositories/users.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { hashPassword } from './password-hashing.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { lockLedger } from '../../store/ledger-lock.ts'

export type UserChanges = {
  name?: string
  role?: Role | string
  teamId?: string | null
  active?: boolean
  password?: string
  language?: string | null
}

export type UpdateUserOptions = { store: Store; actor: Actor; userId: string; changes: UserChanges }

/**
 * Changes a user. Deactivating a user or changing their password ends their sessions;
 * the last active admin can be neither demoted nor deactivated, so nobody locks the
 * organisation out of its own platform.
 */
export async function updateUser({ store, actor, userId, changes }: UpdateUserOptions): Promise<User> {
  if (changes.role !== undefined && !isRole(changes.role)) throw invalidField('role', 'must be one of admin, risk_manager, analyst, viewer')
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password)
  const now = new Date().toISOString()

  return withTransaction(store.db, async (trx) => {
    const row = await findUserRowById(trx, userId)
    if (!row) throw new AppError('not_found', `no user ${userId}`)
    const before = toUser(row)
    if (changes.teamId && !(await findTeamById(trx, changes.teamId))) throw invalidField('teamId', 'names no team')

    const update: UserRowUpdate = { updated_at: now }
    if (changes.name !== undefined) update.name = changes.name.trim() || before.name
    if (changes.role !== undefined) update.role = changes.role
    if (changes.teamId !== undefined) update.team_id = changes.teamId
    if (changes.active !== undefined) update.active = changes.active ? 1 : 0
    if (changes.language !== undefined) update.language = changes.language
    if (passwordHash !== undefined) update.password_hash = passwordHash

    const losesAdmin = before.role === 'admin' && before.active && ((update.role !== undefined && update.role !== 'admin') || update.active === 0)
    if (losesAdmin) {
      await lockLedger(trx)
      const activeAdmins = await listUsers(trx, { role: 'admin', active: true })
      if (activeAdmins.length <= 1) throw new AppError('conflict', 'the last active admin cannot be demoted or deactivated')
    }

    const after = toUser(await updateUserRow(trx, userId, update))
    if (update.active === 0 || passwordHash !== undefined) await deleteSessionsOfUser(trx, userId)
    await appendAuditEntry(trx, {
      actor: actorLabel(actor),
      action: passwordHash !== undefined ? 'user.password_changed' : 'user.updated',
      entity: 'user',
      entityId: userId,
      before,
      after,
      at: now,
    })
    return after
  })
}
