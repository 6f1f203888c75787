/** Binary searches over ascending arrays, shared by the rank and distribution metrics and by binning. */

/** How many values are strictly less than `x`: the first index whose value is >= x. */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** How many values are less than or equal to `x`: the first index whose value is > x. */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! <= x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The values of `values` at the rows where `mask` is 1 (all rows when it is absent), sorted ascending. */
export function sortedValues(values: ArrayLike<number>, mask?: ArrayLike<number>): Float64Array {
  let count = 0
  for (let i = 0; i < values.length; i += 1) if (!mask || mask[i] === 1) count += 1
  const out = new Float64Array(count)
  let k = 0
  for (let i = 0; i < values.length; i += 1) if (!mask || mask[i] === 1) out[k++] = values[i]!
  return out.sort()
}

/**
 * Cut points at the `parts`-quantiles of ascending values: distinct and above the minimum, so
 * cutting `lower ≤ x < upper` leaves no part empty by construction. No value lies between a
 * quantile and the value below it, so any number in that gap cuts the same way: the one with
 * the fewest significant digits is taken (3000 rather than 3021.5, −1.3 rather than −1.3044695…).
 */
export function quantileCuts(sorted: Float64Array, parts: number): number[] {
  const cuts: number[] = []
  const n = sorted.length
  let last = -Infinity
  for (let k = 1; k < parts; k += 1) {
    const cut = sorted[Math.floor((k * n) / parts)]
    if (cut === undefined || cut <= sorted[0]! || cut === last) continue
    last = cut
    cuts.push(shortestAbove(sorted[lowerBound(sorted, cut) - 1]!, cut))
  }
  return cuts
}

/** The number with the fewest significant digits in (below, upTo]. */
export function shortestAbove(below: number, upTo: number): number {
  if (upTo === 0) return 0
  for (let digits = 1; digits <= 17; digits += 1) {
    const nearest = Number(upTo.toPrecision(digits))
    if (nearest > below && nearest <= upTo) return nearest
    const scale = 10 ** (digits - 1 - Math.floor(Math.log10(Math.abs(upTo))))
    const floored = Math.floor(upTo * scale) / scale
    if (floored > below && floored <= upTo) return floored
  }
  return upTo
}
