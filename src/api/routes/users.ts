import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../app-error.ts'
import { createUser } from '../../services/users/create-user.ts'
import { updateUser } from '../../services/users/update-user.ts'
import type { Store } from '../../store/open-store.ts'
import { findUserRowById, listUsers, toUser } from '../../store/repositories/users.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, IdParams } from '../schemas/common.ts'
import { CreateUserBody, UpdateUserBody, UserListQuery, UserSchema } from '../schemas/identity.ts'

export const userRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function userRoutes(app, { store }) {
  const access = 'users.manage' as const

  app.get(
    '/api/v1/users',
    {
      config: { access },
      schema: { tags: ['users'], summary: 'List users', querystring: UserListQuery, response: { 200: Type.Object({ users: Type.Array(UserSchema) }), ...errorResponses() } },
    },
    async (request) => ({ users: await listUsers(store.db, request.query) }),
  )

  app.post(
    '/api/v1/users',
    {
      config: { access },
      schema: { tags: ['users'], summary: 'Create a user', body: CreateUserBody, response: { 201: UserSchema, ...errorResponses('conflict') } },
    },
    async (request, reply) => {
      const user = await createUser({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, input: request.body })
      return reply.status(201).send(user)
    },
  )

  app.get(
    '/api/v1/users/:id',
    {
      config: { access },
      schema: { tags: ['users'], summary: 'One user', params: IdParams, response: { 200: UserSchema, ...errorResponses('not_found') } },
    },
    async (request) => {
      const row = await findUserRowById(store.db, request.params.id)
      if (!row) throw new AppError('not_found', `no user ${request.params.id}`)
      return toUser(row)
    },
  )

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access },
      schema: {
        tags: ['users'],
        summary: 'Change a user: name, role, team, active, language or password (deactivating or a new password ends their sessions)',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) =>
      updateUser({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, userId: request.params.id, changes: request.body }),
  )
}
