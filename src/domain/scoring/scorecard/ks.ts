/**
 * The Kolmogorov–Smirnov statistic of a scorecard: the largest gap between the cumulative
 * distributions of the values among positives (bads) and negatives (goods),
 *
 *   KS = max_t | F₊(t) − F₋(t) |,   F(t) = the share with value ≤ t
 *
 * between 0 (no separation) and 1 (complete separation). `threshold` is the t where it occurs.
 */
export type KsResult = { ks: number; threshold: number }

export function kolmogorovSmirnov(values: ArrayLike<number>, labels: ArrayLike<number>): KsResult {
  if (values.length !== labels.length) throw new Error(`${values.length} values but ${labels.length} labels`)
  let positives = 0
  for (let i = 0; i < labels.length; i += 1) if (labels[i] === 1) positives += 1
  const negatives = values.length - positives
  if (positives === 0 || negatives === 0) throw new Error('KS needs both positives and negatives')
  const pos = new Float64Array(positives)
  const neg = new Float64Array(negatives)
  let p = 0
  let q = 0
  for (let i = 0; i < values.length; i += 1) {
    if (labels[i] === 1) pos[p++] = values[i]!
    else neg[q++] = values[i]!
  }
  pos.sort()
  neg.sort()
  if (Number.isNaN(pos[positives - 1]) || Number.isNaN(neg[negatives - 1])) throw new Error('cannot rank NaN values')
  let best = { ks: 0, threshold: Math.min(pos[0]!, neg[0]!) }
  p = 0
  q = 0
  while (p < positives || q < negatives) {
    const t = Math.min(p < positives ? pos[p]! : Infinity, q < negatives ? neg[q]! : Infinity)
    while (p < positives && pos[p]! <= t) p += 1
    while (q < negatives && neg[q]! <= t) q += 1
    const gap = Math.abs(p / positives - q / negatives)
    if (gap > best.ks) best = { ks: gap, threshold: t }
  }
  return best
}
