import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CustomFieldDefinitionSchema, CustomFieldInputSchema, CustomFieldPatchSchema } from '../../schemas/custom-field.ts'
import { changeCustomField } from '../../services/custom-fields/change-custom-field.ts'
import { defineCustomField } from '../../services/custom-fields/define-custom-field.ts'
import { removeCustomField } from '../../services/custom-fields/remove-custom-field.ts'
import type { Store } from '../../store/open-store.ts'
import { listCustomFieldDefinitions } from '../../store/repositories/custom-fields.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, StrictObject } from '../schemas/common.ts'

export const customFieldRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function customFieldRoutes(app, { store }) {
  const tags = ['custom fields']
  const KeyParams = StrictObject({ key: Type.String({ minLength: 1, maxLength: 64 }) })
  const actorOf = (request: Parameters<typeof principalOf>[0]) => ({ kind: 'user' as const, userId: principalOf(request).user.id })

  app.get(
    '/api/v1/custom-fields',
    { config: { access: 'customers.read' }, schema: { tags, summary: 'The custom fields customers carry', response: { 200: Type.Object({ items: Type.Array(CustomFieldDefinitionSchema) }), ...errorResponses() } } },
    async () => ({ items: await listCustomFieldDefinitions(store.db) }),
  )

  app.post(
    '/api/v1/custom-fields',
    {
      config: { access: 'customFields.manage' },
      schema: { tags, summary: 'Define a custom field', body: CustomFieldInputSchema, response: { 201: CustomFieldDefinitionSchema, ...errorResponses('conflict') } },
    },
    async (request, reply) => reply.status(201).send(await defineCustomField({ store, actor: actorOf(request), input: request.body })),
  )

  app.patch(
    '/api/v1/custom-fields/:key',
    {
      config: { access: 'customFields.manage' },
      schema: { tags, summary: 'Relabel a custom field, change its options or whether it is required', params: KeyParams, body: CustomFieldPatchSchema, response: { 200: CustomFieldDefinitionSchema, ...errorResponses('not_found') } },
    },
    async (request) => changeCustomField({ store, actor: actorOf(request), key: request.params.key, patch: request.body }),
  )

  app.delete(
    '/api/v1/custom-fields/:key',
    {
      config: { access: 'customFields.manage' },
      schema: { tags, summary: 'Remove a custom field no customer holds a value for', params: KeyParams, response: { 204: Type.Null(), ...errorResponses('not_found', 'conflict') } },
    },
    async (request, reply) => {
      await removeCustomField({ store, actor: actorOf(request), key: request.params.key })
      return reply.status(204).send(null)
    },
  )
}
