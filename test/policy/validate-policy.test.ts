import { describe, expect, it } from 'vitest'
import { DEFAULT_RISK_POLICY, validatePolicy, versionNameProblems, type RiskPolicy } from '../../src/domain/policy/index.ts'

/** The default policy with one part replaced. */
function edited(change: (policy: RiskPolicy) => RiskPolicy): RiskPolicy {
  return change(structuredClone(DEFAULT_RISK_POLICY) as RiskPolicy)
}

const grades = DEFAULT_RISK_POLICY.masterScale.grades

describe('validatePolicy', () => {
  it('finds nothing wrong with the default policy', () => {
    expect(validatePolicy(DEFAULT_RISK_POLICY)).toEqual([])
  })

  it('names the band that leaves a gap after the previous one', () => {
    const policy = edited((p) => ({ ...p, masterScale: { ...p.masterScale, grades: grades.map((g, i) => (i === 3 ? { ...g, lower: 0.004 } : g)) } }))
    expect(validatePolicy(policy)).toEqual([{ path: 'masterScale.grades[3].lower', message: "must equal the previous band's upper bound 0.003 (PDs in between would have no grade), is 0.004" }])
  })

  it('names the upper bound that is not above its lower bound', () => {
    // BBB ending where it starts also makes BB start before BBB ends: both are named.
    const policy = edited((p) => ({ ...p, masterScale: { ...p.masterScale, grades: grades.map((g, i) => (i === 3 ? { ...g, upper: 0.003 } : g)) } }))
    expect(validatePolicy(policy).map((problem) => problem.path)).toEqual(['masterScale.grades[3].upper', 'masterScale.grades[4].lower'])
  })

  it('asks every per-grade table to cover exactly the grades of the scale', () => {
    const { BB: _dropped, ...actions } = DEFAULT_RISK_POLICY.actionsPerGrade
    const policy = edited((p) => ({ ...p, actionsPerGrade: { ...actions, E: ['collections'] }, reviewFrequencyPerGrade: { ...p.reviewFrequencyPerGrade, AAA: { every: 0, unit: 'months' } } }))
    expect(validatePolicy(policy).map((problem) => problem.path)).toEqual(['actionsPerGrade.BB', 'actionsPerGrade.E', 'reviewFrequencyPerGrade.AAA.every'])
  })

  it('refuses to review a worse grade less often than a better one', () => {
    const policy = edited((p) => ({ ...p, reviewFrequencyPerGrade: { ...p.reviewFrequencyPerGrade, B: { every: 120, unit: 'days' } } }))
    expect(validatePolicy(policy)).toEqual([{ path: 'reviewFrequencyPerGrade.B', message: 'must not be less frequent than the better grade BB (every 120 days against 90)' }])
  })

  it('refuses a worse grade a larger limit factor and an unknown action', () => {
    const policy = edited((p) => ({
      ...p,
      limitRules: { ...p.limitRules, gradeScale: { ...p.limitRules.gradeScale, CCC: 0.4 } },
      actionsPerGrade: { ...p.actionsPerGrade, D: ['credit_hold', 'lawsuit' as never] },
    }))
    expect(validatePolicy(policy).map((problem) => problem.path)).toEqual(['actionsPerGrade.D[1]', 'limitRules.gradeScale.CCC'])
  })

  it('asks the approval matrix to route every request and to name known grades and roles', () => {
    const policy = edited((p) => ({
      ...p,
      approvalMatrix: { currency: 'CNY', rules: [{ requestKind: 'credit_limit', maxAmount: 100, grades: ['AAA', 'Z'], role: 'cfo' as never, approvers: 1 }] },
    }))
    expect(validatePolicy(policy)).toEqual([
      { path: 'approvalMatrix.rules[0].grades[1]', message: 'must be a grade of the master scale, is "Z"' },
      { path: 'approvalMatrix.rules[0].role', message: 'must be one of admin, risk_manager, analyst, viewer, is "cfo"' },
      { path: 'approvalMatrix.rules', message: 'must end the credit_limit rules with one for any amount and any grade (maxAmount null, grades []), so every credit_limit request has an approver' },
    ])
  })

  it('names a rule no request can reach after a catch-all', () => {
    const policy = edited((p) => ({ ...p, approvalMatrix: { ...p.approvalMatrix, rules: [...p.approvalMatrix.rules, { requestKind: 'credit_limit', maxAmount: 10, grades: [], role: 'admin', approvers: 1 }] } }))
    expect(validatePolicy(policy)).toEqual([{ path: 'approvalMatrix.rules[2]', message: 'is never reached: rule 1 already takes every credit_limit request' }])
  })

  it('keeps thresholds and appetite in range', () => {
    const policy = edited((p) => ({
      ...p,
      thresholds: { utilisationWarning: 1.2, utilisationBreach: 1, downgradeAlertNotches: 0, watchListGrade: 'C' },
      riskAppetite: { maxSingleNameShare: 0, maxIndustryShare: 1 },
    }))
    expect(validatePolicy(policy).map((problem) => problem.path)).toEqual([
      'thresholds.utilisationWarning',
      'thresholds.downgradeAlertNotches',
      'thresholds.watchListGrade',
      'riskAppetite.maxSingleNameShare',
    ])
  })

  it('needs at least one rating weight above 0', () => {
    const zero = { scorecardPd: 0, zScoreZone: 0, bureauScore: 0, paymentBehaviour: 0, expertScore: 0, industryRisk: 0 }
    const policy = edited((p) => ({ ...p, ratingWeights: { version: 'w', weights: zero } }))
    expect(validatePolicy(policy)).toEqual([{ path: 'ratingWeights.weights', message: 'must give at least one signal a weight above 0' }])
  })
})

describe('versionNameProblems', () => {
  const moved = edited((p) => ({ ...p, masterScale: { ...p.masterScale, grades: grades.map((g, i) => (i === 0 ? { ...g, upper: 0.0002 } : i === 1 ? { ...g, lower: 0.0002 } : g)) } }))

  it('asks a changed scale for a new version name', () => {
    expect(versionNameProblems(DEFAULT_RISK_POLICY, moved)).toEqual([{ path: 'masterScale.version', message: 'must change when the grades change: the active policy\'s scale is also "fengkong-master-scale-1"' }])
    expect(versionNameProblems(DEFAULT_RISK_POLICY, { ...moved, masterScale: { ...moved.masterScale, version: 'bank-scale-2' } })).toEqual([])
  })

  it('asks changed weights for a new version name, and nothing of an unchanged policy', () => {
    const weights = edited((p) => ({ ...p, ratingWeights: { ...p.ratingWeights, weights: { ...p.ratingWeights.weights, industryRisk: 0.2 } } }))
    expect(versionNameProblems(DEFAULT_RISK_POLICY, weights).map((problem) => problem.path)).toEqual(['ratingWeights.version'])
    expect(versionNameProblems(DEFAULT_RISK_POLICY, structuredClone(DEFAULT_RISK_POLICY) as RiskPolicy)).toEqual([])
  })
})
