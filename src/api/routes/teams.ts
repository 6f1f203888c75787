import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AppError } from '../../app-error.ts'
import { createTeam } from '../../services/teams/create-team.ts'
import { deleteTeam } from '../../services/teams/delete-team.ts'
import { updateTeam } from '../../services/teams/update-team.ts'
import type { Store } from '../../store/open-store.ts'
import { findTeamById, listTeams } from '../../store/repositories/teams.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, IdParams } from '../schemas/common.ts'
import { CreateTeamBody, TeamSchema, UpdateTeamBody } from '../schemas/identity.ts'

export const teamRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function teamRoutes(app, { store }) {
  const access = 'teams.manage' as const
  const actorOf = (request: Parameters<typeof principalOf>[0]) => ({ kind: 'user' as const, userId: principalOf(request).user.id })

  app.get(
    '/api/v1/teams',
    { config: { access }, schema: { tags: ['teams'], summary: 'List teams', response: { 200: Type.Object({ teams: Type.Array(TeamSchema) }), ...errorResponses() } } },
    async () => ({ teams: await listTeams(store.db) }),
  )

  app.post(
    '/api/v1/teams',
    { config: { access }, schema: { tags: ['teams'], summary: 'Create a team', body: CreateTeamBody, response: { 201: TeamSchema, ...errorResponses('conflict') } } },
    async (request, reply) => reply.status(201).send(await createTeam({ store, actor: actorOf(request), input: request.body })),
  )

  app.get(
    '/api/v1/teams/:id',
    { config: { access }, schema: { tags: ['teams'], summary: 'One team', params: IdParams, response: { 200: TeamSchema, ...errorResponses('not_found') } } },
    async (request) => {
      const team = await findTeamById(store.db, request.params.id)
      if (!team) throw new AppError('not_found', `no team ${request.params.id}`)
      return team
    },
  )

  app.patch(
    '/api/v1/teams/:id',
    {
      config: { access },
      schema: { tags: ['teams'], summary: 'Rename or describe a team', params: IdParams, body: UpdateTeamBody, response: { 200: TeamSchema, ...errorResponses('not_found', 'conflict') } },
    },
    async (request) => updateTeam({ store, actor: actorOf(request), teamId: request.params.id, changes: request.body }),
  )

  app.delete(
    '/api/v1/teams/:id',
    {
      config: { access },
      schema: { tags: ['teams'], summary: 'Delete an empty team', params: IdParams, response: { 204: Type.Null(), ...errorResponses('not_found', 'conflict') } },
    },
    async (request, reply) => {
      await deleteTeam({ store, actor: actorOf(request), teamId: request.params.id })
      return reply.status(204).send(null)
    },
  )
}
