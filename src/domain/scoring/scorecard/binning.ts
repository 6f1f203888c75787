import { quantileCuts, sortedValues, upperBound } from './sorted-search.ts'
import type { BinCounts } from './woe.ts'

/**
 * Automatic binning, fitted on the training rows only.
 *
 * Numeric features: quantile pre-bins (`prebins` of about equal size, cut at observed values,
 * so every pre-bin is `lower ≤ x < upper`), then adjacent pre-bins are merged, pool-adjacent-
 * violators style, until the bad rate is strictly monotonic in the value (tried rising and
 * falling; the direction with the higher information value wins), then every bin must hold at
 * least `minBinShare` of the training rows and both goods and bads (a bin that does not is merged
 * with the neighbour whose bad rate is closer), then the adjacent pair whose merge loses the
 * least information value is merged until at most `maxBins` remain. Merging neighbours of a
 * monotonic sequence keeps it monotonic, so the WOE of the result is monotonic too.
 *
 * Categorical features: categories holding less than `minCategoryShare` of the training rows
 * are grouped into one "other" group; the groups are ordered by bad rate and merged under the
 * same rules, except that a bin needs only `minCategoryShare` of the rows: a category is a
 * group the data comes in, not a cut point chosen to fit it, so it is kept down to the size
 * that makes a category worth its own estimate (a 3% group of foreign workers with a third of
 * the usual bad rate survives). Categories never seen in training (or too rare) fall into the
 * bin flagged `other`; when there was nothing to group, that flag goes to the riskiest bin.
 *
 * Missing values (NaN, or code −1) get a bin of their own when they are frequent enough and
 * hold both goods and bads; fewer are merged into the bin whose bad rate is closest to theirs
 * (which keeps the order monotonic); with none in training, the riskiest bin takes them.
 */
export type BinningOptions = {
  /** How many quantile pre-bins a numeric feature starts from (at most 250). */
  prebins: number
  /** The smallest share of the training rows a numeric bin (or a numeric feature's missing bin) may hold. */
  minBinShare: number
  /** The most bins a feature may keep, besides a missing bin of its own (at most 250). */
  maxBins: number
  /** Categories rarer than this share of the training rows are grouped into "other"; a categorical bin holds at least this share. */
  minCategoryShare: number
}

export const DEFAULT_BINNING_OPTIONS: BinningOptions = { prebins: 20, minBinShare: 0.05, maxBins: 8, minCategoryShare: 0.02 }

/** Which values a bin holds: a numeric range (`lower ≤ x < upper`, null for an open end), a set of categories, or only missing values. */
export type BinRule =
  | { kind: 'range'; lower: number | null; upper: number | null }
  | { kind: 'categories'; categories: string[]; other: boolean }
  | { kind: 'missing' }

/** A bin with its training counts; `missing` says missing values fall here. */
export type Bin = BinRule & BinCounts & { missing: boolean }

export type FeatureBinning = {
  bins: Bin[]
  /** Numeric features: whether the bad rate rises or falls as the value grows. */
  trend: 'rising' | 'falling' | null
  /** The bin index of every row of the dataset, training and holdout alike. */
  index: Uint8Array
  /**
   * The fine classes the bins were merged from, drawn from the values alone (never the outcome):
   * the quantile pre-bins, or the categories with the rare ones pooled; missing values apart.
   * A test of the feature that must not be flattered by bins fitted to the outcome uses these.
   */
  fine: { index: Uint8Array; classes: number }
}

const MISSING_PREBIN = 255

type Block = { goods: number; bads: number; members: number[] }

