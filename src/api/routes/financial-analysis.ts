import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { analyseCustomerFinancials } from '../../services/scoring/analyse-customer-financials.ts'
import type { Store } from '../../store/open-store.ts'
import { errorResponses, Id, StrictObject } from '../schemas/common.ts'
import { FinancialAnalysisQuery, FinancialAnalysisResponse } from '../schemas/scoring.ts'

/**
 * A customer's financial analysis, computed on request from its stored statements (nothing
 * is stored): per period, newest first, the ratios, the Z-score of the model its profile
 * calls for and why, and Zmijewski's probability of distress.
 */
export const financialAnalysisRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function financialAnalysisRoutes(app, { store }) {
  app.get(
    '/api/v1/customers/:customerId/financial-analysis',
    {
      config: { access: 'customers.read' },
      schema: {
        tags: ['customers', 'scoring'],
        summary: "Ratios, Z-score and Zmijewski score of each of a customer's statements, newest first",
        params: StrictObject({ customerId: Id }),
        querystring: FinancialAnalysisQuery,
        response: { 200: FinancialAnalysisResponse, ...errorResponses('not_found') },
      },
    },
    async (request) => analyseCustomerFinancials({ store, customerId: request.params.customerId, ...request.query }),
  )
}
