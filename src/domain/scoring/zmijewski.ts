/**
 * Zmijewski's (1984) probit model of financial distress:
 *
 *   X = −4.336 − 4.513·(netIncome / totalAssets) + 5.679·(totalLiabilities / totalAssets) + 0.004·(currentAssets / currentLiabilities)
 *   P(distress) = Φ(X), the standard normal distribution function; P ≥ 0.5 (X ≥ 0) predicts distress.
 *
 * Caveats (docs/risk-models.md): estimated on 40 bankrupt and 800 non-bankrupt US industrial
 * firms listed in 1972–1978; the liquidity coefficient is tiny and carries the
 * counter-intuitive sign the paper reports (more liquidity, marginally more risk) because
 * the variable was insignificant; a probability from a US 1970s sample is a ranking aid,
 * not a calibrated default probability for Chinese or any other present-day customers.
 */
export const ZMIJEWSKI = {
  constant: -4.336,
  coefficients: { returnOnAssets: -4.513, liabilitiesToAssets: 5.679, currentRatio: 0.004 },
  cutoff: 0.5,
  source: 'Zmijewski, M. E. (1984). Methodological issues related to the estimation of financial distress prediction models. Journal of Accounting Research 22 (Supplement), 59–82.',
} as const

export type ZmijewskiInputs = {
  netIncome?: number | null
  totalAssets?: number | null
  totalLiabilities?: number | null
  currentAssets?: number | null
  currentLiabilities?: number | null
}
export type ZmijewskiInput = keyof ZmijewskiInputs

export type ZmijewskiResult = {
  score: number
  probability: number
  predictsDistress: boolean
  components: { returnOnAssets: number; liabilitiesToAssets: number; currentRatio: number }
  coefficients: (typeof ZMIJEWSKI)['coefficients']
  constant: number
  cutoff: number
  formula: string
  inputs: Record<ZmijewskiInput, number>
}

export type ZmijewskiProblem = { input: ZmijewskiInput; kind: 'missing' | 'zero' | 'negative' }

export type ZmijewskiOutcome = { ok: true; result: ZmijewskiResult } | { ok: false; problems: ZmijewskiProblem[] }

export const ZMIJEWSKI_INPUTS: readonly ZmijewskiInput[] = ['netIncome', 'totalAssets', 'totalLiabilities', 'currentAssets', 'currentLiabilities']

export function calculateZmijewski(inputs: ZmijewskiInputs): ZmijewskiOutcome {
  const problems: ZmijewskiProblem[] = ZMIJEWSKI_INPUTS.filter((input) => !isNumber(inputs[input])).map((input) => ({ input, kind: 'missing' as const }))
  for (const divisor of ['totalAssets', 'currentLiabilities'] as const) {
    const value = inputs[divisor]
    if (isNumber(value) && value <= 0) problems.push({ input: divisor, kind: value === 0 ? 'zero' : 'negative' })
  }
  if (problems.length > 0) return { ok: false, problems }

  const value = Object.fromEntries(ZMIJEWSKI_INPUTS.map((input) => [input, inputs[input] as number])) as Record<ZmijewskiInput, number>
  const components = {
    returnOnAssets: value.netIncome / value.totalAssets,
    liabilitiesToAssets: value.totalLiabilities / value.totalAssets,
    currentRatio: value.currentAssets / value.currentLiabilities,
  }
  const { constant, coefficients, cutoff } = ZMIJEWSKI
  const score =
    constant +
    coefficients.returnOnAssets * components.returnOnAssets +
    coefficients.liabilitiesToAssets * components.liabilitiesToAssets +
    coefficients.currentRatio * components.currentRatio
  const probability = standardNormalCdf(score)
  return {
    ok: true,
    result: {
      score,
      probability,
      predictsDistress: probability >= cutoff,
      components,
      coefficients,
      constant,
      cutoff,
      formula:
        'Φ(-4.336 - 4.513·netIncome/totalAssets + 5.679·totalLiabilities/totalAssets + 0.004·currentAssets/currentLiabilities); distress when ≥ 0.5',
      inputs: value,
    },
  }
}

/**
 * Φ(x) through the complementary error function of Numerical Recipes (erfcc, a Chebyshev
 * fit with fractional error below 1.2e-7 everywhere): Φ(x) = erfc(−x / √2) / 2.
 */
export function standardNormalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2)
}

function erfc(x: number): number {
  const z = Math.abs(x)
  const t = 1 / (1 + 0.5 * z)
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  const result = t * Math.exp(-z * z + poly)
  return x >= 0 ? result : 2 - result
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}
