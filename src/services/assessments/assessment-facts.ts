import type { LimitFacts, RatingSignals } from '../../domain/policy/index.ts'
import type { StatementItems, ZZone } from '../../domain/scoring/index.ts'

/**
 * The part of an assessment's stored `inputs` (assess-customer.ts) that rating and limit
 * read. assess-customer rates from its inputs through these two functions, and a policy
 * what-if re-rates stored assessments through them, so both read the same facts the same way.
 */
export type AssessmentInputs = {
  scorecard: { pd: number } | null
  paymentBehaviour: { index: number } | null
  statement: { periodMonths: number; currency: string; items: StatementItems } | null
  zScore: { zone: ZZone | null } | null
  bureau: { score: number | null; scoreMin: number | null; scoreMax: number | null; recommendedLimit: number | null; currency: string | null } | null
  contract: { creditTermsDays: number | null } | null
  expertScore: number | null
  industryRisk: { level: number | null }
}

export function ratingSignalsOf(inputs: AssessmentInputs): RatingSignals {
  const { bureau } = inputs
  return {
    zScoreZone: inputs.zScore?.zone ?? null,
    scorecardPd: inputs.scorecard?.pd ?? null,
    bureauScore: bureau && bureau.score !== null && bureau.scoreMin !== null && bureau.scoreMax !== null ? { score: bureau.score, min: bureau.scoreMin, max: bureau.scoreMax } : null,
    expertScore: inputs.expertScore ?? null,
    // Optional chaining throughout: an assessment stored by an older version may lack a fact.
    industryRisk: inputs.industryRisk?.level ?? null,
    paymentBehaviour: inputs.paymentBehaviour?.index ?? null,
  }
}

export function limitFactsOf(inputs: AssessmentInputs): LimitFacts {
  const { bureau, statement } = inputs
  return {
    statement: statement?.items ? { periodMonths: statement.periodMonths, currency: statement.currency, items: statement.items } : null,
    contractTermsDays: inputs.contract?.creditTermsDays ?? null,
    bureauLimit: bureau?.recommendedLimit != null && bureau.currency ? { amount: bureau.recommendedLimit, currency: bureau.currency } : null,
  }
}