export function binNumeric(values: Float64Array, bad: Uint8Array, train: Uint8Array, options: BinningOptions = DEFAULT_BINNING_OPTIONS): FeatureBinning {
  checkOptions(options)
  const present = new Uint8Array(values.length)
  let trainRows = 0
  for (let i = 0; i < values.length; i += 1) {
    if (train[i] === 1) trainRows += 1
    if (train[i] === 1 && !Number.isNaN(values[i]!)) present[i] = 1
  }
  const sorted = sortedValues(values, present)
  const cuts = quantileCuts(sorted, options.prebins)

  const prebin = new Uint8Array(values.length)
  const cells = Array.from({ length: cuts.length + 1 }, () => ({ goods: 0, bads: 0 }))
  const missing = { goods: 0, bads: 0 }
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i]!
    const k = Number.isNaN(x) ? MISSING_PREBIN : upperBound(cuts, x)
    prebin[i] = k
    if (train[i] !== 1) continue
    const cell = k === MISSING_PREBIN ? missing : cells[k]!
    if (bad[i] === 1) cell.bads += 1
    else cell.goods += 1
  }

  const minCount = Math.max(1, Math.ceil(options.minBinShare * trainRows))
  const initial = contiguousBlocks(cells)
  const rising = monotoneBlocks(initial, true, minCount, options.maxBins)
  const falling = monotoneBlocks(initial, false, minCount, options.maxBins)
  const risingWins = informationValue(rising) >= informationValue(falling)
  const blocks = risingWins ? rising : falling

  const rules: BinRule[] = blocks.map((block) => {
    const first = Math.min(...block.members)
    const last = Math.max(...block.members)
    return { kind: 'range', lower: first === 0 ? null : cuts[first - 1]!, upper: last === cuts.length ? null : cuts[last]! }
  })
  if (rules.length === 0) rules.push({ kind: 'range', lower: null, upper: null })
  const { bins, missingBin } = withMissing(blocks, rules, missing, minCount)

  const toBin = new Uint8Array(256)
  blocks.forEach((block, b) => block.members.forEach((k) => (toBin[k] = b)))
  toBin[MISSING_PREBIN] = missingBin
  const index = new Uint8Array(values.length)
  for (let i = 0; i < values.length; i += 1) index[i] = toBin[prebin[i]!]!
  const trend = blocks.length < 2 ? null : risingWins ? 'rising' : 'falling'
  const fineMissing = cuts.length + 1
  return { bins, trend, index, fine: { index: prebin.map((k) => (k === MISSING_PREBIN ? fineMissing : k)), classes: cuts.length + 2 } }
}

