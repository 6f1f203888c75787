import { round2 } from './figure.ts'

export type Weighted = { weight: number; value: number }

export type WeightedAverage = {
  /** Σ weight × value, exact. */
  weightedSum: number
  /** Σ weight. */
  totalWeight: number
  count: number
  /** weightedSum / totalWeight to two decimals; null when there is no weight. */
  value: number | null
}

/** The weight-weighted average of `items` (amount-weighted days, scores). */
export function weightedAverage(items: readonly Weighted[]): WeightedAverage {
  let weightedSum = 0
  let totalWeight = 0
  for (const item of items) {
    weightedSum += item.weight * item.value
    totalWeight += item.weight
  }
  return { weightedSum, totalWeight, count: items.length, value: totalWeight > 0 ? round2(weightedSum / totalWeight) : null }
}
