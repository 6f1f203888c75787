import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { IndustryRiskTableSchema, IndustryRiskTableVersionSchema } from '../../schemas/expert-assessment.ts'
import { setIndustryRiskTable } from '../../services/expert/set-industry-risk-table.ts'
import type { Store } from '../../store/open-store.ts'
import { activeIndustryRiskTable } from '../../store/repositories/industry-risk-tables.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, StrictObject } from '../schemas/common.ts'

/** The industry risk table assessments read their industry signal from. */
export const industryRiskRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function industryRiskRoutes(app, { store }) {
  const tags = ['risk assessment']

  app.get(
    '/api/v1/industry-risk',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: 'The active industry risk table: the newest stored version, else the built-in one (version 0)', response: { 200: IndustryRiskTableVersionSchema, ...errorResponses() } },
    },
    async () => activeIndustryRiskTable(store.db),
  )

  app.put(
    '/api/v1/industry-risk',
    {
      config: { access: 'riskSettings.manage' },
      schema: {
        tags,
        summary: 'Replace the industry risk table with a new version, used by the next assessments',
        body: StrictObject({ table: IndustryRiskTableSchema }),
        response: { 200: IndustryRiskTableVersionSchema, ...errorResponses('conflict') },
      },
    },
    async (request) => setIndustryRiskTable({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, table: request.body.table }),
  )
}
