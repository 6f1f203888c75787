import { describe, expect, it } from 'vitest'
import type { RiskPolicy } from '../api/policy-queries.ts'
import { diffValueText, isMakerOf, parsePolicyText, withGrade, withReviewFrequency } from './policy-editing.ts'

const policy = {
  masterScale: {
    version: 's1',
    grades: [
      { grade: 'A', lower: 0, upper: 0.01, description: 'low' },
      { grade: 'B', lower: 0.01, upper: 0.1, description: 'medium' },
      { grade: 'C', lower: 0.1, upper: 1, description: 'high' },
    ],
  },
  reviewFrequencyPerGrade: { A: { every: 12, unit: 'months' }, B: { every: 3, unit: 'months' }, C: { every: 1, unit: 'months' } },
} as unknown as RiskPolicy

describe('policy editing', () => {
  it('moves the next band’s lower bound with a band’s upper bound', () => {
    const moved = withGrade(policy, 0, { upper: 0.02 })
    expect(moved.masterScale.grades.map((g) => [g.lower, g.upper])).toEqual([
      [0, 0.02],
      [0.02, 0.1],
      [0.1, 1],
    ])
    expect(policy.masterScale.grades[0]!.upper).toBe(0.01)
  })

  it('changes one grade’s review frequency', () => {
    expect(withReviewFrequency(policy, 'B', { every: 30, unit: 'days' }).reviewFrequencyPerGrade).toMatchObject({ A: { every: 12 }, B: { every: 30, unit: 'days' } })
  })

  it('knows the makers of a version, who may not approve it', () => {
    const version = { createdBy: 'user:u1', updatedBy: 'user:u2', submittedBy: null }
    expect([isMakerOf(version, 'u1'), isMakerOf(version, 'u2'), isMakerOf(version, 'u3'), isMakerOf(version, undefined)]).toEqual([true, true, false, false])
  })

  it('reads the JSON editor’s text, or says why it cannot', () => {
    expect(parsePolicyText('{"a": 1}')).toEqual({ policy: { a: 1 } })
    expect(parsePolicyText('[1]')).toEqual({ error: 'not a JSON object' })
    expect('error' in parsePolicyText('{"a": ')).toBe(true)
  })

  it('writes a diff value on one line', () => {
    expect([diffValueText(null), diffValueText('BB'), diffValueText(0.5), diffValueText(['monitor'])]).toEqual(['—', 'BB', '0.5', '["monitor"]'])
  })
})
