import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { QuestionnaireDimensionsSchema, QuestionnaireVersionSchema } from '../../schemas/expert-assessment.ts'
import { defineQuestionnaire } from '../../services/expert/define-questionnaire.ts'
import type { Store } from '../../store/open-store.ts'
import { activeQuestionnaire, listQuestionnaires } from '../../store/repositories/questionnaires.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, StrictObject } from '../schemas/common.ts'

/** The expert questionnaire: the active version, every version, and defining a new one. */
export const questionnaireRoutes: FastifyPluginAsyncTypebox<{ store: Store }> = async function questionnaireRoutes(app, { store }) {
  const tags = ['expert assessment']

  app.get(
    '/api/v1/questionnaires/active',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: 'The questionnaire expert assessments are filled in now: the newest stored version, else the built-in one (version 0)', response: { 200: QuestionnaireVersionSchema, ...errorResponses() } },
    },
    async () => activeQuestionnaire(store.db),
  )

  app.get(
    '/api/v1/questionnaires',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: 'Every questionnaire version, newest (active) first; the built-in one (version 0) last', response: { 200: Type.Object({ items: Type.Array(QuestionnaireVersionSchema) }), ...errorResponses() } },
    },
    async () => ({ items: await listQuestionnaires(store.db) }),
  )

  app.post(
    '/api/v1/questionnaires',
    {
      config: { access: 'riskSettings.manage' },
      schema: {
        tags,
        summary: 'Define a new questionnaire version, which becomes the active one; every problem is named at once',
        body: StrictObject({ dimensions: QuestionnaireDimensionsSchema }),
        response: { 201: QuestionnaireVersionSchema, ...errorResponses('conflict') },
      },
    },
    async (request, reply) => {
      const created = await defineQuestionnaire({ store, actor: { kind: 'user', userId: principalOf(request).user.id }, dimensions: request.body.dimensions })
      return reply.status(201).send(created)
    },
  )
}
