import type { Store } from '../../store/open-store.ts'
import { notificationFromRow, type Notification } from '../../store/repositories/notifications.ts'
import { decodeCursor, encodeCursor } from '../../store/paging.ts'

export type ListNotificationsOptions = { store: Store; userId: string; unread?: boolean; limit: number; cursor?: string }

/** A user's inbox, newest first, with how many are unread in all; keyset pages. */
export async function listNotifications({ store, userId, unread, limit, cursor }: ListNotificationsOptions): Promise<{ items: Notification[]; unreadCount: number; nextCursor: string | null }> {
  let select = store.db.selectFrom('notifications').selectAll().where('user_id', '=', userId)
  if (unread === true) select = select.where('read_at', 'is', null)
  if (cursor !== undefined) {
    const [createdAt, id] = decodeCursor(cursor)
    select = select.where((eb) => eb.or([eb('created_at', '<', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)])]))
  }
  const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
  const count = await store.db.selectFrom('notifications').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { items: page.map(notificationFromRow), unreadCount: Number(count.n), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null }
}
