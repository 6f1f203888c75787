import { choleskySolve } from './cholesky.ts'

/**
 * Logistic regression fitted by Newton's method (iteratively reweighted least squares) with
 * an L2 penalty. It maximises
 *
 *   Σ_i [ y_i·η_i − ln(1 + e^η_i) ] − (l2 / 2)·‖w‖²,   η_i = b + w·x_i
 *
 * over the intercept b (never penalised) and the weights w. With l2 = 1/C this is the problem
 * scikit-learn's LogisticRegression(C) solves. Each step solves (Xᵀ·W·X + l2·I)·δ = gradient
 * by Cholesky; a step that lowers the objective is halved. It stops when no parameter moves by
 * more than `tolerance`·(1 + the largest parameter), after taking that last small step.
 */
export type LogisticDesign = {
  rows: number
  columns: number
  /** Writes row `row`'s feature values (without the intercept) into `out`. */
  fill(row: number, out: Float64Array): void
}

export type FitLogisticOptions = {
  design: LogisticDesign
  /** The outcome of each design row: 1 or 0. */
  y: ArrayLike<number>
  l2?: number
  fitIntercept?: boolean
  maxIterations?: number
  tolerance?: number
  /** Where to start (a warm start from a neighbouring model): the intercept and one coefficient per column. */
  initial?: { intercept: number; coefficients: readonly number[] }
}

export type LogisticFit = {
  intercept: number
  coefficients: number[]
  /** Newton steps taken (halvings included). */
  iterations: number
  converged: boolean
  /** The unpenalised log-likelihood at the returned parameters' last evaluation. */
  logLikelihood: number
}

const MAX_HALVINGS = 30

/** A design over a dense row-major matrix. */
export function denseDesign(x: Float64Array, rows: number, columns: number): LogisticDesign {
  if (x.length !== rows * columns) throw new Error(`a ${rows}×${columns} design needs ${rows * columns} values, got ${x.length}`)
  return { rows, columns, fill: (row, out) => out.set(x.subarray(row * columns, (row + 1) * columns)) }
}

export function fitLogisticRegression(options: FitLogisticOptions): LogisticFit {
  const { design, y } = options
  const l2 = options.l2 ?? 0
  const fitIntercept = options.fitIntercept ?? true
  const maxIterations = options.maxIterations ?? 100
  const tolerance = options.tolerance ?? 1e-10
  if (y.length !== design.rows) throw new Error(`y has ${y.length} values for ${design.rows} rows`)
  if (!(l2 >= 0)) throw new Error(`l2 must be at least 0, got ${l2}`)

  const offset = fitIntercept ? 1 : 0
  const p = design.columns + offset
  let positives = 0
  for (let i = 0; i < y.length; i += 1) positives += y[i]!
  const theta = new Float64Array(p)
  const mean = positives / Math.max(1, design.rows)
  if (options.initial) {
    if (options.initial.coefficients.length !== design.columns) throw new Error(`the start has ${options.initial.coefficients.length} coefficients for ${design.columns} columns`)
    if (fitIntercept) theta[0] = options.initial.intercept
    theta.set(options.initial.coefficients, offset)
  } else if (fitIntercept && mean > 0 && mean < 1) {
    theta[0] = Math.log(mean / (1 - mean))
  }

  const x = new Float64Array(p)
  const features = x.subarray(offset)
  const gradient = new Float64Array(p)
  const hessian = new Float64Array(p * p)
  if (fitIntercept) x[0] = 1

  /** One pass over the rows: objective, gradient and Hessian (lower triangle) at theta. */
  const evaluate = (): { objective: number; logLikelihood: number } => {
    gradient.fill(0)
    hessian.fill(0)
    let logLikelihood = 0
    for (let i = 0; i < design.rows; i += 1) {
      design.fill(i, features)
      let eta = 0
      for (let a = 0; a < p; a += 1) eta += theta[a]! * x[a]!
      const mu = 1 / (1 + Math.exp(-eta))
      const yi = y[i]!
      logLikelihood += yi * eta - (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta)))
      const residual = yi - mu
      const w = mu * (1 - mu)
      for (let a = 0; a < p; a += 1) {
        const xa = x[a]!
        gradient[a] = gradient[a]! + residual * xa
        const wxa = w * xa
        const row = a * p
        for (let b = 0; b <= a; b += 1) hessian[row + b] = hessian[row + b]! + wxa * x[b]!
      }
    }
    let penalty = 0
    for (let a = offset; a < p; a += 1) {
      penalty += theta[a]! * theta[a]!
      gradient[a] = gradient[a]! - l2 * theta[a]!
      hessian[a * p + a] = hessian[a * p + a]! + l2
    }
    return { objective: logLikelihood - (l2 / 2) * penalty, logLikelihood }
  }

  let previous = -Infinity
  const before = new Float64Array(p)
  let step: Float64Array = new Float64Array(p)
  let logLikelihood = -Infinity
  let converged = false
  let iterations = 0
  let halvings = 0
  while (iterations < maxIterations) {
    const current = evaluate()
    logLikelihood = current.logLikelihood
    // Overshot (by more than rounding noise near the optimum): go back and take half the step.
    if (current.objective < previous - 1e-10 * (Math.abs(previous) + 1) && halvings < MAX_HALVINGS) {
      for (let a = 0; a < p; a += 1) {
        step[a] = step[a]! / 2
        theta[a] = before[a]! + step[a]!
      }
      halvings += 1
      iterations += 1
      continue
    }
    halvings = 0
    previous = current.objective
    before.set(theta)
    step = solve(hessian, gradient, p)
    let largestStep = 0
    let largestParameter = 0
    for (let a = 0; a < p; a += 1) {
      theta[a] = theta[a]! + step[a]!
      largestStep = Math.max(largestStep, Math.abs(step[a]!))
      largestParameter = Math.max(largestParameter, Math.abs(theta[a]!))
    }
    iterations += 1
    if (largestStep <= tolerance * (1 + largestParameter)) {
      converged = true
      break
    }
  }
  const intercept = fitIntercept ? theta[0]! : 0
  return { intercept, coefficients: Array.from(theta.subarray(offset)), iterations, converged, logLikelihood }
}

/** Solves H·δ = g; a singular H (no penalty, a constant or duplicated column) gets a tiny ridge until it factors. */
function solve(hessian: Float64Array, gradient: Float64Array, p: number): Float64Array {
  let ridge = 0
  let trace = 0
  for (let a = 0; a < p; a += 1) trace += hessian[a * p + a]!
  for (;;) {
    const h = ridge === 0 ? hessian : hessian.map((v, k) => (k % (p + 1) === 0 ? v + ridge : v))
    const delta = choleskySolve(h, gradient, p)
    if (delta) return delta
    ridge = ridge === 0 ? 1e-10 * Math.max(trace / p, 1e-300) : ridge * 10
    if (!Number.isFinite(ridge)) throw new Error('the Hessian cannot be factorised: does the design hold non-finite values?')
  }
}
