import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import type { Database, NotificationTable } from '../schema.ts'

export const NOTIFICATION_KINDS = ['case.assigned', 'case.escalated', 'case.mentioned'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/** One entry of a user's inbox. */
export type Notification = {
  id: string
  userId: string
  kind: NotificationKind
  title: string
  caseId: string | null
  payload: Record<string, JsonValue>
  createdAt: string
  readAt: string | null
}

export type NewNotification = { userId: string; kind: NotificationKind; title: string; caseId: string | null; payload: Record<string, JsonValue> }

export function notificationFromRow(row: NotificationTable): Notification {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind as NotificationKind,
    title: row.title,
    caseId: row.case_id,
    payload: JSON.parse(row.payload) as Record<string, JsonValue>,
    createdAt: row.created_at,
    readAt: row.read_at,
  }
}

/** Puts notifications in their users' inboxes; call it inside the transaction of the change they tell of. */
export async function insertNotifications(db: Kysely<Database>, notifications: readonly NewNotification[], at: string): Promise<Notification[]> {
  if (notifications.length === 0) return []
  const rows: NotificationTable[] = notifications.map((n) => ({
    id: randomUUID(),
    user_id: n.userId,
    kind: n.kind,
    title: n.title,
    case_id: n.caseId,
    payload: canonicalJson(n.payload),
    created_at: at,
    read_at: null,
  }))
  await db.insertInto('notifications').values(rows).execute()
  return rows.map(notificationFromRow)
}
