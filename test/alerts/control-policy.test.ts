import { describe, expect, it } from 'vitest'
import { combineDecisions, decideControls, DEFAULT_CONTROL_POLICY, NO_CONTROLS, reducedLimit, setsOffAnything, validateControlPolicy, type ControlPolicy } from '../../src/domain/alerts/control-policy.ts'

const small: ControlPolicy = {
  version: 'test',
  grades: ['A', 'B', 'C'],
  rules: [
    { id: 'crit', minSeverity: 'critical', gradeFrom: null, creditHold: true, limitCutPercent: 40, reviewDueDays: 1 },
    { id: 'high-c', minSeverity: 'high', gradeFrom: 'C', creditHold: false, limitCutPercent: 20, reviewDueDays: 3 },
    { id: 'medium-b', minSeverity: 'medium', gradeFrom: 'B', creditHold: false, limitCutPercent: 0, reviewDueDays: 7 },
  ],
}

const rulesOf = (reasons: { rule: string }[] | undefined) => reasons?.map((reason) => reason.rule)

describe('the control policy', () => {
  it('sets off nothing for a low alert', () => {
    expect(decideControls(small, { severity: 'low', grade: 'C' })).toEqual(NO_CONTROLS)
    expect(setsOffAnything(decideControls(small, { severity: 'low', grade: 'C' }))).toBe(false)
    expect(setsOffAnything(decideControls(small, { severity: 'medium', grade: 'B' }))).toBe(true)
    expect(decideControls(DEFAULT_CONTROL_POLICY, { severity: 'medium', grade: 'D' })).toEqual(NO_CONTROLS)
  })

  it('matches a row on its severity or worse and its grade or worse', () => {
    expect(decideControls(small, { severity: 'medium', grade: 'A' })).toEqual(NO_CONTROLS)
    const mediumB = decideControls(small, { severity: 'medium', grade: 'B' })
    expect(mediumB.creditHold).toBeNull()
    expect(mediumB.limitReduction).toBeNull()
    expect(mediumB.review?.dueDays).toBe(7)
    expect(rulesOf(mediumB.review?.reasons)).toEqual(['medium-b'])

    // high on C matches high-c (cut 20, review 3) and medium-b (review 7): the earlier review wins.
    const highC = decideControls(small, { severity: 'high', grade: 'C' })
    expect(highC.creditHold).toBeNull()
    expect(highC.limitReduction).toMatchObject({ percent: 20 })
    expect(rulesOf(highC.limitReduction?.reasons)).toEqual(['high-c'])
    expect(highC.review?.dueDays).toBe(3)
    expect(rulesOf(highC.review?.reasons)).toEqual(['high-c'])
  })

  it('holds on a critical alert whatever the grade, cutting the deepest and reviewing the soonest', () => {
    const onA = decideControls(small, { severity: 'critical', grade: 'A' })
    expect(rulesOf(onA.creditHold?.reasons)).toEqual(['crit'])
    expect(onA.limitReduction?.percent).toBe(40)
    expect(onA.review?.dueDays).toBe(1)
    const onC = decideControls(small, { severity: 'critical', grade: 'C' })
    expect(onC.limitReduction?.percent).toBe(40)
    expect(rulesOf(onC.limitReduction?.reasons)).toEqual(['crit'])
  })

  it('counts an unrated customer, or a grade off the scale, as the worst grade and says so', () => {
    const unrated = decideControls(small, { severity: 'high', grade: null })
    expect(unrated.limitReduction?.percent).toBe(20)
    expect(unrated.review?.reasons[0]?.text).toContain('unrated customer (counted as the worst grade)')
    expect(decideControls(small, { severity: 'high', grade: 'ZZ' }).limitReduction?.percent).toBe(20)
  })

  it('explains every control with the row, the severity and the grade', () => {
    const decision = decideControls(small, { severity: 'critical', grade: 'B' })
    expect(decision.creditHold?.reasons).toEqual([{ rule: 'crit', severity: 'critical', grade: 'B', text: 'critical alert on a customer graded B: row crit (critical alert on any grade) → credit hold, limit cut 40%, review due in 1 day' }])
  })

  it('applies the documented default table', () => {
    const decide = (severity: 'high' | 'critical', grade: string | null) => {
      const d = decideControls(DEFAULT_CONTROL_POLICY, { severity, grade })
      return [d.creditHold !== null, d.limitReduction?.percent ?? 0, d.review?.dueDays ?? null]
    }
    expect(decide('critical', 'AAA')).toEqual([true, 50, 2])
    expect(decide('critical', 'D')).toEqual([true, 50, 2])
    expect(decide('high', 'BBB')).toEqual([false, 0, 10])
    expect(decide('high', 'BB')).toEqual([false, 25, 5])
    expect(decide('high', 'CCC')).toEqual([false, 25, 5])
    expect(decide('high', null)).toEqual([false, 25, 5])
    expect(validateControlPolicy(DEFAULT_CONTROL_POLICY)).toEqual([])
  })

  it('combines the decisions of several alerts: any hold, the deeper cut, the earlier review, reasons of both on a tie', () => {
    const high = decideControls(small, { severity: 'high', grade: 'C' })
    const critical = decideControls(small, { severity: 'critical', grade: 'C' })
    const both = combineDecisions(high, critical)
    expect(rulesOf(both.creditHold?.reasons)).toEqual(['crit'])
    expect(both.limitReduction?.percent).toBe(40)
    expect(both.review?.dueDays).toBe(1)
    expect(combineDecisions(NO_CONTROLS, high)).toEqual(high)
    const tie = combineDecisions(decideControls(small, { severity: 'medium', grade: 'B' }), decideControls(small, { severity: 'medium', grade: 'C' }))
    expect(tie.review?.reasons.map((reason) => reason.grade)).toEqual(['B', 'C'])
  })

  it('cuts a limit by whole percent, rounding down to a minor unit', () => {
    expect(reducedLimit(100_000, 25)).toBe(75_000)
    expect(reducedLimit(999, 50)).toBe(499)
    expect(reducedLimit(1, 0)).toBe(1)
    expect(reducedLimit(12_345, 100)).toBe(0)
    expect(reducedLimit(9_007_199_254_740_991, 50)).toBe(4_503_599_627_370_495)
    expect(() => reducedLimit(-1, 10)).toThrow(RangeError)
    expect(() => reducedLimit(100, 101)).toThrow(RangeError)
    expect(() => reducedLimit(100, 2.5)).toThrow(RangeError)
  })

  it('finds the problems of a table', () => {
    const broken: ControlPolicy = {
      version: 'x',
      grades: ['A'],
      rules: [
        { id: 'r', minSeverity: 'high', gradeFrom: 'Z', creditHold: false, limitCutPercent: 120, reviewDueDays: -1 },
        { id: 'r', minSeverity: 'high', gradeFrom: null, creditHold: false, limitCutPercent: 0, reviewDueDays: null },
      ],
    }
    expect(validateControlPolicy(broken)).toEqual([
      'row r: grade Z is not on the scale',
      'row r: the cut must be a whole percent in [0, 100]',
      'row r: the review must be due in a whole number of days ≥ 0',
      'row r appears twice',
    ])
  })
})
