/**
 * Weight of evidence and information value of a binned feature.
 *
 * For bin i with g_i goods and b_i bads out of G goods and B bads:
 *
 *   WOE_i = ln( (g_i / G) / (b_i / B) )        positive: safer than average, negative: riskier
 *   IV    = Σ (g_i / G − b_i / B) · WOE_i      ≥ 0; < 0.02 useless, 0.02–0.1 weak, 0.1–0.3 medium, > 0.3 strong
 *
 * Smoothing for empty cells: a bin with no goods or no bads has an infinite WOE. When any cell
 * of the table is zero, `smoothing` (0.5 by default, the Haldane–Anscombe correction) is added
 * to every cell of the table, goods and bads alike, and the totals grow to match; a table
 * without zero cells is left exactly as counted.
 */
export type BinCounts = { goods: number; bads: number }

export type WoeTable = {
  /** One per bin, in the order given. */
  woe: number[]
  /** Each bin's contribution to the information value. */
  ivByBin: number[]
  iv: number
  /** Whether the smoothing was applied (some cell was zero). */
  smoothed: boolean
}

export function weightOfEvidence(bins: readonly BinCounts[], smoothing = 0.5): WoeTable {
  const smoothed = bins.some((bin) => bin.goods === 0 || bin.bads === 0)
  const add = smoothed ? smoothing : 0
  let totalGoods = 0
  let totalBads = 0
  for (const bin of bins) {
    totalGoods += bin.goods + add
    totalBads += bin.bads + add
  }
  const woe: number[] = []
  const ivByBin: number[] = []
  let iv = 0
  for (const bin of bins) {
    const goodShare = (bin.goods + add) / totalGoods
    const badShare = (bin.bads + add) / totalBads
    const w = goodShare > 0 && badShare > 0 ? Math.log(goodShare / badShare) : 0
    const part = (goodShare - badShare) * w
    woe.push(w)
    ivByBin.push(part)
    iv += part
  }
  return { woe, ivByBin, iv, smoothed }
}
