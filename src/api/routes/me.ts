import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { permissionsOf } from '../../domain/identity/index.ts'
import type { Store } from '../../store/open-store.ts'
import { updateOwnProfile } from '../../services/users/update-own-profile.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Nullable, StrictObject } from '../schemas/common.ts'
import { Language, MeSchema, Name, Password } from '../schemas/identity.ts'
import { Type } from 'typebox'

const OwnProfileBody = StrictObject({
  name: Type.Optional(Name),
  language: Type.Optional(Nullable(Language)),
  password: Type.Optional(Password),
  currentPassword: Type.Optional(Type.String({ minLength: 1, maxLength: 256, description: 'Needed with password' })),
})

export const meRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function meRoutes(app, { store }) {
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

  app.patch(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your own name, interface language (zh-CN or en) or password (with currentPassword; this signs you out everywhere)',
        body: OwnProfileBody,
        response: { 200: MeSchema, ...errorResponses() },
      },
    },
    async (request) => {
      const principal = principalOf(request)
      const user = await updateOwnProfile({ store, userId: principal.user.id, changes: request.body })
      return { user, permissions: permissionsOf(user.role), via: principal.via }
    },
  )
}
