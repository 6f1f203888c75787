import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { RULE_SEVERITIES } from '../../domain/alerts/rule.ts'
import { createEmailSubscription, deleteEmailSubscription, listEmailDeliveries, listEmailSubscriptions, SMTP_NOT_CONFIGURED } from '../../services/email/manage-email-subscriptions.ts'
import { WEBHOOK_EVENTS } from '../../services/webhooks/enqueue-webhook-event.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, IdParams, Nullable, StrictObject } from '../schemas/common.ts'

const SubscriptionSchema = Type.Object({
  id: Type.String(),
  userId: Nullable(Type.String()),
  address: Nullable(Type.String()),
  events: Type.Array(Type.String()),
  minSeverity: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String(),
})
const DeliverySchema = Type.Object({
  id: Type.String(),
  subscriptionId: Type.String(),
  messageId: Type.String({ description: 'The same for every attempt of one email' }),
  event: Type.String(),
  to: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  attempt: Type.Integer(),
  status: Type.String({ description: 'pending, sending, delivered, failed or dropped (the subscription was deleted, or SMTP turned off)' }),
  error: Nullable(Type.String()),
  createdAt: Type.String(),
  nextAttemptAt: Nullable(Type.String()),
  attemptedAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
})
const Configured = { smtpConfigured: Type.Boolean(), message: Nullable(Type.String({ description: 'Why no email is sent, when SMTP is not configured' })) }

/** Email notifications: who is emailed which events (the webhook events), and the email log. */
export const emailNotificationRoutes: FastifyPluginAsyncTypebox<{ store: Store; smtpConfigured: boolean }> = async function emailNotificationRoutes(app, { store, smtpConfigured }) {
  const tags = ['webhooks']
  const access = 'webhooks.manage'
  const status = { smtpConfigured, message: smtpConfigured ? null : SMTP_NOT_CONFIGURED }

  app.get(
    '/api/v1/notifications/email-subscriptions',
    { config: { access }, schema: { tags, summary: 'Who is emailed which events, and whether this server can send email', response: { 200: Type.Object({ ...Configured, items: Type.Array(SubscriptionSchema) }), ...errorResponses() } } },
    async () => ({ ...status, items: await listEmailSubscriptions({ store }) }),
  )

  app.post(
    '/api/v1/notifications/email-subscriptions',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Email a user (at their address) or an address the events named; refused (409) while SMTP is not configured',
        body: StrictObject({
          userId: Type.Optional(Id),
          address: Type.Optional(Type.String({ minLength: 3, maxLength: 320 })),
          events: Type.Array(Type.Enum(WEBHOOK_EVENTS), { minItems: 1, maxItems: WEBHOOK_EVENTS.length }),
          minSeverity: Type.Optional(Nullable(Type.Enum(RULE_SEVERITIES, { description: 'For alert events: the least severity emailed' }))),
        }),
        response: { 201: SubscriptionSchema, ...errorResponses('conflict') },
      },
    },
    async (request, reply) => {
      const { userId, address, events, minSeverity } = request.body
      const created = await createEmailSubscription({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, smtpConfigured, userId: userId ?? null, address: address ?? null, events, minSeverity: minSeverity ?? null })
      return reply.status(201).send(created)
    },
  )

  app.delete(
    '/api/v1/notifications/email-subscriptions/:id',
    { config: { access }, schema: { tags, summary: 'End a subscription: its pending emails are dropped; the log stays', params: IdParams, response: { 204: Type.Null(), ...errorResponses('not_found') } } },
    async (request, reply) => {
      await deleteEmailSubscription({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, subscriptionId: request.params.id })
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/v1/notifications/email-deliveries',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The email log: one row per attempt, newest first',
        querystring: StrictObject({ subscriptionId: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: { 200: Type.Object({ ...Configured, items: Type.Array(DeliverySchema) }), ...errorResponses() },
      },
    },
    async (request) => ({ ...status, items: await listEmailDeliveries({ store, subscriptionId: request.query.subscriptionId, limit: request.query.limit ?? 100 }) }),
  )
}
