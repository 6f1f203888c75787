import { choleskySolve } from './cholesky.ts'
import type { LogisticDesign, LogisticFit } from './logistic-regression.ts'

/**
 * The score (Rao) test for adding a binned feature to a fitted logistic regression: does the
 * feature tell bads from goods among rows the model already scores alike? It tests the feature's
 * bin indicators (one bin is the reference), not its WOE column: WOE is fitted to these same
 * outcomes, so a feature of pure noise gets a WOE column that looks useful; its indicators carry
 * honest degrees of freedom (bins − 1). At the current fit (μ_i, residual r_i = y_i − μ_i,
 * w_i = μ_i(1 − μ_i)), with Z the indicators and P = H⁻¹·XᵀWZ (Z projected on the model):
 *
 *   U = Zᵀr,   V = Σ_i r_i² (z_i − Pᵀx_i)(z_i − Pᵀx_i)ᵀ,   H = XᵀWX + l2·I (intercept unpenalised)
 *   S = Uᵀ V⁻¹ U  ~  χ²(bins − 1) when the feature adds nothing (for bins drawn without the outcome)
 *
 * V is the robust ("sandwich") variance, from the residuals actually seen rather than from
 * μ(1 − μ), so the test stays valid when the model's steps only approximate smooth effects.
 * Every sum V needs is gathered in the same single pass over the rows (Σr²xxᵀ, and per bin Σr²x
 * and Σr²), so all candidates are tested at once, without refitting.
 */
export type ScoreTestResult = { statistic: number; degreesOfFreedom: number; pValue: number }

export type BinnedCandidate = {
  /** The bin of every dataset row. */
  index: Uint8Array
  bins: number
  /**
   * When the bins were chosen by looking at the outcome, the statistic is flattered; give the
   * degrees of freedom of the classes they were merged from, chosen without it (fine classes − 1).
   * Merged bins never score higher than the classes merged, so the test is then conservative.
   * Default: bins − 1 (bins that never looked at the outcome).
   */
  degreesOfFreedom?: number
}

export type ScoreTestOptions = {
  /** The fitted model's columns (without the intercept), one design row per training row. */
  design: LogisticDesign
  fit: LogisticFit
  /** The dataset row of each design row. */
  rows: Int32Array
  y: ArrayLike<number>
  candidates: readonly BinnedCandidate[]
  l2?: number
}

