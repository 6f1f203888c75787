import { describe, expect, it } from 'vitest'
import { calculateZmijewski, standardNormalCdf } from '../../src/domain/scoring/index.ts'

describe('the standard normal distribution function', () => {
  // Reference values from any table of Φ (e.g. Abramowitz & Stegun, Table 26.1).
  it.each([
    [0, 0.5],
    [1, 0.841344746],
    [-1, 0.158655254],
    [1.96, 0.975002105],
    [-2.5, 0.00620966533],
    [3, 0.998650102],
  ])('Φ(%s) = %s', (x, expected) => {
    expect(standardNormalCdf(x)).toBeCloseTo(expected, 7)
  })

  it('stays within [0, 1] far out in the tails', () => {
    expect(standardNormalCdf(-40)).toBeGreaterThanOrEqual(0)
    expect(standardNormalCdf(40)).toBeLessThanOrEqual(1)
  })
})

describe('Zmijewski (1984)', () => {
  it('scores a hand-worked case', () => {
    // NI/TA = 90/2000 = 0.045, TL/TA = 1200/2000 = 0.6, CA/CL = 800/400 = 2
    // X = −4.336 − 4.513·0.045 + 5.679·0.6 + 0.004·2 = −4.336 − 0.203085 + 3.4074 + 0.008 = −1.123685
    // P = Φ(−1.123685) = 0.130573
    const outcome = calculateZmijewski({ netIncome: 90, totalAssets: 2000, totalLiabilities: 1200, currentAssets: 800, currentLiabilities: 400 })
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.result.score).toBeCloseTo(-1.123685, 10)
    expect(outcome.result.probability).toBeCloseTo(0.130573, 5)
    expect(outcome.result.predictsDistress).toBe(false)
    expect(outcome.result.components).toEqual({ returnOnAssets: 0.045, liabilitiesToAssets: 0.6, currentRatio: 2 })
  })

  it('predicts distress for a loss-making firm with liabilities above its assets', () => {
    // X = −4.336 − 4.513·(−0.1) + 5.679·1.1 + 0.004·0.8 = −4.336 + 0.4513 + 6.2469 + 0.0032 = 2.3654: P = Φ(2.3654) ≈ 0.991
    const outcome = calculateZmijewski({ netIncome: -100, totalAssets: 1000, totalLiabilities: 1100, currentAssets: 400, currentLiabilities: 500 })
    expect(outcome.ok && outcome.result.score).toBeCloseTo(2.3654, 10)
    expect(outcome.ok && outcome.result.predictsDistress).toBe(true)
  })

  it('names what is missing or zero', () => {
    expect(calculateZmijewski({ netIncome: 1, totalAssets: 0, totalLiabilities: 1, currentAssets: 1 })).toEqual({
      ok: false,
      problems: [
        { input: 'currentLiabilities', kind: 'missing' },
        { input: 'totalAssets', kind: 'zero' },
      ],
    })
  })
})
