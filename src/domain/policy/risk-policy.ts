import type { Role } from '../identity/permissions.ts'
import type { MasterScale } from '../scoring/rating/master-scale.ts'
import type { RatingWeights } from '../scoring/rating/composite-rating.ts'
import type { CreditLimitPercentages, GradeScale } from '../scoring/credit-limit.ts'

/**
 * The risk policy: one document that says how customers are graded, what each grade means
 * for their limit, their review and what is done about them, who approves what, and how much
 * concentration the portfolio may carry. It is versioned: every change is a new draft, made
 * active only by a second user (maker-checker), and any two versions can be diffed.
 *
 * Grades are the master scale's; every per-grade table (actions, review frequency, the limit
 * rules' grade factors) has exactly one entry per grade of the scale (validate-policy.ts).
 * Money is integer minor units of `approvalMatrix.currency`; shares and ratios are fractions
 * (0.25 = 25 %).
 */
export type RiskPolicy = {
  masterScale: MasterScale
  ratingWeights: RatingWeights
  thresholds: PolicyThresholds
  actionsPerGrade: Readonly<Record<string, readonly GradeAction[]>>
  reviewFrequencyPerGrade: Readonly<Record<string, ReviewFrequency>>
  limitRules: LimitRules
  approvalMatrix: ApprovalMatrix
  riskAppetite: RiskAppetite
}

/** Levels that turn a figure into an alert (what-if.ts says which it evaluates). */
export type PolicyThresholds = {
  /** Utilisation (outstanding / limit) at or above which a customer is warned about; below the breach level. */
  utilisationWarning: number
  /** Utilisation above which a customer is over its limit (1 = 100 %). */
  utilisationBreach: number
  /** A downgrade by this many notches or more at once is an alert. */
  downgradeAlertNotches: number
  /** Customers graded this grade or worse are on the watch list. */
  watchListGrade: string
}

/** What is done with a customer of a grade, as codes the UI translates. */
export const GRADE_ACTIONS = [
  'standard_terms',
  'monitor',
  'require_guarantee',
  'require_collateral',
  'reduce_terms',
  'cash_in_advance',
  'credit_hold',
  'collections',
] as const
export type GradeAction = (typeof GRADE_ACTIONS)[number]

export const REVIEW_UNITS = ['days', 'months'] as const
export type ReviewUnit = (typeof REVIEW_UNITS)[number]
/** A customer of the grade is reviewed every `every` days or months. */
export type ReviewFrequency = { every: number; unit: ReviewUnit }

/** How an assessment turns a grade into a recommended limit (credit-limit.ts). */
export type LimitRules = {
  /** Grade → factor in [0, 1] applied to the smallest candidate. */
  gradeScale: GradeScale
  percentages: CreditLimitPercentages
  /** Minor units the limit is rounded down to. */
  roundingUnit: number
  /** Days of credit assumed when the customer has no active contract saying otherwise. */
  defaultCreditTermsDays: number
}

/**
 * Who approves a request: the first rule of the request's kind whose amount band and grades
 * hold the request decides (approval-route.ts). Each kind ends with a catch-all rule
 * (`maxAmount` null, `grades` empty) so every request has a route.
 */
export type ApprovalMatrix = {
  /** The currency of every rule's `maxAmount`. */
  currency: string
  rules: readonly ApprovalRule[]
}

export type ApprovalRule = {
  /** What is asked for, e.g. `credit_limit`. */
  requestKind: string
  /** Inclusive upper bound of the band in minor units; null: no upper bound. */
  maxAmount: number | null
  /** The grades the rule applies to; empty: every grade. */
  grades: readonly string[]
  /** The role each approver must have. */
  role: Role
  /** How many different users of that role must approve. */
  approvers: number
}

/** How concentrated the portfolio may be: shares of the total, as fractions in (0, 1]. */
export type RiskAppetite = {
  /** The largest share one customer may hold. */
  maxSingleNameShare: number
  /** The largest share one industry (GB/T 4754 code) may hold. */
  maxIndustryShare: number
}
