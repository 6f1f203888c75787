import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { permissionsOf } from '../../domain/identity/index.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses } from '../schemas/common.ts'
import { MeSchema } from '../schemas/identity.ts'

export const meRoutes: FastifyPluginAsyncTypebox = async function meRoutes(app) {
  app.get(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'The signed-in user and what their role may do', response: { 200: MeSchema, ...errorResponses() } },
    },
    async (request) => {
      const principal = principalOf(request)
      return { user: principal.user, permissions: permissionsOf(principal.user.role), via: principal.via }
    },
  )
}
