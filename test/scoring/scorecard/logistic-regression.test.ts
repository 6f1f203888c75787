import { describe, expect, it } from 'vitest'
import { denseDesign, fitLogisticRegression, mulberry32 } from '../../../src/domain/scoring/scorecard/index.ts'

/** Space Shuttle launches before Challenger: launch temperature (°F) and whether an O-ring was damaged (Dalal, Fowlkes & Hoadley 1989). */
const TEMPERATURE = [66, 70, 69, 68, 67, 72, 73, 70, 57, 63, 70, 78, 67, 53, 67, 75, 70, 81, 76, 79, 75, 76, 58]
const DAMAGED = [0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1]

/** A seeded random design with a known logistic truth. */
function simulated(rows: number, truth: { intercept: number; weights: number[] }, seed: number) {
  const next = mulberry32(seed)
  const p = truth.weights.length
  const x = new Float64Array(rows * p)
  const y = new Uint8Array(rows)
  for (let i = 0; i < rows; i += 1) {
    let eta = truth.intercept
    for (let j = 0; j < p; j += 1) {
      const value = (next() - 0.5) * 4 + (j === 1 ? x[i * p]! * 0.5 : 0) // column 1 leans on column 0
      x[i * p + j] = value
      eta += truth.weights[j]! * value
    }
    y[i] = next() < 1 / (1 + Math.exp(-eta)) ? 1 : 0
  }
  return { x, y, p }
}

/** The gradient of the penalised log-likelihood: Σ(y − μ) for the intercept, Xᵀ(y − μ) − l2·w for the weights. */
function gradient(x: Float64Array, y: Uint8Array, p: number, intercept: number, weights: number[], l2: number): number[] {
  const g = new Array<number>(p + 1).fill(0)
  for (let i = 0; i < y.length; i += 1) {
    let eta = intercept
    for (let j = 0; j < p; j += 1) eta += weights[j]! * x[i * p + j]!
    const residual = y[i]! - 1 / (1 + Math.exp(-eta))
    g[0] = g[0]! + residual
    for (let j = 0; j < p; j += 1) g[j + 1] = g[j + 1]! + residual * x[i * p + j]!
  }
  for (let j = 0; j < p; j += 1) g[j + 1] = g[j + 1]! - l2 * weights[j]!
  return g
}

describe('logistic regression by IRLS', () => {
  it('reproduces the published fit of the Challenger O-ring data', () => {
    const fit = fitLogisticRegression({ design: denseDesign(Float64Array.from(TEMPERATURE), 23, 1), y: DAMAGED })
    // glm(damaged ~ temperature, binomial): 15.0429 and −0.2322; residual deviance 20.315 on 21 df.
    expect(fit.converged).toBe(true)
    expect(fit.intercept).toBeCloseTo(15.0429, 3)
    expect(fit.coefficients[0]).toBeCloseTo(-0.2322, 4)
    expect(-2 * fit.logLikelihood).toBeCloseTo(20.315, 3)
    expect(fit.iterations).toBeLessThan(15)
  })

  it('finds the closed-form maximum-likelihood estimate of a two-group table', () => {
    // x = 0: 3 bads in 10; x = 1: 6 bads in 8. MLE: intercept = logit(0.3) = ln(3/7), slope = logit(0.75) − logit(0.3) = ln 7.
    const x = Float64Array.from([...Array(10).fill(0), ...Array(8).fill(1)])
    const y = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0]
    const fit = fitLogisticRegression({ design: denseDesign(x, 18, 1), y })
    expect(fit.intercept).toBeCloseTo(Math.log(3 / 7), 10)
    expect(fit.coefficients[0]).toBeCloseTo(Math.log(7), 10)
  })

  it('solves the L2-penalised score equations, leaving the intercept unpenalised', () => {
    const { x, y, p } = simulated(400, { intercept: -1, weights: [1.2, -0.7, 0] }, 7)
    for (const l2 of [0, 1, 25]) {
      const fit = fitLogisticRegression({ design: denseDesign(x, 400, p), y, l2 })
      expect(fit.converged).toBe(true)
      for (const component of gradient(x, y, p, fit.intercept, fit.coefficients, l2)) expect(Math.abs(component), `l2 = ${l2}`).toBeLessThan(1e-8)
    }
    const loose = fitLogisticRegression({ design: denseDesign(x, 400, p), y, l2: 0 })
    const tight = fitLogisticRegression({ design: denseDesign(x, 400, p), y, l2: 1000 })
    expect(Math.hypot(...tight.coefficients)).toBeLessThan(Math.hypot(...loose.coefficients) / 5)
    // With the weights shrunk to ~0, the unpenalised intercept still matches the base rate.
    const rate = y.reduce((s, v) => s + v, 0) / y.length
    expect(1 / (1 + Math.exp(-tight.intercept))).toBeCloseTo(rate, 1)
  })

  it('recovers a known truth from a large sample', () => {
    const { x, y, p } = simulated(20_000, { intercept: -1, weights: [1.2, -0.7, 0] }, 11)
    const fit = fitLogisticRegression({ design: denseDesign(x, 20_000, p), y, l2: 1 })
    expect(fit.converged).toBe(true)
    expect(fit.iterations).toBeLessThan(15)
    expect(fit.intercept).toBeCloseTo(-1, 1)
    expect(fit.coefficients[0]).toBeCloseTo(1.2, 1)
    expect(fit.coefficients[1]).toBeCloseTo(-0.7, 1)
    expect(fit.coefficients[2]).toBeCloseTo(0, 1)
  })

  it('fits without an intercept when asked', () => {
    const { x, y, p } = simulated(300, { intercept: 0, weights: [1, 0.5] }, 3)
    const fit = fitLogisticRegression({ design: denseDesign(x, 300, p), y, fitIntercept: false })
    expect(fit.intercept).toBe(0)
    const g = gradient(x, y, p, 0, fit.coefficients, 0)
    expect(Math.abs(g[1]!)).toBeLessThan(1e-8)
    expect(Math.abs(g[2]!)).toBeLessThan(1e-8)
  })

  it('stays finite on separable data with a penalty, and says so when it cannot converge without one', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6])
    const y = [0, 0, 0, 1, 1, 1]
    const penalised = fitLogisticRegression({ design: denseDesign(x, 6, 1), y, l2: 1 })
    expect(penalised.converged).toBe(true)
    expect(Number.isFinite(penalised.coefficients[0])).toBe(true)
    const unpenalised = fitLogisticRegression({ design: denseDesign(x, 6, 1), y, maxIterations: 30 })
    expect(unpenalised.converged).toBe(false)
  })
})
