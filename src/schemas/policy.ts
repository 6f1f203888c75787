import { Type, type Static } from 'typebox'
import { ROLES } from '../domain/identity/permissions.ts'
import { GRADE_ACTIONS, REVIEW_UNITS, type RiskPolicy, type WhatIfResult } from '../domain/policy/index.ts'
import { RATING_SIGNALS } from '../domain/scoring/rating/composite-rating.ts'

/**
 * The risk policy as the API reads and writes it: the document (validated here for shape,
 * by src/domain/policy/validate-policy.ts for meaning) and its versions. docs/policy.md.
 */
const Strict = <T extends Parameters<typeof Type.Object>[0]>(properties: T, options: { description?: string } = {}) => Type.Object(properties, { additionalProperties: false, ...options })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])
const Grade = Type.String({ minLength: 1, maxLength: 16 })
const PerGrade = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Record(Type.String({ minLength: 1, maxLength: 16 }), schema)

export const POLICY_STATUSES = ['draft', 'pending_approval', 'active', 'superseded', 'rejected'] as const
export type PolicyStatus = (typeof POLICY_STATUSES)[number]

export const RiskPolicySchema = Strict(
  {
    masterScale: Strict({
      version: Type.String({ maxLength: 100 }),
      grades: Type.Array(Strict({ grade: Grade, lower: Type.Number(), upper: Type.Number(), description: Type.String({ maxLength: 200 }) }), { maxItems: 30, description: 'Best grade first; PD bands [lower, upper) that meet and cover [0, 1]' }),
    }),
    ratingWeights: Strict({
      version: Type.String({ maxLength: 100 }),
      weights: Strict(Object.fromEntries(RATING_SIGNALS.map((signal) => [signal, Type.Number({ minimum: 0 })])) as Record<(typeof RATING_SIGNALS)[number], ReturnType<typeof Type.Number>>),
    }),
    thresholds: Strict({
      utilisationWarning: Type.Number({ description: 'outstanding / limit from which a customer is warned about' }),
      utilisationBreach: Type.Number({ description: 'outstanding / limit above which a customer is over its limit (1 = 100 %)' }),
      downgradeAlertNotches: Type.Integer(),
      watchListGrade: Grade,
    }),
    actionsPerGrade: PerGrade(Type.Array(Type.Enum(GRADE_ACTIONS), { maxItems: GRADE_ACTIONS.length })),
    reviewFrequencyPerGrade: PerGrade(Strict({ every: Type.Integer(), unit: Type.Enum(REVIEW_UNITS) })),
    limitRules: Strict({
      gradeScale: PerGrade(Type.Number()),
      percentages: Strict({ tangibleNetWorth: Type.Number(), workingCapital: Type.Number(), monthlySales: Type.Number() }),
      roundingUnit: Type.Integer({ description: 'Minor units the limit is rounded down to' }),
      defaultCreditTermsDays: Type.Integer(),
    }),
    approvalMatrix: Strict({
      currency: Type.String({ minLength: 3, maxLength: 3 }),
      rules: Type.Array(
        Strict({
          requestKind: Type.String({ minLength: 1, maxLength: 50 }),
          maxAmount: Nullable(Type.Integer({ description: 'Inclusive upper bound in minor units; null: any amount' })),
          grades: Type.Array(Grade, { maxItems: 30, description: 'Empty: any grade' }),
          role: Type.Enum(ROLES),
          approvers: Type.Integer(),
        }),
        { maxItems: 100, description: 'The first rule of the request kind that holds the amount and grade decides' },
      ),
    }),
    riskAppetite: Strict({ maxSingleNameShare: Type.Number(), maxIndustryShare: Type.Number() }),
  },
  { description: 'The risk policy document (docs/policy.md)' },
)

// The schema and the domain type describe the same document.
type _SameShape = Static<typeof RiskPolicySchema> extends RiskPolicy ? true : never
const _sameShape: _SameShape = true
void _sameShape

export const PolicyVersionSchema = Type.Object({
  id: Type.String(),
  version: Type.Integer({ description: '1, 2, 3…' }),
  status: Type.Enum(POLICY_STATUSES, { description: 'draft → pending_approval → active → superseded, or → rejected' }),
  document: RiskPolicySchema,
  note: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String(),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
  submittedBy: Nullable(Type.String()),
  submittedAt: Nullable(Type.String()),
  approvedBy: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  rejectedBy: Nullable(Type.String()),
  rejectedAt: Nullable(Type.String()),
  rejectionReason: Nullable(Type.String()),
  supersededAt: Nullable(Type.String()),
})

