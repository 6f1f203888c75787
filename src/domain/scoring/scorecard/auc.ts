import { lowerBound, upperBound } from './sorted-search.ts'

/**
 * The area under the ROC curve: the probability that a random positive (label 1) has a higher
 * value than a random negative, ties counting one half. It is the Mann–Whitney U statistic
 * divided by n₊·n₋, computed here from mid-ranks:
 *
 *   AUC = (R₊ − n₊(n₊ + 1)/2) / (n₊ · n₋),   R₊ = the sum of the positives' mid-ranks among all values
 *
 * For a scorecard the positives are the bads and the value is the PD (or minus the score).
 * Gini = 2·AUC − 1.
 */
export function auc(values: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (values.length !== labels.length) throw new Error(`${values.length} values but ${labels.length} labels`)
  const all = Float64Array.from(values).sort()
  if (Number.isNaN(all[all.length - 1])) throw new Error('cannot rank NaN values')
  let positives = 0
  let rankSum = 0
  for (let i = 0; i < values.length; i += 1) {
    if (labels[i] !== 1) continue
    positives += 1
    const below = lowerBound(all, values[i]!)
    const tied = upperBound(all, values[i]!) - below
    rankSum += below + (tied + 1) / 2
  }
  const negatives = values.length - positives
  if (positives === 0 || negatives === 0) throw new Error('AUC needs both positives and negatives')
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives)
}

export function gini(areaUnderCurve: number): number {
  return 2 * areaUnderCurve - 1
}
