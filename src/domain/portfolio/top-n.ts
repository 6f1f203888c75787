/**
 * The share of the total held by the N largest exposures, and who they are. Ties at the
 * cut-off are broken by key, so the answer does not depend on the input order. With fewer
 * than N names, all of them are the top and the share is 1 (or null without any exposure).
 * When the database found the largest names, `total` gives the whole portfolio's total.
 */
export type Named = { key: string; name: string; exposure: number }

export type TopN = {
  n: number
  share: number | null
  /** The summed exposure of the top names. */
  exposure: number
  total: number
  top: (Named & { share: number | null })[]
}

export function topNShare(items: readonly Named[], n: number, options: { total?: number } = {}): TopN {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, got ${n}`)
  let sum = 0
  for (const item of items) {
    if (!Number.isFinite(item.exposure) || item.exposure < 0) throw new RangeError(`${item.key}: an exposure must be a finite number ≥ 0, got ${item.exposure}`)
    sum += item.exposure
  }
  // Given the total of a larger list, the items need only hold its largest n.
  const total = options.total ?? sum
  if (total < sum) throw new RangeError(`the total ${total} is less than the items' sum ${sum}`)
  const top = largest(items.filter((item) => item.exposure > 0), n)
  const exposure = top.reduce((sum, item) => sum + item.exposure, 0)
  return {
    n,
    share: total === 0 ? null : exposure / total,
    exposure,
    total,
    top: top.map((item) => ({ ...item, share: total === 0 ? null : item.exposure / total })),
  }
}

/** The n largest by exposure (ties by key), without sorting everything: one pass with a small sorted buffer. */
export function largest<T extends { key: string; exposure: number }>(items: readonly T[], n: number): T[] {
  const kept: T[] = []
  for (const item of items) {
    if (kept.length === n && compare(item, kept[n - 1]!) >= 0) continue
    let at = kept.length
    while (at > 0 && compare(item, kept[at - 1]!) < 0) at--
    kept.splice(at, 0, item)
    if (kept.length > n) kept.pop()
  }
  return kept
}

function compare(a: { key: string; exposure: number }, b: { key: string; exposure: number }): number {
  return b.exposure - a.exposure || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}
