import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { MIN_JUSTIFICATION_LENGTH } from '../../domain/scoring/index.ts'
import { overrideRating } from '../../services/assessments/override-rating.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, StrictObject } from '../schemas/common.ts'
import { AssessmentSchema } from './assessments.ts'

/** An analyst's override of an assessment's grade, justified and audited. */
export const ratingOverrideRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function ratingOverrideRoutes(app, { store }) {
  app.post(
    '/api/v1/assessments/:assessmentId/override',
    {
      config: { access: 'ratings.override' },
      schema: {
        tags: ['risk assessment'],
        summary: "Override an assessment's grade; the model's grade stays beside it. Overriding again replaces the override (the ledger keeps both)",
        params: StrictObject({ assessmentId: Id }),
        body: StrictObject({
          grade: Type.String({ minLength: 1, maxLength: 16, description: 'A grade of the master scale, e.g. BB' }),
          justification: Type.String({ maxLength: 4000, description: `Why, in at least ${MIN_JUSTIFICATION_LENGTH} characters` }),
        }),
        response: { 200: AssessmentSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) =>
      overrideRating({
        store,
        actor: { kind: 'user', userId: principalOf(request).user.id },
        assessmentId: request.params.assessmentId,
        grade: request.body.grade,
        justification: request.body.justification,
      }),
  )
}
