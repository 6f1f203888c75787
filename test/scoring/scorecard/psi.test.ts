import { describe, expect, it } from 'vitest'
import { populationStabilityIndex, PSI_FLOOR, psiAgainst, scoreDistribution, sharesOf } from '../../../src/domain/scoring/scorecard/index.ts'

describe('population stability index', () => {
  it('matches a hand computation', () => {
    // Σ (a − e)·ln(a/e) = 0.25·ln 2 + 0 + (−0.25)·ln(1/2) = 0.5·ln 2 = 0.346574
    expect(populationStabilityIndex([0.25, 0.25, 0.5], [0.5, 0.25, 0.25])).toBeCloseTo(0.5 * Math.log(2), 12)
    expect(populationStabilityIndex([0.1, 0.2, 0.7], [0.1, 0.2, 0.7])).toBe(0)
  })

  it('floors an empty bin at 0.0001 instead of dividing by zero', () => {
    const expected = (0.4 - 0.5) * Math.log(0.4 / 0.5) + (0.1 - PSI_FLOOR) * Math.log(0.1 / PSI_FLOOR)
    expect(populationStabilityIndex([0.5, 0.5, 0], [0.5, 0.4, 0.1])).toBeCloseTo(expected, 12)
  })

  it('bins new scores by the decile edges of the reference scores', () => {
    const reference = Array.from({ length: 100 }, (_, i) => i + 1)
    const distribution = scoreDistribution(reference)
    expect(distribution.edges).toEqual([11, 21, 31, 41, 51, 61, 71, 81, 91])
    expect(distribution.shares).toEqual(Array(10).fill(0.1))
    expect(psiAgainst(distribution, reference)).toBe(0)
    // Everyone moves up by 50 points: the lower half of the bins empties.
    expect(sharesOf(reference.map((s) => s + 50), distribution.edges)).toEqual([0, 0, 0, 0, 0, 0.1, 0.1, 0.1, 0.1, 0.6])
    expect(psiAgainst(distribution, reference.map((s) => s + 50))).toBeGreaterThan(0.25)
  })

  it('keeps tied edges once, counting the shares of a discrete score', () => {
    const distribution = scoreDistribution([500, 500, 500, 500, 500, 520, 520, 540, 540, 540])
    expect(distribution.edges).toEqual([520, 540])
    expect(distribution.shares).toEqual([0.5, 0.2, 0.3])
  })
})
