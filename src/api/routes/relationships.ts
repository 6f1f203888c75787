import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { RelationshipInputSchema, RelationshipSchema, RelationshipViewSchema } from '../../schemas/relationship.ts'
import { assertCustomerExists } from '../../services/customer-records/record-checks.ts'
import { linkCustomers } from '../../services/relationships/link-customers.ts'
import { unlinkCustomers } from '../../services/relationships/unlink-customers.ts'
import type { Store } from '../../store/open-store.ts'
import { listRelationshipsOf } from '../../store/repositories/relationships.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, StrictObject } from '../schemas/common.ts'

export const relationshipRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function relationshipRoutes(app, { store }) {
  const base = '/api/v1/customers/:customerId/relationships'
  const tags = ['customer relationships']

  app.get(
    base,
    {
      config: { access: 'customers.read' },
      schema: {
        tags,
        summary: "A customer's ties to other customers, both directions",
        params: StrictObject({ customerId: Id }),
        response: { 200: Type.Object({ items: Type.Array(RelationshipViewSchema) }), ...errorResponses('not_found') },
      },
    },
    async (request) => {
      await assertCustomerExists(store.db, request.params.customerId)
      return { items: await listRelationshipsOf(store.db, request.params.customerId) }
    },
  )

  app.post(
    base,
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        summary: 'Link this customer to another: parent of, shareholder of (with %), guarantor of, or common beneficial owner with',
        params: StrictObject({ customerId: Id }),
        body: RelationshipInputSchema,
        response: { 201: RelationshipSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await linkCustomers({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, customerId: request.params.customerId, input: request.body })),
  )

  app.delete(
    `${base}/:id`,
    {
      config: { access: 'customers.write' },
      schema: { tags, summary: 'Remove a tie', params: StrictObject({ customerId: Id, id: Id }), response: { 204: Type.Null(), ...errorResponses('not_found') } },
    },
    async (request, reply) => {
      await unlinkCustomers({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, customerId: request.params.customerId, relationshipId: request.params.id })
      return reply.status(204).send(null)
    },
  )
}
