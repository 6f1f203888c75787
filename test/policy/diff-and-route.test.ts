import { describe, expect, it } from 'vitest'
import { approvalRoute, DEFAULT_RISK_POLICY, diffPolicies, type RiskPolicy } from '../../src/domain/policy/index.ts'

describe('diffPolicies', () => {
  it('finds no change between a policy and its copy', () => {
    expect(diffPolicies(DEFAULT_RISK_POLICY, structuredClone(DEFAULT_RISK_POLICY))).toEqual([])
  })

  it('lists exactly the leaves that changed, with their values before and after', () => {
    const after = structuredClone(DEFAULT_RISK_POLICY) as RiskPolicy
    const grades = after.masterScale.grades.map((g) => ({ ...g }))
    grades[3] = { ...grades[3]!, upper: 0.008 }
    grades[4] = { ...grades[4]!, lower: 0.008 }
    const changed: RiskPolicy = { ...after, masterScale: { ...after.masterScale, grades }, riskAppetite: { ...after.riskAppetite, maxIndustryShare: 0.25 } }
    expect(diffPolicies(DEFAULT_RISK_POLICY, changed)).toEqual([
      { kind: 'changed', path: 'masterScale.grades[3].upper', before: 0.01, after: 0.008 },
      { kind: 'changed', path: 'masterScale.grades[4].lower', before: 0.01, after: 0.008 },
      { kind: 'changed', path: 'riskAppetite.maxIndustryShare', before: 0.3, after: 0.25 },
    ])
  })

  it('says what was added and removed in lists and tables', () => {
    const before = { actions: { BB: ['monitor'] }, rules: [1, 2] }
    const after = { actions: { BB: ['monitor', 'require_guarantee'], B: ['monitor'] }, rules: [1] }
    expect(diffPolicies(before, after)).toEqual([
      { kind: 'added', path: 'actions.B', before: null, after: ['monitor'] },
      { kind: 'added', path: 'actions.BB[1]', before: null, after: 'require_guarantee' },
      { kind: 'removed', path: 'rules[1]', before: 2, after: null },
    ])
  })

  it('reports a value that changes type as one change', () => {
    expect(diffPolicies({ a: { b: 1 } }, { a: 2 })).toEqual([{ kind: 'changed', path: 'a', before: { b: 1 }, after: 2 }])
  })
})

describe('approvalRoute under the default matrix (5,000,000.00 CNY on BBB or better: one risk manager; else two admins)', () => {
  const matrix = DEFAULT_RISK_POLICY.approvalMatrix
  const route = (amount: number, grade: string, currency = 'CNY') => approvalRoute(matrix, { requestKind: 'credit_limit', amount, currency, grade })

  it('sends a limit within the band on a good grade to one risk manager, the band’s bound included', () => {
    expect(route(4_000_000_00, 'A')).toMatchObject({ routed: true, ruleIndex: 0, role: 'risk_manager', approvers: 1 })
    expect(route(5_000_000_00, 'BBB')).toMatchObject({ routed: true, ruleIndex: 0, role: 'risk_manager', approvers: 1 })
  })

  it('sends a larger limit, or one on a worse grade, to two admins', () => {
    expect(route(5_000_000_01, 'BBB')).toMatchObject({ routed: true, ruleIndex: 1, role: 'admin', approvers: 2 })
    expect(route(1_00, 'BB')).toMatchObject({ routed: true, ruleIndex: 1, role: 'admin', approvers: 2, explanation: 'rule 1 (credit_limit, any amount, any grade): 2 admins must approve' })
  })

  it('does not route a request in another currency or of a kind the matrix does not know', () => {
    expect(route(1_00, 'A', 'USD')).toEqual({ routed: false, reason: 'the approval matrix is in CNY, the request in USD: there is no exchange rate to compare them' })
    expect(approvalRoute(matrix, { requestKind: 'write_off', amount: 1, currency: 'CNY', grade: 'A' })).toMatchObject({ routed: false })
  })
})
