import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { createApiKey } from '../../services/api-keys/create-api-key.ts'
import { revokeApiKey } from '../../services/api-keys/revoke-api-key.ts'
import type { Store } from '../../store/open-store.ts'
import { listApiKeys } from '../../store/repositories/api-keys.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, IdParams, StrictObject } from '../schemas/common.ts'
import { ApiKeySchema, CreateApiKeyBody, CreatedApiKey } from '../schemas/identity.ts'

export const apiKeyRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function apiKeyRoutes(app, { store }) {
  const access = 'apiKeys.manage' as const

  app.get(
    '/api/v1/api-keys',
    {
      config: { access },
      schema: {
        tags: ['api-keys'],
        summary: 'List API keys (never their secrets)',
        querystring: StrictObject({ userId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) }),
        response: { 200: Type.Object({ apiKeys: Type.Array(ApiKeySchema) }), ...errorResponses() },
      },
    },
    async (request) => ({ apiKeys: await listApiKeys(store.db, request.query) }),
  )

  app.post(
    '/api/v1/api-keys',
    {
      config: { access },
      schema: {
        tags: ['api-keys'],
        summary: 'Issue an API key; the response holds the secret, shown only this once',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, ...errorResponses('not_found') },
      },
    },
    async (request, reply) => {
      const caller = principalOf(request).user.id
      const { apiKey, secret } = await createApiKey({ store, actor: { kind: 'user', userId: caller }, userId: request.body.userId ?? caller, name: request.body.name })
      return reply.status(201).send({ apiKey, key: secret })
    },
  )

  app.delete(
    '/api/v1/api-keys/:id',
    {
      config: { access },
      schema: { tags: ['api-keys'], summary: 'Revoke an API key at once', params: IdParams, response: { 200: ApiKeySchema, ...errorResponses('not_found') } },
    },
    async (request) => revokeApiKey({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, apiKeyId: request.params.id }),
  )
}
