import { rateCustomer, type CompositeRating, type NotRated, type RateCustomerOptions } from '../scoring/rating/composite-rating.ts'
import { recommendCreditLimit, type CreditLimitRecommendation } from '../scoring/credit-limit.ts'
import type { FinancialStatement } from '../scoring/statement.ts'
import type { RiskPolicy } from './risk-policy.ts'

/** The rating signals of one customer, as an assessment reads them (absent or null: not known). */
export type RatingSignals = Pick<RateCustomerOptions, 'zScoreZone' | 'scorecardPd' | 'bureauScore' | 'expertScore' | 'industryRisk' | 'paymentBehaviour'>

/** What a credit limit is computed from, besides the grade. */
export type LimitFacts = {
  /** The latest statement; null when there is none (then there is no limit). */
  statement: Pick<FinancialStatement, 'items' | 'currency' | 'periodMonths'> | null
  /** The active contract's credit terms; null: the policy's default terms. */
  contractTermsDays: number | null
  bureauLimit: { amount: number; currency: string } | null
}

export type PolicyOutcome = {
  rating: CompositeRating | NotRated
  limit: CreditLimitRecommendation | null
  /** Why there is no limit, when there is none. */
  limitReason: string | null
  /** The credit terms the limit assumed: the contract's, else the policy's default. */
  creditTermsDays: number
}

/**
 * Rates a customer and recommends its limit under a policy: its master scale and rating
 * weights grade the signals, its limit rules (grade factors, percentages, rounding, default
 * terms) turn the grade into a limit. An assessment and a what-if both go through here, so a
 * what-if shows exactly what the next assessments would give.
 */
export function applyPolicy({ policy, signals, limitFacts }: { policy: RiskPolicy; signals: RatingSignals; limitFacts: LimitFacts }): PolicyOutcome {
  const rating = rateCustomer({ ...signals, weights: policy.ratingWeights, scale: policy.masterScale })
  const { gradeScale, percentages, roundingUnit, defaultCreditTermsDays } = policy.limitRules
  const creditTermsDays = limitFacts.contractTermsDays ?? defaultCreditTermsDays
  if (!rating.rated) return { rating, limit: null, limitReason: `not rated: ${rating.reason}`, creditTermsDays }
  if (!limitFacts.statement) return { rating, limit: null, limitReason: 'no financial statement on file', creditTermsDays }
  const limit = recommendCreditLimit({ statement: limitFacts.statement, creditTermsDays, bureauLimit: limitFacts.bureauLimit, grade: rating.grade, gradeScale, percentages, roundingUnit })
  return { rating, limit, limitReason: null, creditTermsDays }
}
