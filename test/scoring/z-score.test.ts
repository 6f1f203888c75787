import { describe, expect, it } from 'vitest'
import {
  calculateZScore,
  describeZScoreProblem,
  Z_MODEL_DEFINITIONS,
  Z_MODELS,
  zoneOf,
  type ZModel,
  type ZScoreInputs,
  type ZScoreOptions,
  type ZScoreResult,
} from '../../src/domain/scoring/index.ts'

function score(model: ZModel, inputs: ZScoreInputs, options?: ZScoreOptions): ZScoreResult {
  const outcome = calculateZScore(model, inputs, options)
  if (!outcome.ok) throw new Error(`expected a score, got ${JSON.stringify(outcome.problems)}`)
  return outcome.result
}

/**
 * Amounts whose ratios are the given X1–X5: total assets 1, total liabilities 1, so each
 * amount is its ratio. (X4's equity is both market and book value.)
 */
function fromRatios(x1: number, x2: number, x3: number, x4: number, x5: number): ZScoreInputs {
  return { workingCapital: x1, retainedEarnings: x2, ebit: x3, marketValueEquity: x4, bookValueEquity: x4, sales: x5, totalAssets: 1, totalLiabilities: 1 }
}

describe('Altman Z (1968)', () => {
  // Altman, E. I. (1968), "Financial ratios, discriminant analysis and the prediction of
  // corporate bankruptcy", Journal of Finance 23(4), Table 1: the group means of the
  // 33 bankrupt and 33 non-bankrupt manufacturers (the paper prints X1–X5 as percentages).
  //   bankrupt:     1.2(−0.061) + 1.4(−0.626) + 3.3(−0.318) + 0.6(0.401) + 1.0(1.5)
  //               = −0.0732 − 0.8764 − 1.0494 + 0.2406 + 1.5 = −0.2584
  //   non-bankrupt: 1.2(0.414) + 1.4(0.355) + 3.3(0.153) + 0.6(2.477) + 1.0(1.9)
  //               = 0.4968 + 0.4970 + 0.5049 + 1.4862 + 1.9 = 4.8849
  const bankrupt = fromRatios(-0.061, -0.626, -0.318, 0.401, 1.5)
  const nonBankrupt = fromRatios(0.414, 0.355, 0.153, 2.477, 1.9)

  it("scores the bankrupt group's means −0.2584: distress", () => {
    const result = score('z', bankrupt)
    expect(result.score).toBeCloseTo(-0.2584, 10)
    expect(result.zone).toBe('distress')
  })

  it("scores the non-bankrupt group's means 4.8849: safe", () => {
    const result = score('z', nonBankrupt)
    expect(result.score).toBeCloseTo(4.8849, 10)
    expect(result.zone).toBe('safe')
  })

  it('reports the ratios, coefficients and cut-offs it used', () => {
    const result = score('z', { workingCapital: 400, retainedEarnings: 300, ebit: 150, marketValueEquity: 1500, sales: 1000, totalAssets: 2000, totalLiabilities: 1200 })
    // X1 = 400/2000, X2 = 300/2000, X3 = 150/2000, X4 = 1500/1200, X5 = 1000/2000
    // Z = 0.24 + 0.21 + 0.2475 + 0.75 + 0.5 = 1.9475
    expect(result).toMatchObject({
      model: 'z',
      name: 'Altman Z (1968)',
      score: 1.9475,
      zone: 'grey',
      components: { x1: 0.2, x2: 0.15, x3: 0.075, x4: 1.25, x5: 0.5 },
      coefficients: { x1: 1.2, x2: 1.4, x3: 3.3, x4: 0.6, x5: 1 },
      constant: 0,
      cutoffs: { distressBelow: 1.81, safeAbove: 2.99 },
      x5Coefficient: 1,
      inputs: { workingCapital: 400, retainedEarnings: 300, ebit: 150, marketValueEquity: 1500, sales: 1000, totalAssets: 2000, totalLiabilities: 1200 },
    })
    expect(result.formula).toBe(
      '1.2·X1 + 1.4·X2 + 3.3·X3 + 0.6·X4 + 1·X5; X1 = workingCapital / totalAssets, X2 = retainedEarnings / totalAssets, X3 = ebit / totalAssets, X4 = marketValueEquity (market value of equity) / totalLiabilities, X5 = sales / totalAssets',
    )
  })

  describe("X5's coefficient: 1.0 by default, 0.999 as the paper prints it", () => {
    it('takes 0.001·X5 off the score with 0.999', () => {
      expect(score('z', nonBankrupt, { x5Coefficient: 0.999 }).score).toBeCloseTo(4.8849 - 0.0019, 10)
      expect(score('z', bankrupt, { x5Coefficient: 0.999 }).score).toBeCloseTo(-0.2584 - 0.0015, 10)
      expect(score('z', nonBankrupt, { x5Coefficient: 0.999 })).toMatchObject({ x5Coefficient: 0.999, coefficients: { x5: 0.999 } })
    })

    it("equals the paper's printed form with X1–X4 as percentages", () => {
      // Z = 0.012·41.4 + 0.014·35.5 + 0.033·15.3 + 0.006·247.7 + 0.999·1.9 = 4.8830
      const printed = 0.012 * 41.4 + 0.014 * 35.5 + 0.033 * 15.3 + 0.006 * 247.7 + 0.999 * 1.9
      expect(printed).toBeCloseTo(4.883, 10)
      expect(score('z', nonBankrupt, { x5Coefficient: 0.999 }).score).toBeCloseTo(printed, 10)
    })

    it('applies to model z only', () => {
      const outcome = calculateZScore('z-prime', nonBankrupt, { x5Coefficient: 0.999 })
      expect(outcome).toEqual({ ok: false, problems: [{ input: 'x5Coefficient', kind: 'not-applicable' }] })
    })
  })
})

