import { describe, expect, it } from 'vitest'
import { createLoginThrottle, passwordProblem, PERMISSIONS, permissionsOf, roleHasPermission, ROLES } from '../../src/domain/identity/index.ts'

describe('permission matrix', () => {
  it('gives admins every permission', () => {
    expect(permissionsOf('admin').sort()).toEqual(Object.keys(PERMISSIONS).sort())
  })

  it('gives viewers and analysts no administrative permission', () => {
    for (const role of ['viewer', 'analyst'] as const) {
      for (const permission of ['users.manage', 'teams.manage', 'apiKeys.manage'] as const) expect(roleHasPermission(role, permission)).toBe(false)
    }
  })

  it('lets risk managers read the audit ledger but not manage users', () => {
    expect(roleHasPermission('risk_manager', 'audit.read')).toBe(true)
    expect(roleHasPermission('risk_manager', 'users.manage')).toBe(false)
  })

  it('never grants a lower role something a higher role lacks', () => {
    const order = [...ROLES] // admin, risk_manager, analyst, viewer
    for (let i = 1; i < order.length; i += 1) {
      for (const permission of permissionsOf(order[i]!)) expect(roleHasPermission(order[i - 1]!, permission)).toBe(true)
    }
  })
})

describe('password policy', () => {
  it('accepts a long enough password mixing letters with digits or symbols', () => {
    expect(passwordProblem('Secret123!')).toBeNull()
  })

  it('refuses short, letters-only and digits-only passwords with a reason', () => {
    expect(passwordProblem('Ab1!')).toMatch('at least 8')
    expect(passwordProblem('onlyletters')).toMatch('mix')
    expect(passwordProblem('12345678')).toMatch('mix')
  })
})

describe('login throttle', () => {
  function throttleAt(start = 0) {
    const clock = { now: start }
    return { clock, throttle: createLoginThrottle({ now: () => clock.now, windowMs: 60_000, maxFailuresPerAccount: 3, maxFailuresPerAddress: 5 }) }
  }

  it('allows attempts until an account reaches its failure limit', () => {
    const { throttle } = throttleAt()
    for (let i = 0; i < 3; i += 1) {
      expect(throttle.check('a@x.io', '10.0.0.1').allowed).toBe(true)
      throttle.recordFailure('a@x.io', '10.0.0.1')
    }
    expect(throttle.check('a@x.io', '10.0.0.2')).toEqual({ allowed: false, limitedBy: 'account', retryAfterSeconds: 60 })
  })

  it('lets the account in again once the oldest failure leaves the window', () => {
    const { clock, throttle } = throttleAt()
    for (let i = 0; i < 3; i += 1) {
      throttle.recordFailure('a@x.io', '10.0.0.1')
      clock.now += 10_000
    }
    expect(throttle.check('a@x.io', '10.0.0.1')).toMatchObject({ allowed: false, retryAfterSeconds: 30 })
    clock.now += 30_001
    expect(throttle.check('a@x.io', '10.0.0.1').allowed).toBe(true)
  })

  it('limits one address trying many accounts', () => {
    const { throttle } = throttleAt()
    for (let i = 0; i < 5; i += 1) throttle.recordFailure(`user${i}@x.io`, '10.0.0.9')
    expect(throttle.check('fresh@x.io', '10.0.0.9')).toMatchObject({ allowed: false, limitedBy: 'address' })
    expect(throttle.check('fresh@x.io', '10.0.0.10').allowed).toBe(true)
  })

  it('forgets an account’s failures after a successful login', () => {
    const { throttle } = throttleAt()
    throttle.recordFailure('a@x.io', '10.0.0.1')
    throttle.recordFailure('a@x.io', '10.0.0.1')
    throttle.recordSuccess('a@x.io')
    throttle.recordFailure('a@x.io', '10.0.0.1')
    expect(throttle.check('a@x.io', '10.0.0.1').allowed).toBe(true)
  })
})
