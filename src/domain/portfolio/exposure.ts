/**
 * Exposure summed by a key (grade, industry, region…): for each key its exposure, how many
 * customers and how many of them have any exposure, and its share of the total. Largest
 * first, ties by key. A missing key (null) is grouped under `unknownKey`.
 */
export type ExposureBucket = {
  key: string
  exposure: number
  customers: number
  exposed: number
  share: number | null
}

export type GroupExposureByOptions<T> = {
  items: readonly T[]
  keyOf: (item: T) => string | null
  exposureOf: (item: T) => number
  unknownKey?: string
  /** When given, buckets come in this order (keys not in it after, largest first) instead of largest first. */
  order?: readonly string[]
}

export function exposureBy<T>({ items, keyOf, exposureOf, unknownKey = 'unknown', order }: GroupExposureByOptions<T>): ExposureBucket[] {
  const buckets = new Map<string, Omit<ExposureBucket, 'share'>>()
  for (const item of items) {
    const exposure = exposureOf(item)
    if (!Number.isFinite(exposure) || exposure < 0) throw new RangeError(`an exposure must be a finite number ≥ 0, got ${exposure}`)
    const key = keyOf(item) ?? unknownKey
    const bucket = buckets.get(key) ?? { key, exposure: 0, customers: 0, exposed: 0 }
    bucket.exposure += exposure
    bucket.customers++
    if (exposure > 0) bucket.exposed++
    buckets.set(key, bucket)
  }
  return exposureBuckets({ sums: [...buckets.values()], order })
}

/** Buckets from sums per key (as a GROUP BY gives them): shares of their total, in order. A null key becomes `unknownKey`. */
export function exposureBuckets({ sums, unknownKey = 'unknown', order }: { sums: readonly { key: string | null; exposure: number; customers: number; exposed: number }[]; unknownKey?: string; order?: readonly string[] }): ExposureBucket[] {
  const merged = new Map<string, Omit<ExposureBucket, 'share'>>()
  for (const sum of sums) {
    const key = sum.key ?? unknownKey
    const bucket = merged.get(key) ?? { key, exposure: 0, customers: 0, exposed: 0 }
    merged.set(key, { key, exposure: bucket.exposure + sum.exposure, customers: bucket.customers + sum.customers, exposed: bucket.exposed + sum.exposed })
  }
  const total = [...merged.values()].reduce((sum, bucket) => sum + bucket.exposure, 0)
  const rank = new Map((order ?? []).map((key, index) => [key, index]))
  return [...merged.values()]
    .map((bucket) => ({ ...bucket, share: total === 0 ? null : bucket.exposure / total }))
    .sort((a, b) => (rank.get(a.key) ?? Infinity) - (rank.get(b.key) ?? Infinity) || b.exposure - a.exposure || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