describe("Altman Z′, Z″ and Z″-EM, worked by hand", () => {
  // WC 400, RE 300, EBIT 150, book equity 800, sales 1000, TA 2000, TL 1200:
  // X1 = 0.2, X2 = 0.15, X3 = 0.075, X4 = 800/1200 = 2/3, X5 = 0.5
  const inputs: ZScoreInputs = { workingCapital: 400, retainedEarnings: 300, ebit: 150, bookValueEquity: 800, sales: 1000, totalAssets: 2000, totalLiabilities: 1200 }

  it("Z′ = 0.717·0.2 + 0.847·0.15 + 3.107·0.075 + 0.42·(2/3) + 0.998·0.5 = 1.282475: grey", () => {
    expect(score('z-prime', inputs)).toMatchObject({ score: 1.282475, zone: 'grey', cutoffs: { distressBelow: 1.23, safeAbove: 2.9 }, x5Coefficient: null })
  })

  it('Z″ = 6.56·0.2 + 3.26·0.15 + 6.72·0.075 + 1.05·(2/3) = 3.005: safe, with no X5', () => {
    const result = score('z-double-prime', inputs)
    expect(result).toMatchObject({ score: 3.005, zone: 'safe', cutoffs: { distressBelow: 1.1, safeAbove: 2.6 } })
    expect(result.components.x5).toBeNull()
    expect(result.coefficients.x5).toBeNull()
    expect(result.inputs).not.toHaveProperty('sales')
  })

  it('Z″-EM = Z″ + 3.25 = 6.255', () => {
    expect(score('z-double-prime-em', inputs)).toMatchObject({ score: 6.255, zone: 'safe', constant: 3.25, cutoffs: { distressBelow: 4.35, safeAbove: 5.85 } })
  })

  it.each([
    fromRatios(0.2, 0.15, 0.075, 0.6667, 0),
    fromRatios(-0.3, -1.2, -0.25, 0.1, 0),
    fromRatios(0.05, 0.02, 0.01, 1.5, 0),
    fromRatios(0.123, 0.456, 0.0789, 3.21, 0),
  ])('Z″-EM is always Z″ + 3.25 (%#)', (ratios) => {
    expect(score('z-double-prime-em', ratios).score).toBeCloseTo(score('z-double-prime', ratios).score + 3.25, 9)
  })

  it('Z′ reads book equity, Z market value', () => {
    const both = { ...inputs, marketValueEquity: 2400 }
    expect(score('z-prime', both).components.x4).toBeCloseTo(800 / 1200, 12)
    expect(score('z', both).components.x4).toBe(2)
  })
})

