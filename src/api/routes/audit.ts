import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { verifyAuditLedger } from '../../services/audit/verify-audit-ledger.ts'
import type { Store } from '../../store/open-store.ts'
import { listAuditEntries } from '../../store/repositories/audit-ledger.ts'
import { errorResponses } from '../schemas/common.ts'
import { AuditPage, AuditQuery, AuditVerification } from '../schemas/audit.ts'

export const auditRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function auditRoutes(app, { store }) {
  const access = 'audit.read' as const

  app.get(
    '/api/v1/audit',
    {
      config: { access },
      schema: {
        tags: ['audit'],
        summary: 'Audit entries, newest first, optionally for one entity or one record',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses() },
      },
    },
    async (request) => {
      const { entity, entityId, cursor } = request.query
      const limit = request.query.limit ?? 100
      const entries = await listAuditEntries(store.db, { entity, entityId, limit, afterSeq: cursor, order: 'desc' })
      return { entries, nextCursor: entries.length === limit ? entries[entries.length - 1]!.seq : null }
    },
  )

  app.get(
    '/api/v1/audit/verify',
    {
      config: { access },
      schema: { tags: ['audit'], summary: 'Re-hash the whole ledger and report the first broken entry', response: { 200: AuditVerification, ...errorResponses() } },
    },
    async () => {
      const result = await verifyAuditLedger({ store })
      return result.ok
        ? { ok: true, checked: result.checked, firstBadSeq: null, reason: null }
        : { ok: false, checked: result.checked, firstBadSeq: result.problem.seq, reason: result.problem.reason }
    },
  )
}
