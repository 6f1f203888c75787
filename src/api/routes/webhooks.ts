import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks } from '../../services/webhooks/manage-webhooks.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, IdParams, Nullable, StrictObject } from '../schemas/common.ts'

const WebhookFields = { id: Type.String(), url: Type.String(), description: Nullable(Type.String()), createdBy: Type.String(), createdAt: Type.String() }
const WebhookSchema = Type.Object(WebhookFields)
const DeliverySchema = Type.Object({
  id: Type.String(),
  webhookId: Type.String(),
  eventId: Type.String({ description: 'The same for every attempt of one event (X-Fengkong-Delivery)' }),
  event: Type.String(),
  body: Type.String({ description: 'The JSON sent, exactly as signed' }),
  attempt: Type.Integer(),
  status: Type.String({ description: 'pending, sending, delivered, failed or dropped (the webhook was deleted)' }),
  responseCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  createdAt: Type.String(),
  nextAttemptAt: Nullable(Type.String()),
  attemptedAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
})

/** The webhooks notifications go to (alert.raised, case.closed, credit_hold.placed, credit_hold.lifted), signed with HMAC-SHA256. */
export const webhookRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function webhookRoutes(app, { store }) {
  const tags = ['webhooks']
  const access = 'webhooks.manage'

  app.post(
    '/api/v1/webhooks',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Register a webhook; its signing secret (given, or made) is in this answer only',
        body: StrictObject({
          url: Type.String({ minLength: 1, maxLength: 2000 }),
          secret: Type.Optional(Type.String({ minLength: 16, maxLength: 200 })),
          description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
        }),
        response: { 201: Type.Object({ ...WebhookFields, secret: Type.String() }), ...errorResponses() },
      },
    },
    async (request, reply) => reply.status(201).send(await createWebhook({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, ...request.body })),
  )

  app.get('/api/v1/webhooks', { config: { access }, schema: { tags, summary: 'The webhooks, without their secrets', response: { 200: Type.Object({ items: Type.Array(WebhookSchema) }), ...errorResponses() } } }, async () => ({
    items: await listWebhooks({ store }),
  }))

  app.delete(
    '/api/v1/webhooks/:id',
    { config: { access }, schema: { tags, summary: 'Delete a webhook: nothing more is sent to it; its delivery log stays', params: IdParams, response: { 204: Type.Null(), ...errorResponses('not_found') } } },
    async (request, reply) => {
      await deleteWebhook({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, webhookId: request.params.id })
      return reply.status(204).send(null)
    },
  )

  app.get(
    '/api/v1/webhooks/:id/deliveries',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The webhook’s delivery log: one row per attempt, newest first',
        params: IdParams,
        querystring: StrictObject({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) }),
        response: { 200: Type.Object({ items: Type.Array(DeliverySchema) }), ...errorResponses('not_found') },
      },
    },
    async (request) => ({ items: await listWebhookDeliveries({ store, webhookId: request.params.id, limit: request.query.limit ?? 100 }) }),
  )
}
