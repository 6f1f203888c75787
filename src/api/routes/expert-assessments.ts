import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { AnswersSchema, ExpertAssessmentSchema } from '../../schemas/expert-assessment.ts'
import { assertCustomerExists } from '../../services/customer-records/record-checks.ts'
import { fillQuestionnaire } from '../../services/expert/fill-questionnaire.ts'
import type { Store } from '../../store/open-store.ts'
import { listExpertAssessments } from '../../store/repositories/expert-assessments.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, StrictObject } from '../schemas/common.ts'

const CustomerParams = StrictObject({ customerId: Id })

/** A customer's filled expert questionnaires; the newest score feeds the next assessment. */
export const expertAssessmentRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function expertAssessmentRoutes(app, { store }) {
  const tags = ['expert assessment']

  app.post(
    '/api/v1/customers/:customerId/expert-assessments',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        summary: 'Answer the active questionnaire for a customer: scored, stored and audited; unanswered questions are listed in missing',
        params: CustomerParams,
        body: StrictObject({ answers: AnswersSchema, comment: Type.Optional(Type.String({ maxLength: 4000 })) }),
        response: { 201: ExpertAssessmentSchema, ...errorResponses('not_found') },
      },
    },
    async (request, reply) => {
      const created = await fillQuestionnaire({
        store,
        actor: { kind: 'user', userId: principalOf(request).user.id },
        customerId: request.params.customerId,
        answers: request.body.answers,
        comment: request.body.comment ?? null,
      })
      return reply.status(201).send(created)
    },
  )

  app.get(
    '/api/v1/customers/:customerId/expert-assessments',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: "A customer's expert assessments, newest first", params: CustomerParams, response: { 200: Type.Object({ items: Type.Array(ExpertAssessmentSchema) }), ...errorResponses('not_found') } },
    },
    async (request) => {
      await assertCustomerExists(store.db, request.params.customerId)
      return { items: await listExpertAssessments(store.db, request.params.customerId) }
    },
  )
}
