import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'

export type MarkNotificationsReadOptions = {
  store: Store
  userId: string
  /** One notification of the user's; absent: all of them. */
  notificationId?: string
  now?: Date
}

/**
 * Marks a user's notification read, or all of them; a user reaches only their own inbox
 * (another user's notification is not found). Read marks are the user's own reading state,
 * not a change to the case, so they are not audited. Returns how many were newly marked.
 */
export async function markNotificationsRead({ store, userId, notificationId, now = new Date() }: MarkNotificationsReadOptions): Promise<{ marked: number }> {
  let update = store.db.updateTable('notifications').set({ read_at: now.toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null)
  if (notificationId !== undefined) {
    const own = await store.db.selectFrom('notifications').select('id').where('id', '=', notificationId).where('user_id', '=', userId).executeTakeFirst()
    if (!own) throw new AppError('not_found', `no notification ${notificationId}`)
    update = update.where('id', '=', notificationId)
  }
  const result = await update.executeTakeFirst()
  return { marked: Number(result.numUpdatedRows) }
}