describe('zones', () => {
  // A score on a cut-off is grey; only strictly above is safe, strictly below distress.
  const cases: [ZModel, number, number][] = Z_MODELS.map((model) => [model, Z_MODEL_DEFINITIONS[model].cutoffs.distressBelow, Z_MODEL_DEFINITIONS[model].cutoffs.safeAbove])

  it.each(cases)('%s: grey exactly at %s and at %s, outside them distress and safe', (model, distressBelow, safeAbove) => {
    const cutoffs = Z_MODEL_DEFINITIONS[model].cutoffs
    expect(zoneOf(safeAbove, cutoffs)).toBe('grey')
    expect(zoneOf(distressBelow, cutoffs)).toBe('grey')
    expect(zoneOf(safeAbove + 1e-6, cutoffs)).toBe('safe')
    expect(zoneOf(distressBelow - 1e-6, cutoffs)).toBe('distress')
    expect(zoneOf((safeAbove + distressBelow) / 2, cutoffs)).toBe('grey')
  })

  it('publishes the cut-offs of each model', () => {
    expect(Object.fromEntries(Z_MODELS.map((m) => [m, Z_MODEL_DEFINITIONS[m].cutoffs]))).toEqual({
      z: { distressBelow: 1.81, safeAbove: 2.99 },
      'z-prime': { distressBelow: 1.23, safeAbove: 2.9 },
      'z-double-prime': { distressBelow: 1.1, safeAbove: 2.6 },
      'z-double-prime-em': { distressBelow: 4.35, safeAbove: 5.85 },
    })
  })

  it('puts a computed score of exactly 2.99 or 1.81 in the grey zone of Z', () => {
    // Only X5 non-zero: Z = 1.0 × sales / totalAssets
    const onlySales = (sales: number) => ({ workingCapital: 0, retainedEarnings: 0, ebit: 0, marketValueEquity: 0, sales, totalAssets: 100, totalLiabilities: 1 })
    expect(score('z', onlySales(299))).toMatchObject({ score: 2.99, zone: 'grey' })
    expect(score('z', onlySales(181))).toMatchObject({ score: 1.81, zone: 'grey' })
    expect(score('z', onlySales(299.01)).zone).toBe('safe')
    expect(score('z', onlySales(180.99)).zone).toBe('distress')
  })

  it('is not pushed over a cut-off by floating-point noise', () => {
    // 3.3 × 30/100 + 1.0 × 82/100 is 1.81, but 1.8099999999999998 in binary arithmetic:
    // unrounded, a company exactly on the cut-off would land in distress.
    expect(3.3 * (30 / 100) + 1.0 * (82 / 100)).toBeLessThan(1.81)
    const onCutoff = { workingCapital: 0, retainedEarnings: 0, ebit: 30, marketValueEquity: 0, sales: 82, totalAssets: 100, totalLiabilities: 1 }
    expect(score('z', onCutoff)).toMatchObject({ score: 1.81, zone: 'grey' })
    // Z″ of 2.6 (1.05 × 260/105) plus 3.25: exactly Z″-EM's safe cut-off, grey.
    const onlyEquity = { workingCapital: 0, retainedEarnings: 0, ebit: 0, bookValueEquity: 260, totalAssets: 100, totalLiabilities: 105 }
    expect(score('z-double-prime', onlyEquity)).toMatchObject({ score: 2.6, zone: 'grey' })
    expect(score('z-double-prime-em', onlyEquity)).toMatchObject({ score: 5.85, zone: 'grey' })
  })
})

describe('inputs a model cannot do without', () => {
  it('names each missing input the model needs, and only those', () => {
    expect(calculateZScore('z', { workingCapital: 1, retainedEarnings: 1, ebit: 1, bookValueEquity: 1, totalAssets: 10, totalLiabilities: 5 })).toEqual({
      ok: false,
      problems: [
        { input: 'marketValueEquity', kind: 'missing' },
        { input: 'sales', kind: 'missing' },
      ],
    })
    expect(calculateZScore('z-double-prime', { workingCapital: 1, retainedEarnings: 1, ebit: 1, bookValueEquity: 1, totalAssets: 10, totalLiabilities: 5 }).ok).toBe(true)
  })

  it('refuses total assets or liabilities of 0 or below, saying what divides by them', () => {
    const outcome = calculateZScore('z-prime', { workingCapital: 1, retainedEarnings: 1, ebit: 1, bookValueEquity: 1, sales: 1, totalAssets: 0, totalLiabilities: -5 })
    expect(outcome).toEqual({
      ok: false,
      problems: [
        { input: 'totalAssets', kind: 'zero' },
        { input: 'totalLiabilities', kind: 'negative' },
      ],
    })
    if (outcome.ok) return
    expect(outcome.problems.map((p) => describeZScoreProblem('z-prime', p))).toEqual(['must be greater than 0 (it divides X1, X2, X3 and X5)', 'must be greater than 0 (it divides X4)'])
    expect(describeZScoreProblem('z', { input: 'marketValueEquity', kind: 'missing' })).toBe('is required by model z')
  })

  it('treats NaN and Infinity as missing', () => {
    const outcome = calculateZScore('z-double-prime', { workingCapital: Number.NaN, retainedEarnings: Infinity, ebit: 1, bookValueEquity: 1, totalAssets: 10, totalLiabilities: 5 })
    expect(outcome.ok ? [] : outcome.problems.map((p) => p.input)).toEqual(['workingCapital', 'retainedEarnings'])
  })
})
