import { describe, expect, it } from 'vitest'
import { DEFAULT_RISK_POLICY } from '../../src/domain/policy/index.ts'
import { cancelRefusal, decide, routeApproval, type ApprovalState } from '../../src/domain/workflow/index.ts'

const pending: ApprovalState = { status: 'pending', requestedBy: 'user:maker', requiredRole: 'admin', approversNeeded: 2, decisions: [] }

describe('approval requests', () => {
  it('refuses an approval by the requester', () => {
    expect(decide({ ...pending, requiredRole: 'risk_manager' }, { by: 'user:maker', role: 'risk_manager' }, 'approved')).toEqual({
      ok: false,
      code: 'forbidden',
      reason: 'the requester cannot decide their own request',
    })
  })

  it('needs the required role', () => {
    expect(decide(pending, { by: 'user:rm', role: 'risk_manager' }, 'approved')).toMatchObject({ ok: false, code: 'forbidden' })
  })

  it('stays pending until enough different approvers approved', () => {
    const first = decide(pending, { by: 'user:a1', role: 'admin' }, 'approved')
    expect(first).toEqual({ ok: true, status: 'pending', approvals: 1 })
    const once = { ...pending, decisions: [{ by: 'user:a1', decision: 'approved' as const }] }
    expect(decide(once, { by: 'user:a1', role: 'admin' }, 'approved')).toEqual({ ok: false, code: 'conflict', reason: 'you have already decided this request' })
    expect(decide(once, { by: 'user:a2', role: 'admin' }, 'approved')).toEqual({ ok: true, status: 'approved', approvals: 2 })
  })

  it('is rejected by one rejection and then takes no more decisions', () => {
    expect(decide(pending, { by: 'user:a1', role: 'admin' }, 'rejected')).toEqual({ ok: true, status: 'rejected', approvals: 0 })
    expect(decide({ ...pending, status: 'rejected' }, { by: 'user:a2', role: 'admin' }, 'approved')).toMatchObject({ ok: false, code: 'conflict' })
  })

  it('is cancelled only by its requester while pending', () => {
    expect(cancelRefusal(pending, 'user:maker')).toBeNull()
    expect(cancelRefusal(pending, 'user:other')).toMatchObject({ code: 'forbidden' })
    expect(cancelRefusal({ ...pending, status: 'approved' }, 'user:maker')).toMatchObject({ code: 'conflict' })
  })

  it('routes a limit change by the matrix and other kinds to the fallback when the matrix has no rule for them', () => {
    const matrix = DEFAULT_RISK_POLICY.approvalMatrix
    expect(routeApproval(matrix, { kind: 'limit_change', amount: 1_000_000_00, currency: 'CNY', grade: 'A' })).toMatchObject({ routed: true, role: 'risk_manager', approvers: 1 })
    expect(routeApproval(matrix, { kind: 'limit_change', amount: 1_000_000_00, currency: 'CNY', grade: 'B' })).toMatchObject({ routed: true, role: 'admin', approvers: 2 })
    expect(routeApproval(matrix, { kind: 'limit_change', amount: 1, currency: 'USD', grade: 'A' })).toMatchObject({ routed: false })
    expect(routeApproval(matrix, { kind: 'onboarding', amount: 0, currency: 'CNY', grade: null })).toMatchObject({ routed: true, role: 'risk_manager', approvers: 1 })
    const withOnboarding = { ...matrix, rules: [...matrix.rules, { requestKind: 'onboarding', maxAmount: 0, grades: [], role: 'admin' as const, approvers: 1 }] }
    expect(routeApproval(withOnboarding, { kind: 'onboarding', amount: 0, currency: 'CNY', grade: null })).toMatchObject({ routed: true, role: 'admin', approvers: 1 })
    expect(routeApproval(withOnboarding, { kind: 'onboarding', amount: 5, currency: 'CNY', grade: null })).toMatchObject({ routed: false })
  })
})