export function binCategorical(codes: Int32Array, levels: readonly string[], bad: Uint8Array, train: Uint8Array, options: BinningOptions = DEFAULT_BINNING_OPTIONS): FeatureBinning {
  checkOptions(options)
  const cells = levels.map(() => ({ goods: 0, bads: 0 }))
  const missing = { goods: 0, bads: 0 }
  let trainRows = 0
  for (let i = 0; i < codes.length; i += 1) {
    if (train[i] !== 1) continue
    trainRows += 1
    const code = codes[i]!
    const cell = code < 0 ? missing : cells[code]!
    if (bad[i] === 1) cell.bads += 1
    else cell.goods += 1
  }

  // Member −1 stands for the "other" group of rare categories.
  const OTHER = -1
  const rareCount = options.minCategoryShare * trainRows
  const groups: Block[] = []
  const other: Block = { goods: 0, bads: 0, members: [OTHER] }
  cells.forEach((cell, code) => {
    const count = cell.goods + cell.bads
    if (count === 0) return
    if (count < rareCount) {
      other.goods += cell.goods
      other.bads += cell.bads
    } else {
      groups.push({ goods: cell.goods, bads: cell.bads, members: [code] })
    }
  })
  if (other.goods + other.bads > 0) groups.push(other)
  groups.sort((a, b) => badRate(a) - badRate(b))

  // Categories are given, not cut points searched for, so their bins need only the share a category needs.
  const minCount = Math.max(1, Math.ceil(options.minCategoryShare * trainRows))
  const blocks = monotoneBlocks(groups, true, minCount, options.maxBins)
  const rare = new Set(levels.filter((_, code) => cells[code]!.goods + cells[code]!.bads > 0 && cells[code]!.goods + cells[code]!.bads < rareCount))
  const hasOther = blocks.some((block) => block.members.includes(OTHER))
  const rules: BinRule[] = blocks.map((block, b) => ({
    kind: 'categories',
    categories: block.members.flatMap((code) => (code === OTHER ? levels.filter((level) => rare.has(level)) : [levels[code]!])),
    // Without a group of rare categories, unseen ones go to the riskiest bin (the last: bins are in rising bad rate).
    other: hasOther ? block.members.includes(OTHER) : b === blocks.length - 1,
  }))
  if (rules.length === 0) rules.push({ kind: 'categories', categories: [], other: true })
  const { bins, missingBin } = withMissing(blocks, rules, missing, minCount)

  const otherBin = rules.findIndex((rule) => rule.kind === 'categories' && rule.other)
  const toBin = new Uint8Array(levels.length).fill(otherBin)
  blocks.forEach((block, b) => block.members.forEach((code) => code !== OTHER && (toBin[code] = b)))
  const index = new Uint8Array(codes.length)
  for (let i = 0; i < codes.length; i += 1) {
    const code = codes[i]!
    index[i] = code < 0 ? missingBin : toBin[code]!
  }
  // Fine classes: each category common enough (the 253 most frequent at most), one class of the rest, one of missing values.
  const common = cells
    .map((cell, code) => ({ code, count: cell.goods + cell.bads }))
    .filter(({ count }) => count > 0 && count >= rareCount)
    .sort((a, b) => b.count - a.count)
    .slice(0, 253)
  const fineOf = new Int32Array(levels.length).fill(-1)
  common.forEach(({ code }, k) => (fineOf[code] = k))
  const classes = common.length
  const fineOther = classes
  const fineMissing = classes + 1
  const fineIndex = new Uint8Array(codes.length)
  for (let i = 0; i < codes.length; i += 1) {
    const code = codes[i]!
    fineIndex[i] = code < 0 ? fineMissing : fineOf[code]! < 0 ? fineOther : fineOf[code]!
  }
  return { bins, trend: null, index, fine: { index: fineIndex, classes: classes + 2 } }
}

/** One block per non-empty pre-bin; an empty pre-bin joins its left neighbour (or the right one, at the start). */
function contiguousBlocks(cells: readonly BinCounts[]): Block[] {
  const blocks: Block[] = []
  let pending: number[] = []
  cells.forEach((cell, k) => {
    if (cell.goods + cell.bads === 0) {
      const last = blocks[blocks.length - 1]
      if (last) last.members.push(k)
      else pending.push(k)
      return
    }
    blocks.push({ goods: cell.goods, bads: cell.bads, members: [...pending, k] })
    pending = []
  })
  return blocks
}

/**
 * Merges adjacent blocks until the bad rate is strictly monotonic, every block holds at least
 * `minCount` rows with goods and bads, and at most `maxBins` blocks remain.
 */
export function monotoneBlocks(initial: readonly Block[], rising: boolean, minCount: number, maxBins: number): Block[] {
  const blocks: Block[] = []
  for (const block of initial) {
    blocks.push(block)
    while (blocks.length >= 2) {
      const prev = badRate(blocks[blocks.length - 2]!)
      const last = badRate(blocks[blocks.length - 1]!)
      if (rising ? prev < last : prev > last) break
      mergeAt(blocks, blocks.length - 2)
    }
  }
  while (blocks.length > 1) {
    let weakest = -1
    blocks.forEach((block, b) => {
      const count = block.goods + block.bads
      if ((count < minCount || block.goods === 0 || block.bads === 0) && (weakest < 0 || count < blocks[weakest]!.goods + blocks[weakest]!.bads)) weakest = b
    })
    if (weakest < 0) break
    const rate = badRate(blocks[weakest]!)
    const left = blocks[weakest - 1]
    const right = blocks[weakest + 1]
    const toLeft = !right || (left !== undefined && Math.abs(badRate(left) - rate) <= Math.abs(badRate(right) - rate))
    mergeAt(blocks, toLeft ? weakest - 1 : weakest)
  }
  const totals = totalsOf(blocks)
  while (blocks.length > maxBins) {
    let best = 0
    let bestLoss = Infinity
    for (let b = 0; b + 1 < blocks.length; b += 1) {
      const a = blocks[b]!
      const c = blocks[b + 1]!
      const loss = ivPart(a, totals) + ivPart(c, totals) - ivPart({ goods: a.goods + c.goods, bads: a.bads + c.bads }, totals)
      if (loss < bestLoss) {
        bestLoss = loss
        best = b
      }
    }
    mergeAt(blocks, best)
  }
  return blocks
}

