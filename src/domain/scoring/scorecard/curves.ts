/**
 * The curves behind AUC and KS, for charts: walking the scores from the riskiest (lowest)
 * up, at each distinct score t
 *
 *   ROC: fpr = share of goods scoring ≤ t, tpr = share of bads scoring ≤ t (from (0,0) to (1,1))
 *   KS:  cumBad, cumGood = the same two shares beside t; KS is the largest gap between them
 *
 * Every distinct score is a point, so both are cut down to at most `maxPoints` evenly spaced
 * points, keeping the ends (and, for KS, the point of the largest gap).
 */
export type RocPoint = { fpr: number; tpr: number }
export type KsPoint = { score: number; cumBad: number; cumGood: number }

export const CURVE_POINTS = 101

type Steps = { scores: number[]; cumBad: number[]; cumGood: number[] }

/** The cumulative shares of bads and goods at each distinct score, ascending. */
function cumulativeShares(scores: ArrayLike<number>, bad: ArrayLike<number>): Steps | null {
  if (scores.length !== bad.length) throw new Error(`${scores.length} scores but ${bad.length} labels`)
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!)
  let bads = 0
  for (let i = 0; i < bad.length; i += 1) if (bad[i] === 1) bads += 1
  const goods = bad.length - bads
  if (bads === 0 || goods === 0) return null
  const steps: Steps = { scores: [], cumBad: [], cumGood: [] }
  let seenBad = 0
  let seenGood = 0
  for (let k = 0; k < order.length; k += 1) {
    const i = order[k]!
    if (bad[i] === 1) seenBad += 1
    else seenGood += 1
    const next = order[k + 1]
    if (next !== undefined && scores[next] === scores[i]) continue
    steps.scores.push(scores[i]!)
    steps.cumBad.push(seenBad / bads)
    steps.cumGood.push(seenGood / goods)
  }
  return steps
}

/** At most `maxPoints` indices of 0…length−1, evenly spaced, first and last included, `keep` included. */
export function thinIndices(length: number, maxPoints: number, keep?: number): number[] {
  if (maxPoints < 2) throw new Error(`a curve needs at least 2 points, got ${maxPoints}`)
  if (length <= maxPoints) return Array.from({ length }, (_, i) => i)
  const picked = Array.from({ length: maxPoints }, (_, k) => Math.round((k * (length - 1)) / (maxPoints - 1)))
  if (keep !== undefined && !picked.includes(keep)) {
    // Replace the nearest interior pick: the order stays ascending, the count stays the same.
    let nearest = 1
    for (let k = 1; k < maxPoints - 1; k += 1) if (Math.abs(picked[k]! - keep) < Math.abs(picked[nearest]! - keep)) nearest = k
    picked[nearest] = keep
  }
  return picked
}

/** The ROC curve of scores against outcomes (1 = bad); empty without both bads and goods. */
export function rocCurve(scores: ArrayLike<number>, bad: ArrayLike<number>, maxPoints = CURVE_POINTS): RocPoint[] {
  const steps = cumulativeShares(scores, bad)
  if (!steps) return []
  const points: RocPoint[] = [{ fpr: 0, tpr: 0 }, ...steps.cumBad.map((tpr, k) => ({ fpr: steps.cumGood[k]!, tpr }))]
  return thinIndices(points.length, maxPoints).map((k) => points[k]!)
}

/** The KS curve of scores against outcomes (1 = bad); empty without both bads and goods. */
export function ksCurve(scores: ArrayLike<number>, bad: ArrayLike<number>, maxPoints = CURVE_POINTS): KsPoint[] {
  const steps = cumulativeShares(scores, bad)
  if (!steps) return []
  let widest = 0
  steps.scores.forEach((_, k) => {
    if (Math.abs(steps.cumBad[k]! - steps.cumGood[k]!) > Math.abs(steps.cumBad[widest]! - steps.cumGood[widest]!)) widest = k
  })
  return thinIndices(steps.scores.length, maxPoints, widest).map((k) => ({ score: steps.scores[k]!, cumBad: steps.cumBad[k]!, cumGood: steps.cumGood[k]! }))
}
