import { describe, expect, it } from 'vitest'
import type { CreditLimitCandidate } from '../../api/types.ts'
import { assessment } from '../../testing/risk-fixtures.ts'
import { bindingCandidate } from './limit-candidates.ts'

const candidate = (method: CreditLimitCandidate['method'], value: number | null): CreditLimitCandidate => ({ method, formula: method, inputs: {}, value, reason: value === null ? 'needs something' : null })

describe('bindingCandidate', () => {
  it('is the candidate the server names as binding', () => {
    const limit = assessment().limit!
    expect(bindingCandidate(limit)?.method).toBe(limit.binding)
    expect(bindingCandidate({ ...limit, binding: 'bureau' })?.method).toBe('bureau')
  })

  it('is the smallest computed candidate when the answer does not say, the first of equals', () => {
    const candidates = [candidate('tangibleNetWorth', 900), candidate('workingCapital', null), candidate('monthlySales', 300), candidate('needBased', 300)]
    expect(bindingCandidate({ candidates })?.method).toBe('monthlySales')
  })

  it('counts a candidate of 0 (negative net worth) as computed, and is null when none was', () => {
    expect(bindingCandidate({ candidates: [candidate('tangibleNetWorth', 0), candidate('bureau', 100)] })?.method).toBe('tangibleNetWorth')
    expect(bindingCandidate({ candidates: [candidate('bureau', null)] })).toBeNull()
  })
})
