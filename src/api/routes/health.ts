import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import { Type } from 'typebox'
import type { Store } from '../../store/open-store.ts'

const Health = Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]) })

/** Liveness and store reachability, for load balancers and `npm start` smoke checks. No authentication. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function healthRoutes(app, { store }) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'Health check', security: [], response: { 200: Health, 503: Health } },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(store.db)
        return { status: 'ok' as const }
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const })
      }
    },
  )
}
