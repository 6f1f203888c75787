/**
 * Calibration by decile: rows sorted by score (riskiest first) and cut into ten groups of
 * (nearly) equal size; for each, the PD the scorecard predicted on average against the bad
 * rate observed. A calibrated scorecard has the two close in every group; a group where the
 * observed rate is far above the predicted one is where the scorecard is too lenient.
 */
export type CalibrationGroup = {
  /** 1 = the riskiest tenth. */
  group: number
  rows: number
  minScore: number
  maxScore: number
  /** The mean predicted PD. */
  predictedPd: number
  /** The share of bads observed. */
  observedBadRate: number
  bads: number
}

export function calibrationByDecile(scores: ArrayLike<number>, pd: ArrayLike<number>, labels: ArrayLike<number>, groups = 10): CalibrationGroup[] {
  const n = scores.length
  if (pd.length !== n || labels.length !== n) throw new Error('scores, PDs and labels must have the same length')
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i += 1) order[i] = i
  order.sort((a, b) => scores[a]! - scores[b]!)
  const result: CalibrationGroup[] = []
  for (let g = 0; g < groups; g += 1) {
    const start = Math.floor((g * n) / groups)
    const end = Math.floor(((g + 1) * n) / groups)
    if (end <= start) continue
    let pdSum = 0
    let bads = 0
    for (let k = start; k < end; k += 1) {
      const i = order[k]!
      pdSum += pd[i]!
      if (labels[i] === 1) bads += 1
    }
    const rows = end - start
    result.push({ group: g + 1, rows, minScore: scores[order[start]!]!, maxScore: scores[order[end - 1]!]!, predictedPd: pdSum / rows, observedBadRate: bads / rows, bads })
  }
  return result
}
