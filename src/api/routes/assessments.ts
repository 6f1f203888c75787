import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { assessCustomer } from '../../services/assessments/assess-customer.ts'
import { listAssessments } from '../../services/assessments/list-assessments.ts'
import { assertCustomerExists } from '../../services/customer-records/record-checks.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, Nullable, StrictObject } from '../schemas/common.ts'

export const AssessmentSchema = Type.Object({
  id: Type.String(),
  customerId: Type.String(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  grade: Nullable(Type.String({ description: 'Grade on the master scale, null when the customer could not be rated' })),
  pd: Nullable(Type.Number({ description: 'Probability of default, 0–1' })),
  creditLimit: Nullable(Type.Integer({ description: 'Recommended limit in minor units of currency' })),
  currency: Nullable(Type.String()),
  weightsVersion: Type.String(),
  scaleVersion: Type.String(),
  inputs: Type.Unknown({ description: 'Everything the assessment read: latest statement, Z-score, bureau record, contract terms, expert score, industry risk' }),
  rating: Type.Unknown({ description: 'The composite rating: PD, grade, each signal’s contribution, reason codes ordered by adverse push' }),
  limit: Type.Unknown({ description: 'The limit recommendation with every candidate, its formula and inputs, or null' }),
  limitReason: Nullable(Type.String()),
  override: Nullable(
    Type.Object(
      {
        fromGrade: Type.String({ description: "The model's grade" }),
        toGrade: Type.String(),
        notches: Type.Integer({ description: 'Positive is a downgrade (towards D), negative an upgrade' }),
        direction: Type.Enum(['upgrade', 'downgrade', 'none'] as const),
        justification: Type.String(),
        by: Type.String({ description: 'Who overrode, e.g. user:<id>' }),
        at: Type.String(),
      },
      { description: "An analyst's override of the grade, or null" },
    ),
  ),
  finalGrade: Nullable(Type.String({ description: "The override's grade, else the model's grade" })),
})

const CustomerParams = StrictObject({ customerId: Id })

export const assessmentRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function assessmentRoutes(app, { store }) {
  const tags = ['risk assessment']

  app.post(
    '/api/v1/customers/:customerId/assessments',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        summary: 'Assess a customer now: composite rating with reasons and a credit-limit recommendation, stored with its inputs',
        params: CustomerParams,
        body: Type.Optional(
          StrictObject({
            expertScore: Type.Optional(
              Nullable(Type.Number({ minimum: 0, maximum: 100, description: "0–100. Left out: the customer's newest expert assessment's score; null: rate without an expert score" })),
            ),
          }),
        ),
        response: { 201: AssessmentSchema, ...errorResponses('not_found') },
      },
    },
    async (request, reply) => {
      const assessment = await assessCustomer({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, customerId: request.params.customerId, expertScore: request.body?.expertScore })
      return reply.status(201).send(assessment)
    },
  )

  app.get(
    '/api/v1/customers/:customerId/assessments',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: "A customer's assessments, newest first: the rating trend", params: CustomerParams, response: { 200: Type.Object({ items: Type.Array(AssessmentSchema) }), ...errorResponses('not_found') } },
    },
    async (request) => {
      await assertCustomerExists(store.db, request.params.customerId)
      return { items: await listAssessments(store, request.params.customerId) }
    },
  )
}
