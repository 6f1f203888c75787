import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../app-error.ts'
import { CUSTOMER_TYPES, LIFECYCLE_STATUSES } from '../../domain/customers/index.ts'
import { CustomerInputSchema, CustomerPatchSchema, CustomerSchema } from '../../schemas/customer.ts'
import { createCustomer } from '../../services/customers/create-customer.ts'
import { deleteCustomer } from '../../services/customers/delete-customer.ts'
import { updateCustomer } from '../../services/customers/update-customer.ts'
import type { Store } from '../../store/open-store.ts'
import { CUSTOMER_SORTS, findCustomerById, listCustomers } from '../../store/repositories/customers.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, IdParams, Nullable, StrictObject } from '../schemas/common.ts'

const CustomerListQuery = StrictObject({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Fragment of a name or alias in any script, a registration id, an external id or a tag' })),
  status: Type.Optional(Type.Enum(LIFECYCLE_STATUSES)),
  type: Type.Optional(Type.Enum(CUSTOMER_TYPES)),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  industry: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'Industry code or its prefix (C finds all manufacturing)' })),
  ownerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  tag: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
  listed: Type.Optional(Type.Boolean()),
  sort: Type.Optional(Type.Enum(CUSTOMER_SORTS)),
  order: Type.Optional(Type.Enum(['asc', 'desc'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'nextCursor from the previous page' })),
})

const CustomerPage = Type.Object({ items: Type.Array(CustomerSchema), nextCursor: Nullable(Type.String()) })

export const customerRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function customerRoutes(app, { store }) {
  const actorOf = (request: Parameters<typeof principalOf>[0]) => ({ kind: 'user' as const, userId: principalOf(request).user.id })

  app.get(
    '/api/v1/customers',
    {
      config: { access: 'customers.read' },
      schema: { tags: ['customers'], summary: 'Search, filter, sort and page customers', querystring: CustomerListQuery, response: { 200: CustomerPage, ...errorResponses() } },
    },
    async (request) => {
      return listCustomers(store.db, { ...request.query, limit: request.query.limit ?? 50 })
    },
  )

  app.post(
    '/api/v1/customers',
    {
      config: { access: 'customers.write' },
      schema: { tags: ['customers'], summary: 'Create a customer', body: CustomerInputSchema, response: { 201: CustomerSchema, ...errorResponses('conflict') } },
    },
    async (request, reply) => reply.status(201).send(await createCustomer({ store, actor: actorOf(request), input: request.body })),
  )

  app.get(
    '/api/v1/customers/:id',
    {
      config: { access: 'customers.read' },
      schema: { tags: ['customers'], summary: 'One customer', params: IdParams, response: { 200: CustomerSchema, ...errorResponses('not_found') } },
    },
    async (request) => {
      const customer = await findCustomerById(store.db, request.params.id)
      if (!customer) throw new AppError('not_found', `no customer ${request.params.id}`)
      return customer
    },
  )

  app.patch(
    '/api/v1/customers/:id',
    {
      config: { access: 'customers.write' },
      schema: {
        tags: ['customers'],
        summary: 'Change some fields of a customer; send version to be refused (409) when someone else changed it first',
        params: IdParams,
        body: CustomerPatchSchema,
        response: { 200: CustomerSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => updateCustomer({ store, actor: actorOf(request), customerId: request.params.id, patch: request.body }),
  )

  app.delete(
    '/api/v1/customers/:id',
    {
      config: { access: 'customers.delete' },
      schema: { tags: ['customers'], summary: 'Delete a customer and every record of it (the audit ledger keeps the history)', params: IdParams, response: { 204: Type.Null(), ...errorResponses('not_found') } },
    },
    async (request, reply) => {
      await deleteCustomer({ store, actor: actorOf(request), customerId: request.params.id })
      return reply.status(204).send(null)
    },
  )
}
