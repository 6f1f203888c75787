import { Type, type TSchema } from 'typebox'
import { RATIO_CATEGORIES, RATIO_KEYS, Z_MODELS, Z_ZONES } from '../../domain/scoring/index.ts'
import { Nullable, StrictObject } from './common.ts'

/** Request and response schemas of the scoring routes: POST /api/v1/scoring/zscore and a customer's financial analysis. */

export const ZModelSchema = Type.Enum(Z_MODELS, {
  description: 'z: Altman 1968, listed manufacturers; z-prime: private firms; z-double-prime: non-manufacturers; z-double-prime-em: emerging markets',
})
export const X5CoefficientSchema = Type.Union([Type.Literal(1), Type.Literal(0.999)], {
  description: "Model z only: X5's coefficient, 1.0 (the ratio form, default) or 0.999 as the 1968 paper prints it",
})

const Amount = (description: string) => Type.Optional(Type.Number({ description: `${description}; any unit, the same for every amount` }))

export const ZScoreRequest = StrictObject({
  model: ZModelSchema,
  workingCapital: Amount('Current assets − current liabilities; every model'),
  retainedEarnings: Amount('Every model'),
  ebit: Amount('Earnings before interest and taxes, for a year; every model'),
  marketValueEquity: Amount('Market value of equity; model z'),
  bookValueEquity: Amount('Book value of equity; models z-prime, z-double-prime, z-double-prime-em'),
  sales: Amount('Revenue for a year; models z and z-prime'),
  totalAssets: Amount('Every model; greater than 0'),
  totalLiabilities: Amount('Every model; greater than 0'),
  x5Coefficient: Type.Optional(X5CoefficientSchema),
})

const Xs = (description: string) =>
  Type.Object({ x1: Type.Number(), x2: Type.Number(), x3: Type.Number(), x4: Type.Number(), x5: Nullable(Type.Number()) }, { description })
const Cutoffs = Type.Object(
  { distressBelow: Type.Number(), safeAbove: Type.Number() },
  { description: 'Above safeAbove: safe; below distressBelow: distress; on or between them: grey' },
)

const zTerms = {
  model: ZModelSchema,
  name: Type.String(),
  coefficients: Xs('Coefficient of each X; x5 is null for the four-variable models'),
  constant: Type.Number({ description: '3.25 for z-double-prime-em, else 0' }),
  cutoffs: Cutoffs,
  x5Coefficient: Nullable(Type.Number({ description: 'The X5 coefficient model z used; null for the other models' })),
  formula: Type.String(),
}

export const ZScoreResponse = Type.Object({
  ...zTerms,
  score: Type.Number(),
  zone: Type.Enum(Z_ZONES),
  components: Xs('The ratios X1–X5; x5 is null for the four-variable models'),
  inputs: Type.Record(Type.String(), Type.Number(), { description: 'The amounts the model read' }),
})

const Inputs = Type.Record(Type.String(), Nullable(Type.Number()), { description: 'The statement items read (minor units) and periodMonths; null where not reported' })

export const RatioSchema = Type.Object({
  label: Type.String(),
  category: Type.Enum(RATIO_CATEGORIES),
  unit: Type.Enum(['ratio', 'days'] as const),
  formula: Type.String(),
  inputs: Inputs,
  value: Nullable(Type.Number()),
  reason: Nullable(Type.String({ description: 'Why value is null, e.g. "needs items.inventory" or "division by zero: currentLiabilities is 0"' })),
  note: Nullable(Type.String({ description: 'A caution about a computed value, e.g. a negative denominator' })),
})

const RatiosSchema = Type.Object(Object.fromEntries(RATIO_KEYS.map((key) => [key, RatioSchema])) as Record<string, TSchema>)

const PeriodZScore = Type.Object({
  ...zTerms,
  modelReason: Type.String({ description: 'Why this model: the rule that chose it, or the override' }),
  score: Nullable(Type.Number()),
  zone: Nullable(Type.Enum(Z_ZONES)),
  reason: Nullable(Type.String({ description: 'Why score is null' })),
  components: Nullable(Xs('The ratios X1–X5')),
  inputs: Inputs,
})

const PeriodZmijewski = Type.Object({
  score: Nullable(Type.Number({ description: 'The probit index' })),
  probability: Nullable(Type.Number({ description: 'Φ(score)' })),
  predictsDistress: Nullable(Type.Boolean({ description: 'probability ≥ cutoff' })),
  reason: Nullable(Type.String()),
  components: Nullable(Type.Object({ returnOnAssets: Type.Number(), liabilitiesToAssets: Type.Number(), currentRatio: Type.Number() })),
  coefficients: Type.Object({ returnOnAssets: Type.Number(), liabilitiesToAssets: Type.Number(), currentRatio: Type.Number() }),
  constant: Type.Number(),
  cutoff: Type.Number(),
  formula: Type.String(),
  inputs: Inputs,
})

export const FinancialAnalysisQuery = StrictObject({
  model: Type.Optional(ZModelSchema),
  x5Coefficient: Type.Optional(X5CoefficientSchema),
})

export const FinancialAnalysisResponse = Type.Object({
  customerId: Type.String(),
  modelChoice: Type.Object({
    model: ZModelSchema,
    reason: Type.String(),
    overridden: Type.Boolean(),
    manufacturer: Type.Boolean({ description: 'Industry code in section C (GB/T 4754 / ISIC manufacturing)' }),
    developedMarket: Type.Boolean({ description: 'Country on the developed-markets list (docs/risk-models.md)' }),
  }),
  periods: Type.Array(
    Type.Object({
      statementId: Type.String(),
      periodEnd: Type.String(),
      periodMonths: Type.Integer(),
      currency: Type.String(),
      audited: Type.Boolean(),
      ratios: RatiosSchema,
      zScore: PeriodZScore,
      zmijewski: PeriodZmijewski,
    }),
    { description: 'One per stored statement, newest first' },
  ),
})