/** A version as stored and answered; its document is a RiskPolicy (checked below). */
export type PolicyVersion = Static<typeof PolicyVersionSchema>
export type PolicyDocument = Static<typeof RiskPolicySchema>

/** A version without its document: the versions list. */
export const PolicyVersionSummarySchema = Type.Omit(PolicyVersionSchema, ['document'])
export type PolicyVersionSummary = Omit<PolicyVersion, 'document'>

const Json = Type.Unknown({ description: 'Any JSON value' })

export const PolicyDiffSchema = Type.Object({
  from: Type.Object({ id: Type.String(), version: Type.Integer() }),
  to: Type.Object({ id: Type.String(), version: Type.Integer() }),
  changes: Type.Array(
    Type.Object({
      kind: Type.Enum(['changed', 'added', 'removed'] as const),
      path: Type.String({ description: 'masterScale.grades[3].upper' }),
      before: Json,
      after: Json,
    }),
  ),
})

const PolicyView = Type.Object({
  grade: Nullable(Type.String()),
  pd: Nullable(Type.Number()),
  limit: Nullable(Type.Integer({ description: 'Minor units' })),
  currency: Nullable(Type.String()),
  limitReason: Nullable(Type.String()),
  utilisation: Nullable(Type.Number({ description: 'outstanding / limit' })),
})

const AlertCount = Type.Object({ before: Type.Integer(), after: Type.Integer() })

/** A version run over the current portfolio beside the active one. */
export type PolicyWhatIf = WhatIfResult & { active: { id: string; version: number }; candidate: { id: string; version: number; status: string } }

export const PolicyWhatIfSchema = Type.Object({
  active: Type.Object({ id: Type.String(), version: Type.Integer() }),
  candidate: Type.Object({ id: Type.String(), version: Type.Integer(), status: Type.String() }),
  customers: Type.Array(
    Type.Object({
      customerId: Type.String(),
      name: Type.String(),
      industryCode: Nullable(Type.String()),
      before: PolicyView,
      after: PolicyView,
      gradeChange: Type.Enum(['unchanged', 'upgrade', 'downgrade', 'now_rated', 'no_longer_rated'] as const),
      notches: Nullable(Type.Integer({ description: 'Positive: worse' })),
      limitChange: Nullable(Type.Integer()),
    }),
  ),
  summary: Type.Object({
    customers: Type.Integer(),
    upgrades: Type.Integer(),
    downgrades: Type.Integer(),
    unchanged: Type.Integer(),
    nowRated: Type.Integer(),
    noLongerRated: Type.Integer(),
    limitsChanged: Type.Integer(),
    limitTotals: Type.Array(Type.Object({ currency: Type.String(), before: Type.Integer(), after: Type.Integer() })),
    alertCounts: Type.Object({
      utilisation_breach: AlertCount,
      utilisation_warning: AlertCount,
      downgrade: AlertCount,
      watch_list: AlertCount,
      single_name_concentration: AlertCount,
      industry_concentration: AlertCount,
    }),
  }),
  alerts: Type.Array(
    Type.Object({
      kind: Type.String(),
      customerId: Nullable(Type.String()),
      industryCode: Nullable(Type.String()),
      currency: Nullable(Type.String()),
      value: Nullable(Type.Number()),
      threshold: Type.Union([Type.Number(), Type.String()]),
      message: Type.String(),
      isNew: Type.Boolean({ description: 'Raised by the candidate, not by the active policy' }),
    }),
  ),
})

export const PolicyAttestationSchema = Type.Object({ policyVersionId: Type.String(), version: Type.Integer(), userId: Type.String(), attestedAt: Type.String() })

const AttestationUser = { id: Type.String(), email: Type.String(), name: Type.String(), role: Type.String() }

export const AttestationReportSchema = Type.Object({
  policyVersionId: Type.String(),
  version: Type.Integer(),
  attested: Type.Array(Type.Object({ ...AttestationUser, attestedAt: Type.String() })),
  notAttested: Type.Array(Type.Object(AttestationUser)),
})
