import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { Config } from '../../config.ts'
import { CustomerScoreSchema, ModelDetailSchema, ModelSummarySchema, PortfolioScoreSchema, TrainingJobSchema } from '../../schemas/model.ts'
import { approveModel } from '../../services/models/approve-model.ts'
import { getModel } from '../../services/models/get-model.ts'
import { getTrainingJob } from '../../services/models/get-training-job.ts'
import { listModels } from '../../services/models/list-models.ts'
import { createModelTrainingRunner } from '../../services/models/model-training-runner.ts'
import { retireModel } from '../../services/models/retire-model.ts'
import { scoreCustomer } from '../../services/models/score-customer.ts'
import { scorePortfolio } from '../../services/models/score-portfolio.ts'
import { DEFAULT_HOLDOUT_FRACTION, MODEL_NAME_MAX } from '../../services/models/train-model.ts'
import type { Store } from '../../store/open-store.ts'
import { principalOf } from '../auth/access-control.ts'
import { errorResponses, Id, IdParams, StrictObject } from '../schemas/common.ts'

const TrainingQuery = StrictObject({
  name: Type.String({ minLength: 1, maxLength: MODEL_NAME_MAX, description: 'The registry name; each training of a name is its next version' }),
  target: Type.String({ minLength: 1, maxLength: 200, description: 'The column holding the outcome' }),
  bad: Type.String({ minLength: 1, maxLength: 200, description: 'The outcome value that means bad (every other value is good)' }),
  holdoutFraction: Type.Optional(Type.Number({ minimum: 0, exclusiveMaximum: 1, default: DEFAULT_HOLDOUT_FRACTION, description: 'Share of rows held out to validate on (stratified, seeded)' })),
  exclude: Type.Optional(Type.String({ maxLength: 4000, description: 'Comma-separated columns that are not features (ids, dates, outcomes known only later)' })),
})
const ScoreBody = Type.Optional(StrictObject({ modelId: Type.Optional(Id) }))
const CustomerParams = StrictObject({ customerId: Id })

/**
 * The credit-scorecard model registry (docs/scorecards.md#model-registry): train from a CSV
 * file as a background job, read models with their validation, approve (four eyes) and
 * retire them, and score a customer or the whole portfolio.
 */
export const modelRoutes: FastifyPluginAsyncTypebox<{ store: Store; config: Config }> = async function modelRoutes(app, { store, config }) {
  const tags = ['models']
  const runner = createModelTrainingRunner(store)
  // Jobs a stop cut off are marked failed as the server starts, and in any case before the first job is read or started.
  const recovering = runner.recover().catch(() => {})
  app.addHook('onClose', async () => {
    await recovering
    await runner.settle()
  })
  const actorOf = (request: Parameters<typeof principalOf>[0]) => ({ kind: 'user' as const, userId: principalOf(request).user.id })

  // The training file arrives as bytes, whatever its content type, on this route only.
  const trainingUpload: FastifyPluginAsyncTypebox = async function trainingUpload(scope) {
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: config.importLimit }, (_request, body, done) => done(null, body))
    scope.post(
      '/api/v1/models/training-jobs',
      {
        config: { access: 'models.train' },
        bodyLimit: config.importLimit,
        schema: {
          tags,
          summary: 'Train a scorecard from a CSV file (the raw request body) into a draft model: answers 202 with the job',
          querystring: TrainingQuery,
          response: { 202: TrainingJobSchema, ...errorResponses('payload_too_large') },
        },
      },
      async (request, reply) => {
        const csv = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
        const { name, target, bad, holdoutFraction, exclude } = request.query
        const job = await runner.start({ actor: actorOf(request), csv, name, target, bad, holdoutFraction, exclude: exclude ? exclude.split(',') : [] })
        return reply.status(202).send(job)
      },
    )
  }
  await app.register(trainingUpload)

  app.get(
    '/api/v1/models/training-jobs/:id',
    {
      config: { access: 'models.train' },
      schema: { tags, summary: 'A training job: status, phase, progress, and the model or the error it ended with', params: IdParams, response: { 200: TrainingJobSchema, ...errorResponses('not_found') } },
    },
    async (request) => {
      await runner.recover()
      return getTrainingJob({ store, jobId: request.params.id })
    },
  )

  app.get(
    '/api/v1/models',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: 'Every model in the registry, by name and newest version first', response: { 200: Type.Object({ items: Type.Array(ModelSummarySchema) }), ...errorResponses() } },
    },
    async () => ({ items: await listModels({ store }) }),
  )

  app.get(
    '/api/v1/models/:id',
    {
      config: { access: 'customers.read' },
      schema: { tags, summary: 'One model with its scorecard and validation: ROC and KS curves, calibration by decile', params: IdParams, response: { 200: ModelDetailSchema, ...errorResponses('not_found') } },
    },
    async (request) => getModel({ store, modelId: request.params.id }),
  )

  app.post(
    '/api/v1/models/:id/approve',
    {
      config: { access: 'models.approve' },
      schema: {
        tags,
        summary: 'Approve a draft model (not by the user who trained it); the approved version of the same name is retired',
        params: IdParams,
        response: { 200: ModelSummarySchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => approveModel({ store, actor: actorOf(request), modelId: request.params.id }),
  )

  app.post(
    '/api/v1/models/:id/retire',
    {
      config: { access: 'models.approve' },
      schema: { tags, summary: 'Retire a draft or approved model', params: IdParams, response: { 200: ModelSummarySchema, ...errorResponses('not_found', 'conflict') } },
    },
    async (request) => retireModel({ store, actor: actorOf(request), modelId: request.params.id }),
  )

  app.post(
    '/api/v1/models/:id/portfolio-scores',
    {
      config: { access: 'models.approve' },
      schema: {
        tags,
        summary: 'Score every customer with this model, replacing their previous scores by it: the count, mean PD and scores by decile',
        params: IdParams,
        response: { 200: PortfolioScoreSchema, ...errorResponses('not_found') },
      },
    },
    async (request) => scorePortfolio({ store, actor: actorOf(request), modelId: request.params.id }),
  )

  app.post(
    '/api/v1/customers/:customerId/scores',
    {
      config: { access: 'customers.write' },
      schema: {
        tags,
        summary: 'Score a customer with the approved model (or the model named): score, PD, reasons, points per feature and missing features',
        params: CustomerParams,
        body: ScoreBody,
        response: { 200: CustomerScoreSchema, ...errorResponses('not_found', 'conflict') },
      },
    },
    async (request) => scoreCustomer({ store, actor: actorOf(request), customerId: request.params.customerId, modelId: request.body?.modelId ?? null }),
  )
}