export function binnedScoreTest(options: ScoreTestOptions): ScoreTestResult[] {
  const { design, fit, rows, y, candidates } = options
  const l2 = options.l2 ?? 0
  const p = design.columns + 1
  const x = new Float64Array(p)
  x[0] = 1
  const features = x.subarray(1)
  const h = new Float64Array(p * p)
  const m = new Float64Array(p * p) // Σ r²·x·xᵀ
  // Per candidate and bin: Σr, Σw, Σw·x (a row of XᵀWZ), Σr², Σr²·x.
  const u = candidates.map((c) => new Float64Array(c.bins))
  const zwz = candidates.map((c) => new Float64Array(c.bins))
  const b = candidates.map((c) => new Float64Array(c.bins * p))
  const d = candidates.map((c) => new Float64Array(c.bins))
  const e = candidates.map((c) => new Float64Array(c.bins * p))
  for (let r = 0; r < design.rows; r += 1) {
    design.fill(r, features)
    let eta = fit.intercept
    for (let a = 1; a < p; a += 1) eta += fit.coefficients[a - 1]! * x[a]!
    const mu = 1 / (1 + Math.exp(-eta))
    const w = mu * (1 - mu)
    const residual = y[r]! - mu
    const r2 = residual * residual
    for (let a = 0; a < p; a += 1) {
      const wxa = w * x[a]!
      const rxa = r2 * x[a]!
      for (let c = 0; c <= a; c += 1) {
        h[a * p + c] = h[a * p + c]! + wxa * x[c]!
        m[a * p + c] = m[a * p + c]! + rxa * x[c]!
      }
    }
    const row = rows[r]!
    for (let c = 0; c < candidates.length; c += 1) {
      const bin = candidates[c]!.index[row]!
      u[c]![bin] = u[c]![bin]! + residual
      zwz[c]![bin] = zwz[c]![bin]! + w
      d[c]![bin] = d[c]![bin]! + r2
      const bc = b[c]!
      const ec = e[c]!
      const at = bin * p
      for (let a = 0; a < p; a += 1) {
        bc[at + a] = bc[at + a]! + w * x[a]!
        ec[at + a] = ec[at + a]! + r2 * x[a]!
      }
    }
  }
  for (let a = 0; a < p; a += 1) for (let c = a + 1; c < p; c += 1) m[a * p + c] = m[c * p + a]!
  for (let a = 1; a < p; a += 1) h[a * p + a] = h[a * p + a]! + l2

  return candidates.map((candidate, c) => {
    // The bins that hold training rows, less the fullest (the reference).
    const held = [...Array(candidate.bins).keys()].filter((bin) => zwz[c]![bin]! > 0)
    const reference = held.reduce((best, bin) => (zwz[c]![bin]! > zwz[c]![best]! ? bin : best), held[0] ?? 0)
    const tested = held.filter((bin) => bin !== reference)
    const q = tested.length
    if (q === 0) return { statistic: 0, degreesOfFreedom: 0, pValue: 1 }
    const projection = tested.map((bin) => choleskySolve(h, b[c]!.subarray(bin * p, (bin + 1) * p), p))
    if (projection.some((column) => column === null)) return { statistic: 0, degreesOfFreedom: q, pValue: 1 }
    const proj = projection as Float64Array[]
    const mProj = proj.map((column) => {
      const out = new Float64Array(p)
      for (let a = 0; a < p; a += 1) for (let k = 0; k < p; k += 1) out[a] = out[a]! + m[a * p + k]! * column[k]!
      return out
    })
    // V[i][j] = δij·Σ_bin r² − (Σ_bin_i r²x)·P_j − P_i·(Σ_bin_j r²x) + P_iᵀ·M·P_j
    const v = new Float64Array(q * q)
    for (let i = 0; i < q; i += 1) {
      for (let j = 0; j <= i; j += 1) {
        let sum = i === j ? d[c]![tested[i]!]! : 0
        const ei = e[c]!.subarray(tested[i]! * p)
        const ej = e[c]!.subarray(tested[j]! * p)
        for (let a = 0; a < p; a += 1) sum += -ei[a]! * proj[j]![a]! - ej[a]! * proj[i]![a]! + proj[i]![a]! * mProj[j]![a]!
        v[i * q + j] = sum
      }
    }
    const score = Float64Array.from(tested, (bin) => u[c]![bin]!)
    const solved = choleskySolve(v, score, q)
    // No variance of its own left (the model already holds this feature): nothing to add.
    const statistic = solved ? Math.max(0, score.reduce((sum, s, i) => sum + s * solved[i]!, 0)) : 0
    const df = candidate.degreesOfFreedom ?? q
    return { statistic, degreesOfFreedom: df, pValue: chiSquarePValue(statistic, df) }
  })
}

/** P(χ²(k) > s): the regularised upper incomplete gamma function Q(k/2, s/2). */
export function chiSquarePValue(statistic: number, degreesOfFreedom: number): number {
  if (!(statistic > 0)) return 1
  return upperGamma(degreesOfFreedom / 2, statistic / 2)
}

/** Q(a, x) by its series below a + 1 and its continued fraction above (Numerical Recipes, gammq). */
function upperGamma(a: number, x: number): number {
  const logPrefix = -x + a * Math.log(x) - logGamma(a)
  if (x < a + 1) {
    let term = 1 / a
    let sum = term
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-15; n += 1) {
      term *= x / (a + n)
      sum += term
    }
    return Math.min(1, Math.max(0, 1 - sum * Math.exp(logPrefix)))
  }
  const tiny = 1e-300
  let bn = x + 1 - a
  let c = 1 / tiny
  let d = 1 / bn
  let fraction = d
  for (let n = 1; n < 1000; n += 1) {
    const an = -n * (n - a)
    bn += 2
    d = an * d + bn
    if (Math.abs(d) < tiny) d = tiny
    c = bn + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    fraction *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return Math.min(1, Math.max(0, Math.exp(logPrefix) * fraction))
}

/** ln Γ(z) for z > 0 (Lanczos, g = 7, n = 9: about 15 digits). */
function logGamma(z: number): number {
  const coefficients = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7]
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z)
  const shifted = z - 1
  let sum = coefficients[0]!
  for (let i = 1; i < 9; i += 1) sum += coefficients[i]! / (shifted + i)
  const t = shifted + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum)
}
