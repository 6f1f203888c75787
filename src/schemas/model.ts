import { Type, type Static } from 'typebox'
import type { CalibrationGroup, KsPoint, RocPoint, ScorecardModel } from '../domain/scoring/scorecard/index.ts'

/**
 * The model registry's records: a scorecard trained through Fengkong (its version, lifecycle
 * and metrics), the job that trains one, a customer's score and a portfolio run. Shared by the
 * API (validation, OpenAPI) and the services that build them. docs/scorecards.md#model-registry.
 */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

export const MODEL_STATUSES = ['draft', 'approved', 'retired'] as const
export type ModelStatus = (typeof MODEL_STATUSES)[number]

export const TRAINING_JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const
export type TrainingJobStatus = (typeof TRAINING_JOB_STATUSES)[number]

/** parse the file, then the trainer's phases, then save the model. */
export const TRAINING_PHASES = ['parse', 'bin', 'select', 'fit', 'validate', 'save'] as const
export type TrainingJobPhase = (typeof TRAINING_PHASES)[number]

export const MetricsSchema = Type.Object({
  rows: Type.Integer(),
  bads: Type.Integer(),
  auc: Type.Number(),
  gini: Type.Number(),
  ks: Type.Number(),
  psi: Nullable(Type.Number({ description: 'Of these scores against the training scores; null on the training rows' })),
})

export const ModelSummarySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Type.Integer({ description: '1, 2, 3… per name' }),
  status: Type.Enum(MODEL_STATUSES, { description: MODEL_STATUSES.join(' → ') }),
  trainedBy: Type.String(),
  trainedAt: Type.String(),
  dataSha256: Type.String({ description: 'SHA-256 of the training file as uploaded' }),
  rows: Type.Integer(),
  target: Type.String({ description: 'The column holding the outcome' }),
  bad: Type.String({ description: 'The outcome value that meant bad' }),
  metrics: Type.Object({ train: MetricsSchema, holdout: Nullable(MetricsSchema) }),
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  retiredAt: Nullable(Type.String()),
})

export const ModelValidationSchema = Type.Object({
  rows: Type.Enum(['holdout', 'train'] as const, { description: 'The rows the curves and calibration are drawn on: the holdout, or the training rows when nothing was held out' }),
  roc: Type.Array(Type.Object({ fpr: Type.Number(), tpr: Type.Number() }), { description: 'At most 101 points, from (0,0) to (1,1)' }),
  ks: Type.Array(Type.Object({ score: Type.Number(), cumBad: Type.Number(), cumGood: Type.Number() }), { description: 'At most 101 points, by rising score' }),
  calibration: Type.Array(Type.Unknown(), { description: 'By decile of score, riskiest first: rows, minScore, maxScore, predictedPd, observedBadRate, bads' }),
})

export const ModelDetailSchema = Type.Object({
  ...ModelSummarySchema.properties,
  scorecard: Type.Unknown({ description: 'The scorecard as `fengkong model train` writes it (format fengkong-scorecard/1): every bin and its points' }),
  validation: ModelValidationSchema,
})

export const TrainingJobSchema = Type.Object({
  id: Type.String(),
  status: Type.Enum(TRAINING_JOB_STATUSES),
  phase: Nullable(Type.Enum(TRAINING_PHASES, { description: TRAINING_PHASES.join(' → ') })),
  done: Type.Integer({ description: 'Steps done of the current phase (features while binning)' }),
  total: Type.Integer({ description: 'Steps of the current phase; 0 while queued' }),
  modelId: Nullable(Type.String({ description: 'The draft model, once the job succeeded' })),
  error: Nullable(Type.String({ description: 'Why the job failed, naming the column or line' })),
})

export const ReasonSchema = Type.Object({ feature: Type.String(), pointsLost: Type.Number({ description: 'Points below the best bin of the feature' }) })
export const FeatureValue = Nullable(Type.Union([Type.String(), Type.Number()]))

export const CustomerScoreSchema = Type.Object({
  modelId: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  customerId: Type.String(),
  score: Type.Number(),
  pd: Type.Number({ description: 'Probability of default, 0–1' }),
  reasons: Type.Array(ReasonSchema, { description: 'The (up to) three features that cost the most points, largest loss first' }),
  basePoints: Type.Number({ description: 'The points every customer starts from; score = basePoints + the sum of points' }),
  points: Type.Array(Type.Object({ feature: Type.String(), value: FeatureValue, bin: Type.String(), points: Type.Number() }), { description: "Each feature of the model: the customer's value, its bin and the bin's points" }),
  missing: Type.Array(Type.String(), { description: 'Features the model needs that the customer lacks: scored in their missing bin' }),
  scoredAt: Type.String(),
})

export const PortfolioScoreSchema = Type.Object({
  modelId: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  scored: Type.Integer(),
  meanPd: Nullable(Type.Number()),
  scoredAt: Type.String(),
  distribution: Type.Array(
    Type.Object({ decile: Type.Integer({ description: '1 = the lowest scores (riskiest tenth)' }), customers: Type.Integer(), minScore: Type.Number(), maxScore: Type.Number(), meanPd: Type.Number() }),
    { description: 'The customers by decile of score' },
  ),
})

export type ModelMetrics = Static<typeof MetricsSchema>
export type ModelSummary = Static<typeof ModelSummarySchema>
export type ModelValidation = { rows: 'holdout' | 'train'; roc: RocPoint[]; ks: KsPoint[]; calibration: CalibrationGroup[] }
export type ModelDetail = ModelSummary & { scorecard: ScorecardModel; validation: ModelValidation }
export type TrainingJob = Static<typeof TrainingJobSchema>
export type ScoreReason = Static<typeof ReasonSchema>
export type CustomerScore = Static<typeof CustomerScoreSchema>
export type PortfolioScore = Static<typeof PortfolioScoreSchema>
