import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { findUserRowById, type User } from '../../store/repositories/users.ts'
import { passwordMatches } from './password-hashing.ts'
import { updateUser } from './update-user.ts'

export type OwnProfileChanges = { name?: string; language?: 'zh-CN' | 'en' | null; password?: string; currentPassword?: string }

export type UpdateOwnProfileOptions = { store: Store; userId: string; changes: OwnProfileChanges }

/**
 * What every user may change about themselves: their name, their interface language (kept
 * per user, so it follows them to any browser) and their password, which needs the current one.
 */
export async function updateOwnProfile({ store, userId, changes }: UpdateOwnProfileOptions): Promise<User> {
  const { currentPassword, ...rest } = changes
  if (rest.password !== undefined) {
    const row = await findUserRowById(store.db, userId)
    if (!row || currentPassword === undefined || !(await passwordMatches(row.password_hash, currentPassword))) {
      throw new AppError('validation_failed', 'the current password is needed to set a new one, and it does not match', {
        details: [{ path: 'currentPassword', message: 'does not match' }],
      })
    }
  }
  return updateUser({ store, actor: { kind: 'user', userId }, userId, changes: rest })
}
