import { describe, expect, it } from 'vitest'
import { LIFECYCLE_STATUSES } from '../../src/domain/customers/index.ts'
import { isAllowedTransition, kycChecklist, transitionProblems, type LifecycleFacts } from '../../src/domain/workflow/index.ts'

const complete: LifecycleFacts = {
  registrationId: '91350100M000100Y43',
  industryCode: 'C3311',
  ownerId: 'u1',
  contacts: 1,
  financialStatements: 0,
  bureauRecords: 1,
  assessment: { id: 'a1', grade: 'BBB' },
  approvedLimit: { amount: 100_000_00, currency: 'CNY' },
  onboardingApproved: true,
}
const bare: LifecycleFacts = { registrationId: null, industryCode: null, ownerId: null, contacts: 0, financialStatements: 0, bureauRecords: 0, assessment: null, approvedLimit: null, onboardingApproved: false }

describe('the customer lifecycle', () => {
  it('lets an onboarded customer with the checklist, an assessment, a limit and an approval become active', () => {
    expect(transitionProblems({ from: 'onboarding', to: 'active', facts: complete, note: null })).toEqual([])
  })

  it('refuses activation naming every missing item', () => {
    expect(transitionProblems({ from: 'onboarding', to: 'active', facts: bare, note: null }).map((p) => p.path)).toEqual([
      'registrationId',
      'industry',
      'contacts',
      'financialEvidence',
      'assessment',
      'approvedLimit',
      'onboardingApproval',
    ])
  })

  it('takes a financial statement instead of a bureau record as financial evidence', () => {
    expect(transitionProblems({ from: 'onboarding', to: 'active', facts: { ...complete, bureauRecords: 0, financialStatements: 2 }, note: null })).toEqual([])
    expect(kycChecklist({ ...complete, bureauRecords: 0 })).toEqual([
      { item: 'registrationId', done: true },
      { item: 'industry', done: true },
      { item: 'contacts', done: true },
      { item: 'financialEvidence', done: false },
    ])
  })

  it('lets every status but closed go under review, with a note saying why', () => {
    for (const from of LIFECYCLE_STATUSES.filter((s) => s !== 'under_review')) {
      expect(isAllowedTransition(from, 'under_review')).toBe(from !== 'closed')
    }
    expect(transitionProblems({ from: 'active', to: 'under_review', facts: bare, note: ' ' })).toEqual([{ path: 'note', message: 'under review needs a note saying why' }])
    expect(transitionProblems({ from: 'active', to: 'under_review', facts: bare, note: 'late payments' })).toEqual([])
  })

  it('keeps closed final and says so', () => {
    for (const to of LIFECYCLE_STATUSES) expect(isAllowedTransition('closed', to)).toBe(false)
    expect(transitionProblems({ from: 'closed', to: 'active', facts: complete, note: 'x' })).toEqual([{ path: 'status', message: 'closed is final: the customer cannot change status' }])
  })

  it('brings a suspended customer back only through a review', () => {
    expect(transitionProblems({ from: 'suspended', to: 'active', facts: complete, note: 'x' })).toEqual([{ path: 'status', message: 'suspended cannot become active; it may become under_review, closed' }])
    expect(transitionProblems({ from: 'under_review', to: 'active', facts: bare, note: null }).map((p) => p.path)).toEqual(['note'])
  })

  it('needs an owner to start onboarding, and refuses a move to the same status', () => {
    expect(transitionProblems({ from: 'prospect', to: 'onboarding', facts: bare, note: null }).map((p) => p.path)).toEqual(['ownerId'])
    expect(transitionProblems({ from: 'active', to: 'active', facts: complete, note: null }).map((p) => p.path)).toEqual(['status'])
  })
})
