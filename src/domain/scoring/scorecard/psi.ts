import { quantileCuts, upperBound } from './sorted-search.ts'

/**
 * The population stability index between a reference ("expected") distribution of scores and
 * a new ("actual") one, over the same bins:
 *
 *   PSI = Σ (a_i − e_i) · ln(a_i / e_i)
 *
 * Read it as: < 0.1 stable, 0.1–0.25 some shift (look at it), > 0.25 a major shift (the
 * scorecard may no longer fit the population). An empty bin would make the log infinite, so a
 * share below `floor` (0.0001) counts as `floor`.
 *
 * The bins are deciles of the reference scores: edges e_1 < … < e_k, bin i holding
 * e_(i−1) ≤ score < e_i with open ends. Ties can make edges coincide; they are kept once, so a
 * discrete score can give fewer than ten bins, each share then counted rather than assumed.
 */
export type ScoreDistribution = { edges: number[]; shares: number[] }

export const PSI_FLOOR = 0.0001

/** The decile edges of the reference values and each bin's share of them. */
export function scoreDistribution(values: ArrayLike<number>, bins = 10): ScoreDistribution {
  const sorted = Float64Array.from(values).sort()
  const edges = quantileCuts(sorted, bins)
  return { edges, shares: sharesOf(values, edges) }
}

/** The share of the values in each bin of the edges. */
export function sharesOf(values: ArrayLike<number>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0)
  for (let i = 0; i < values.length; i += 1) counts[upperBound(edges, values[i]!)]! += 1
  return counts.map((count) => (values.length === 0 ? 0 : count / values.length))
}

export function populationStabilityIndex(expected: readonly number[], actual: readonly number[], floor = PSI_FLOOR): number {
  if (expected.length !== actual.length) throw new Error(`${expected.length} expected shares but ${actual.length} actual ones`)
  let sum = 0
  for (let i = 0; i < expected.length; i += 1) {
    const e = Math.max(expected[i]!, floor)
    const a = Math.max(actual[i]!, floor)
    sum += (a - e) * Math.log(a / e)
  }
  return sum
}

/** PSI of new values against a stored reference distribution. */
export function psiAgainst(reference: ScoreDistribution, values: ArrayLike<number>): number {
  return populationStabilityIndex(reference.shares, sharesOf(values, reference.edges))
}
