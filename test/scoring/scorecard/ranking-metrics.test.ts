import { describe, expect, it } from 'vitest'
import { auc, gini, kolmogorovSmirnov, mulberry32 } from '../../../src/domain/scoring/scorecard/index.ts'

describe('AUC', () => {
  it('is 0.75 on the textbook four-point case', () => {
    // Pairs (positive, negative): (0.35, 0.1) ✓, (0.35, 0.4) ✗, (0.8, 0.1) ✓, (0.8, 0.4) ✓ → 3/4.
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75)
  })

  it('counts a tie as one half: 0.75 by hand with tied values', () => {
    // Positives {2, 2}, negatives {2, 1}: pairs 2~2 (½), 2>1 (1), 2~2 (½), 2>1 (1) → 3/4.
    // By mid-ranks: ranks of 1,2,2,2 are 1, 3, 3, 3; R₊ = 6; U = 6 − 2·3/2 = 3; AUC = 3 / (2·2).
    expect(auc([2, 2, 2, 1], [1, 1, 0, 0])).toBe(0.75)
    expect(auc([5, 5, 5, 5], [1, 0, 1, 0])).toBe(0.5)
  })

  it('equals the Mann–Whitney U over all pairs divided by n₊·n₋, ties and all', () => {
    const next = mulberry32(42)
    for (const n of [7, 50, 301]) {
      const values = Array.from({ length: n }, () => Math.floor(next() * 10)) // few distinct values: many ties
      const labels = Array.from({ length: n }, (_, i) => (i === 0 ? 1 : i === 1 ? 0 : next() < 0.3 ? 1 : 0))
      let u = 0
      let pairs = 0
      for (let i = 0; i < n; i += 1) {
        for (let j = 0; j < n; j += 1) {
          if (labels[i] !== 1 || labels[j] !== 0) continue
          pairs += 1
          u += values[i]! > values[j]! ? 1 : values[i] === values[j] ? 0.5 : 0
        }
      }
      expect(auc(values, labels), `n = ${n}`).toBeCloseTo(u / pairs, 12)
      expect(auc(values.map((v) => -v), labels)).toBeCloseTo(1 - u / pairs, 12)
    }
  })

  it('gives Gini = 2·AUC − 1 and refuses a one-class sample', () => {
    expect(gini(0.75)).toBe(0.5)
    expect(gini(0.5)).toBe(0)
    expect(() => auc([1, 2], [1, 1])).toThrow(/both/)
  })
})

describe('Kolmogorov–Smirnov', () => {
  it('finds the largest gap between the cumulative distributions (by hand)', () => {
    // Bads 0.3, 0.7, 0.8, 0.9; goods 0.1, 0.2, 0.4, 0.6.
    // t:       0.1   0.2   0.3   0.4   0.6   0.7   0.8   0.9
    // F_bad:   0     0     .25   .25   .25   .5    .75   1
    // F_good:  .25   .5    .5    .75   1     1     1     1
    // gap:     .25   .5    .25   .5    .75   .5    .25   0     → KS 0.75 at 0.6
    const result = kolmogorovSmirnov([0.9, 0.8, 0.7, 0.3, 0.6, 0.4, 0.2, 0.1], [1, 1, 1, 1, 0, 0, 0, 0])
    expect(result.ks).toBe(0.75)
    expect(result.threshold).toBe(0.6)
  })

  it('moves tied values together, and is 1 for complete separation and 0 for identical samples', () => {
    // Bads {1, 2, 2}, goods {2, 3}: at t = 1 the gap is 1/3; at t = 2 both jump (1 vs 1/2) → 1/2.
    expect(kolmogorovSmirnov([1, 2, 2, 2, 3], [1, 1, 1, 0, 0]).ks).toBeCloseTo(0.5, 12)
    expect(kolmogorovSmirnov([1, 2, 3, 4], [1, 1, 0, 0]).ks).toBe(1)
    expect(kolmogorovSmirnov([1, 2, 1, 2], [1, 1, 0, 0]).ks).toBe(0)
  })
})
