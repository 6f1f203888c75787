import { describe, expect, it } from 'vitest'
import { applyPolicy, DEFAULT_RISK_POLICY, type LimitFacts, type RiskPolicy } from '../../src/domain/policy/index.ts'
import { rateCustomer, recommendCreditLimit } from '../../src/domain/scoring/index.ts'

const signals = { zScoreZone: 'grey' as const, bureauScore: { score: 700, min: 300, max: 850 }, expertScore: 60, industryRisk: 3 }
const limitFacts: LimitFacts = {
  statement: { currency: 'CNY', periodMonths: 12, items: { equity: 8_000_000, currentAssets: 6_000_000, currentLiabilities: 2_500_000, revenue: 36_000_000 } },
  contractTermsDays: null,
  bureauLimit: { amount: 900_000, currency: 'CNY' },
}

describe('applyPolicy', () => {
  it('rates and limits under the default policy exactly as the scoring defaults do', () => {
    const outcome = applyPolicy({ policy: DEFAULT_RISK_POLICY, signals, limitFacts })
    const rating = rateCustomer(signals)
    expect(outcome.rating).toEqual(rating)
    if (!rating.rated) throw new Error('expected a rating')
    expect(outcome.limit).toEqual(recommendCreditLimit({ statement: limitFacts.statement!, creditTermsDays: 30, bureauLimit: limitFacts.bureauLimit, grade: rating.grade }))
    expect(outcome.creditTermsDays).toBe(30)
  })

  it('takes the contract’s terms over the policy’s default', () => {
    expect(applyPolicy({ policy: DEFAULT_RISK_POLICY, signals, limitFacts: { ...limitFacts, contractTermsDays: 60 } }).creditTermsDays).toBe(60)
  })

  it('uses the policy’s weights, grade factors and rounding', () => {
    // Only the scorecard counts, PD 0.005: BBB. The smallest candidate is working capital, (6,000,000 − 2,500,000) × 20 % = 700,000;
    // BBB's factor 0.55 makes it 385,000, rounded down to 10,000s: 380,000 (to the default 100,000s it would be 300,000).
    const policy: RiskPolicy = {
      ...DEFAULT_RISK_POLICY,
      ratingWeights: { version: 'scorecard-only', weights: { scorecardPd: 1, zScoreZone: 0, bureauScore: 0, paymentBehaviour: 0, expertScore: 0, industryRisk: 0 } },
      limitRules: { ...DEFAULT_RISK_POLICY.limitRules, gradeScale: { ...DEFAULT_RISK_POLICY.limitRules.gradeScale, BBB: 0.55 }, roundingUnit: 10_000 },
    }
    const outcome = applyPolicy({ policy, signals: { ...signals, scorecardPd: 0.005 }, limitFacts })
    expect(outcome.rating).toMatchObject({ rated: true, grade: 'BBB', pd: 0.005, weightsVersion: 'scorecard-only' })
    expect(outcome.limit).toMatchObject({ limit: 380_000, binding: 'workingCapital', gradeFactor: 0.55 })
  })

  it('says why there is no limit without a statement or a rating', () => {
    expect(applyPolicy({ policy: DEFAULT_RISK_POLICY, signals, limitFacts: { ...limitFacts, statement: null } })).toMatchObject({ limit: null, limitReason: 'no financial statement on file' })
    expect(applyPolicy({ policy: DEFAULT_RISK_POLICY, signals: {}, limitFacts }).limitReason).toMatch(/^not rated: no signals/)
  })
})