/** Places the missing values: a bin of their own, the bin with the closest bad rate, or (none in training) the riskiest bin. */
function withMissing(blocks: Block[], rules: BinRule[], missing: BinCounts, minCount: number): { bins: Bin[]; missingBin: number } {
  const bins: Bin[] = rules.map((rule, b) => ({ ...rule, goods: blocks[b]?.goods ?? 0, bads: blocks[b]?.bads ?? 0, missing: false }))
  const count = missing.goods + missing.bads
  let missingBin: number
  if (count >= minCount && missing.goods > 0 && missing.bads > 0) {
    missingBin = bins.length
    bins.push({ kind: 'missing', goods: missing.goods, bads: missing.bads, missing: true })
  } else if (count > 0 && blocks.length > 0) {
    const rate = badRate(missing)
    missingBin = 0
    blocks.forEach((block, b) => {
      if (Math.abs(badRate(block) - rate) < Math.abs(badRate(blocks[missingBin]!) - rate)) missingBin = b
    })
    bins[missingBin]!.goods += missing.goods
    bins[missingBin]!.bads += missing.bads
  } else if (count > 0) {
    missingBin = bins.length
    bins.push({ kind: 'missing', goods: missing.goods, bads: missing.bads, missing: true })
  } else {
    missingBin = 0
    blocks.forEach((block, b) => {
      if (badRate(block) > badRate(blocks[missingBin]!)) missingBin = b
    })
  }
  bins[missingBin]!.missing = true
  return { bins, missingBin }
}

function mergeAt(blocks: Block[], b: number): void {
  const a = blocks[b]!
  const c = blocks[b + 1]!
  blocks.splice(b, 2, { goods: a.goods + c.goods, bads: a.bads + c.bads, members: [...a.members, ...c.members] })
}

function badRate(counts: BinCounts): number {
  const n = counts.goods + counts.bads
  return n === 0 ? 0 : counts.bads / n
}

function totalsOf(blocks: readonly BinCounts[]): BinCounts {
  return blocks.reduce((sum, block) => ({ goods: sum.goods + block.goods, bads: sum.bads + block.bads }), { goods: 0, bads: 0 })
}

function ivPart(counts: BinCounts, totals: BinCounts): number {
  if (counts.goods === 0 || counts.bads === 0) return 0
  const g = counts.goods / totals.goods
  const b = counts.bads / totals.bads
  return (g - b) * Math.log(g / b)
}

function informationValue(blocks: readonly BinCounts[]): number {
  const totals = totalsOf(blocks)
  return blocks.reduce((sum, block) => sum + ivPart(block, totals), 0)
}

function checkOptions(options: BinningOptions): void {
  if (!(Number.isInteger(options.prebins) && options.prebins >= 2 && options.prebins <= 250)) throw new Error(`prebins must be a whole number from 2 to 250, got ${options.prebins}`)
  if (!(Number.isInteger(options.maxBins) && options.maxBins >= 2 && options.maxBins <= 250)) throw new Error(`maxBins must be a whole number from 2 to 250, got ${options.maxBins}`)
  if (!(options.minBinShare >= 0 && options.minBinShare < 0.5)) throw new Error(`minBinShare must be at least 0 and below 0.5, got ${options.minBinShare}`)
  if (!(options.minCategoryShare >= 0 && options.minCategoryShare < 1)) throw new Error(`minCategoryShare must be at least 0 and below 1, got ${options.minCategoryShare}`)
}
