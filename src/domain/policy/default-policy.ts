import { DEFAULT_CREDIT_LIMIT_PERCENTAGES, DEFAULT_CREDIT_LIMIT_ROUNDING_UNIT, DEFAULT_GRADE_SCALE } from '../scoring/credit-limit.ts'
import { DEFAULT_RATING_WEIGHTS } from '../scoring/rating/composite-rating.ts'
import { DEFAULT_MASTER_SCALE } from '../scoring/rating/master-scale.ts'
import type { RiskPolicy } from './risk-policy.ts'

/**
 * Fengkong's default policy, built from the scoring defaults, so an installation that never
 * edits its policy rates and limits customers exactly as before the policy existed:
 * the default master scale and rating weights, the default grade factors, percentages and
 * rounding of the credit limit, and 30 days of credit when no contract says otherwise.
 *
 * The rest is a starting point to edit, not an estimate: reviews yearly for the investment
 * grades (AAA–A), half-yearly for BBB, quarterly for BB and monthly from B down; limits up to
 * 5,000,000.00 CNY on BBB or better approved by one risk manager, anything else by two admins.
 */
export const DEFAULT_RISK_POLICY: RiskPolicy = {
  masterScale: DEFAULT_MASTER_SCALE,
  ratingWeights: DEFAULT_RATING_WEIGHTS,
  thresholds: { utilisationWarning: 0.9, utilisationBreach: 1, downgradeAlertNotches: 2, watchListGrade: 'B' },
  actionsPerGrade: {
    AAA: ['standard_terms'],
    AA: ['standard_terms'],
    A: ['standard_terms'],
    BBB: ['standard_terms', 'monitor'],
    BB: ['monitor', 'require_guarantee'],
    B: ['monitor', 'require_collateral', 'reduce_terms'],
    CCC: ['cash_in_advance', 'require_collateral'],
    D: ['credit_hold', 'collections'],
  },
  reviewFrequencyPerGrade: {
    AAA: { every: 12, unit: 'months' },
    AA: { every: 12, unit: 'months' },
    A: { every: 12, unit: 'months' },
    BBB: { every: 6, unit: 'months' },
    BB: { every: 3, unit: 'months' },
    B: { every: 1, unit: 'months' },
    CCC: { every: 1, unit: 'months' },
    D: { every: 1, unit: 'months' },
  },
  limitRules: {
    gradeScale: DEFAULT_GRADE_SCALE,
    percentages: DEFAULT_CREDIT_LIMIT_PERCENTAGES,
    roundingUnit: DEFAULT_CREDIT_LIMIT_ROUNDING_UNIT,
    defaultCreditTermsDays: 30,
  },
  approvalMatrix: {
    currency: 'CNY',
    rules: [
      { requestKind: 'credit_limit', maxAmount: 5_000_000_00, grades: ['AAA', 'AA', 'A', 'BBB'], role: 'risk_manager', approvers: 1 },
      { requestKind: 'credit_limit', maxAmount: null, grades: [], role: 'admin', approvers: 2 },
    ],
  },
  riskAppetite: { maxSingleNameShare: 0.1, maxIndustryShare: 0.3 },
}
