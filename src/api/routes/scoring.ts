import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AppError } from '../../app-error.ts'
import { calculateZScore, describeZScoreProblem } from '../../domain/scoring/index.ts'
import { errorResponses } from '../schemas/common.ts'
import { ZScoreRequest, ZScoreResponse } from '../schemas/scoring.ts'

/**
 * Scores computed from figures the caller sends; nothing is read or stored. A model's
 * required amounts depend on the model, so they are checked here, each missing or unusable
 * one named in the 400 (marketValueEquity for model z).
 */
export const scoringRoutes: FastifyPluginAsyncTypebox = async function scoringRoutes(app) {
  app.post(
    '/api/v1/scoring/zscore',
    {
      config: { access: 'customers.read' },
      schema: {
        tags: ['scoring'],
        summary: 'Altman Z-score of the figures sent: score, zone, the ratios X1–X5, and the coefficients and cut-offs used',
        body: ZScoreRequest,
        response: { 200: ZScoreResponse, ...errorResponses() },
      },
    },
    async (request) => {
      const { model, x5Coefficient, ...inputs } = request.body
      const outcome = calculateZScore(model, inputs, x5Coefficient === undefined ? {} : { x5Coefficient })
      if (outcome.ok) return outcome.result
      const details = outcome.problems.map((problem) => ({ path: problem.input, message: describeZScoreProblem(model, problem) }))
      throw new AppError('validation_failed', details.map((d) => `${d.path} ${d.message}`).join('; '), { details })
    },
  )
}
