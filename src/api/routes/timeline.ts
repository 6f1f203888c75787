import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { assertCustomerExists } from '../../services/customer-records/record-checks.ts'
import type { Store } from '../../store/open-store.ts'
import { listAuditEntries } from '../../store/repositories/audit-ledger.ts'
import { errorResponses, Id, Nullable, StrictObject } from '../schemas/common.ts'

const TimelineItem = Type.Object({
  seq: Type.Integer({ description: 'The audit ledger entry this item is' }),
  at: Type.String(),
  actor: Type.String(),
  actorName: Nullable(Type.String({ description: 'The user behind actor, when it is one' })),
  action: Type.String({ description: 'e.g. customer.updated, interaction.created, document.uploaded' }),
  entity: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
})

/**
 * A customer's history, newest first: every change to it and to its records, and every
 * interaction logged, straight from the audit ledger, so the timeline and the verifiable
 * record can never disagree.
 */
export const timelineRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function timelineRoutes(app, { store }) {
  app.get(
    '/api/v1/customers/:customerId/timeline',
    {
      config: { access: 'customers.read' },
      schema: {
        tags: ['customers'],
        summary: "A customer's history, newest first",
        params: StrictObject({ customerId: Id }),
        querystring: StrictObject({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
          cursor: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: Type.Object({ items: Type.Array(TimelineItem), nextCursor: Nullable(Type.Integer()) }), ...errorResponses('not_found') },
      },
    },
    async (request) => {
      await assertCustomerExists(store.db, request.params.customerId)
      const limit = request.query.limit ?? 50
      const entries = await listAuditEntries(store.db, { customerId: request.params.customerId, afterSeq: request.query.cursor, limit, order: 'desc' })
      const userIds = [...new Set(entries.map((e) => /^user:(.+)$/.exec(e.actor)?.[1]).filter((id): id is string => Boolean(id)))]
      const names = new Map<string, string>()
      if (userIds.length > 0) {
        for (const user of await store.db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute()) names.set(`user:${user.id}`, user.name)
      }
      return {
        items: entries.map(({ seq, at, actor, action, entity, entityId, before, after }) => ({ seq, at, actor, actorName: names.get(actor) ?? null, action, entity, entityId, before, after })),
        nextCursor: entries.length === limit ? entries[entries.length - 1]!.seq : null,
      }
    },
  )
}
