import { describe, expect, it } from 'vitest'
import { binnedScoreTest, chiSquarePValue, denseDesign, fitLogisticRegression, mulberry32 } from '../../../src/domain/scoring/scorecard/index.ts'

/** n rows: a binary feature in the model, and a 4-bin feature whose bins shift the log-odds by `effects`. */
function data(n: number, effects: number[], seed: number) {
  const next = mulberry32(seed)
  const x = new Float64Array(n)
  const bin = new Uint8Array(n)
  const y = new Uint8Array(n)
  for (let i = 0; i < n; i += 1) {
    x[i] = next() < 0.5 ? 1 : 0
    bin[i] = Math.floor(next() * 4)
    y[i] = next() < 1 / (1 + Math.exp(-(-1 + 1.2 * x[i]! + effects[bin[i]!]!))) ? 1 : 0
  }
  return { x, bin, y, rows: Int32Array.from({ length: n }, (_, i) => i) }
}

describe('score test for adding a binned feature', () => {
  it('agrees with the likelihood-ratio test of adding the bins', () => {
    const { x, bin, y, rows } = data(4000, [0, 0.15, -0.1, 0.25], 1)
    const fit = fitLogisticRegression({ design: denseDesign(x, 4000, 1), y })
    const [test] = binnedScoreTest({ design: denseDesign(x, 4000, 1), fit, rows, y, candidates: [{ index: bin, bins: 4 }] })
    const full = new Float64Array(4000 * 4)
    for (let i = 0; i < 4000; i += 1) full.set([x[i]!, bin[i] === 1 ? 1 : 0, bin[i] === 2 ? 1 : 0, bin[i] === 3 ? 1 : 0], i * 4)
    const bigger = fitLogisticRegression({ design: denseDesign(full, 4000, 4), y })
    const likelihoodRatio = 2 * (bigger.logLikelihood - fit.logLikelihood)
    expect(test!.degreesOfFreedom).toBe(3)
    expect(test!.statistic).toBeGreaterThan(7.81) // χ²(3) at 5%
    expect(Math.abs(test!.statistic - likelihoodRatio) / likelihoodRatio).toBeLessThan(0.1)
    expect(test!.pValue).toBeCloseTo(chiSquarePValue(test!.statistic, 3), 12)
  })

  it('finds nothing to add in a feature the model already holds', () => {
    const { x, y, rows } = data(2000, [0, 0, 0, 0], 2)
    const fit = fitLogisticRegression({ design: denseDesign(x, 2000, 1), y })
    const [test] = binnedScoreTest({ design: denseDesign(x, 2000, 1), fit, rows, y, candidates: [{ index: Uint8Array.from(x), bins: 2 }] })
    expect(test!.statistic).toBeLessThan(1e-8)
    expect(test!.pValue).toBeGreaterThan(0.999)
  })

  it('rejects a feature of pure noise about as often as its level says', () => {
    let rejected = 0
    for (let seed = 0; seed < 200; seed += 1) {
      const { x, bin, y, rows } = data(1500, [0, 0, 0, 0], 100 + seed)
      const fit = fitLogisticRegression({ design: denseDesign(x, 1500, 1), y })
      const [test] = binnedScoreTest({ design: denseDesign(x, 1500, 1), fit, rows, y, candidates: [{ index: bin, bins: 4 }] })
      if (test!.pValue < 0.1) rejected += 1
    }
    expect(rejected / 200).toBeGreaterThan(0.04)
    expect(rejected / 200).toBeLessThan(0.17)
  })

  it('refers the statistic to the degrees of freedom it is given', () => {
    const { x, bin, y, rows } = data(2000, [0, 0.2, 0, 0.2], 3)
    const fit = fitLogisticRegression({ design: denseDesign(x, 2000, 1), y })
    const [own, conservative] = binnedScoreTest({ design: denseDesign(x, 2000, 1), fit, rows, y, candidates: [{ index: bin, bins: 4 }, { index: bin, bins: 4, degreesOfFreedom: 9 }] })
    expect(conservative!.statistic).toBe(own!.statistic)
    expect(conservative!.degreesOfFreedom).toBe(9)
    expect(conservative!.pValue).toBeGreaterThan(own!.pValue)
  })
})

describe('χ² upper tail', () => {
  it.each([
    [3.841459, 1, 0.05],
    [6.634897, 1, 0.01],
    [5.991465, 2, 0.05],
    [12.59159, 6, 0.05],
    [18.30704, 10, 0.05],
    [0.4549364, 1, 0.5],
    [2, 2, Math.exp(-1)],
  ])('P(χ² > %f on %i df) = %f', (statistic, df, p) => {
    expect(chiSquarePValue(statistic, df)).toBeCloseTo(p, 6)
  })

  it('is 1 at zero and tiny far out', () => {
    expect(chiSquarePValue(0, 3)).toBe(1)
    expect(chiSquarePValue(200, 2)).toBeCloseTo(Math.exp(-100), 50)
  })
})
