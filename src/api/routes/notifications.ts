import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { listNotifications } from '../../services/notifications/list-notifications.ts'
import { markNotificationsRead } from '../../services/notifications/mark-notifications-read.ts'
import type { Store } from '../../store/open-store.ts'
import { NOTIFICATION_KINDS } from '../../store/repositories/notifications.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, IdParams, Nullable, StrictObject } from '../schemas/common.ts'
import { Page } from './alerts.ts'

const NotificationSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  kind: Type.Enum(NOTIFICATION_KINDS),
  title: Type.String(),
  caseId: Nullable(Type.String()),
  payload: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Type.String(),
  readAt: Nullable(Type.String()),
})

/** Each user's in-app inbox: cases assigned to them, escalations they should know of, @mentions. Only ever one's own. */
export const notificationRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function notificationRoutes(app, { store }) {
  const tags = ['inbox']

  app.get(
    '/api/v1/me/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Your notifications, newest first, with how many are unread',
        querystring: StrictObject({ unread: Type.Optional(Type.Boolean()), ...Page }),
        response: { 200: Type.Object({ items: Type.Array(NotificationSchema), unreadCount: Type.Integer(), nextCursor: Nullable(Type.String()) }), ...errorResponses() },
      },
    },
    async (request) => listNotifications({ store, userId: principalOf(request).user.id, unread: request.query.unread, limit: request.query.limit ?? 50, cursor: request.query.cursor }),
  )

  app.post(
    '/api/v1/me/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Mark one of your notifications read', params: IdParams, response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses('not_found') } },
    },
    async (request) => markNotificationsRead({ store, userId: principalOf(request).user.id, notificationId: request.params.id }),
  )

  app.post(
    '/api/v1/me/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Mark all your notifications read', response: { 200: Type.Object({ marked: Type.Integer() }), ...errorResponses() } },
    },
    async (request) => markNotificationsRead({ store, userId: principalOf(request).user.id }),
  )
}
