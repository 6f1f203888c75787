import { describe, expect, it } from 'vitest'
import { binCategorical, binNumeric, DEFAULT_BINNING_OPTIONS, mulberry32, type Bin, type BinningOptions } from '../../../src/domain/scoring/scorecard/index.ts'
import { quantileCuts, shortestAbove } from '../../../src/domain/scoring/scorecard/sorted-search.ts'

const options = (changes: Partial<BinningOptions> = {}): BinningOptions => ({ ...DEFAULT_BINNING_OPTIONS, ...changes })
const badRate = (bin: Bin) => bin.bads / (bin.goods + bin.bads)
const allTrain = (n: number) => new Uint8Array(n).fill(1)

/** Rows with value v and outcome bad, `count` times each. */
function rows(spec: { value: number; goods: number; bads: number }[]) {
  const values: number[] = []
  const bad: number[] = []
  for (const { value, goods, bads } of spec) {
    for (let k = 0; k < goods; k += 1) values.push(value), bad.push(0)
    for (let k = 0; k < bads; k += 1) values.push(value), bad.push(1)
  }
  return { values: Float64Array.from(values), bad: Uint8Array.from(bad) }
}

describe('numeric binning', () => {
  it('merges adjacent violators until the bad rate rises strictly (a hand case)', () => {
    // Values 1–6, 100 rows each, bad rates 10%, 30%, 20%, 40%, 50%, 60%: 30% then 20% violates a rising trend,
    // so 2 and 3 pool to 25%; the rest already rise.
    const { values, bad } = rows([1, 2, 3, 4, 5, 6].map((value, k) => ({ value, bads: [10, 30, 20, 40, 50, 60][k]!, goods: 100 - [10, 30, 20, 40, 50, 60][k]! })))
    const binning = binNumeric(values, bad, allTrain(values.length), options({ prebins: 6 }))
    expect(binning.trend).toBe('rising')
    expect(binning.bins.map((bin) => [bin.kind === 'range' ? [bin.lower, bin.upper] : bin.kind, bin.goods, bin.bads])).toEqual([
      [[null, 2], 90, 10],
      [[2, 4], 150, 50],
      [[4, 5], 60, 40],
      [[5, 6], 50, 50],
      [[6, null], 40, 60],
    ])
    // No missing values in training: the riskiest bin takes them.
    expect(binning.bins.map((bin) => bin.missing)).toEqual([false, false, false, false, true])
    expect(Array.from(binning.index.slice(0, 1))).toEqual([0])
    expect(binning.index[150]).toBe(1) // a 2
    expect(binning.index[250]).toBe(1) // a 3
    expect(binning.index[599]).toBe(4) // a 6
  })

  it('keeps at most maxBins by merging the pair that loses the least information value', () => {
    const { values, bad } = rows([1, 2, 3, 4, 5, 6].map((value, k) => ({ value, bads: [10, 30, 20, 40, 50, 60][k]!, goods: 100 - [10, 30, 20, 40, 50, 60][k]! })))
    const binning = binNumeric(values, bad, allTrain(values.length), options({ prebins: 6, maxBins: 3 }))
    expect(binning.bins).toHaveLength(3)
    const rates = binning.bins.map(badRate)
    expect(rates[0]).toBeLessThan(rates[1]!)
    expect(rates[1]).toBeLessThan(rates[2]!)
  })

  it('finds a falling trend, and gives every bin its minimum share and both goods and bads', () => {
    const next = mulberry32(3)
    const n = 5000
    const values = new Float64Array(n)
    const bad = new Uint8Array(n)
    for (let i = 0; i < n; i += 1) {
      values[i] = Math.round(next() * 1000)
      bad[i] = next() < 0.4 - values[i]! / 3000 ? 1 : 0 // bad rate falls from 40% to 7%
    }
    const binning = binNumeric(values, bad, allTrain(n), options())
    expect(binning.trend).toBe('falling')
    const ranges = binning.bins.filter((bin) => bin.kind === 'range')
    expect(ranges.length).toBeGreaterThanOrEqual(3)
    expect(ranges.length).toBeLessThanOrEqual(8)
    for (let b = 1; b < ranges.length; b += 1) expect(badRate(ranges[b]!)).toBeLessThan(badRate(ranges[b - 1]!))
    for (const bin of ranges) {
      expect(bin.goods + bin.bads).toBeGreaterThanOrEqual(0.05 * n)
      expect(bin.goods).toBeGreaterThan(0)
      expect(bin.bads).toBeGreaterThan(0)
    }
    // The ranges tile the line.
    expect(ranges[0]).toMatchObject({ lower: null })
    expect(ranges.at(-1)).toMatchObject({ upper: null })
    for (let b = 1; b < ranges.length; b += 1) expect((ranges[b] as { lower: number }).lower).toBe((ranges[b - 1] as { upper: number }).upper)
  })

  it('gives frequent missing values their own bin and folds rare ones into the bin with the closest bad rate', () => {
    const base = rows([1, 2, 3, 4].map((value) => ({ value, goods: 100 - value * 10, bads: value * 10 })))
    const withMissing = (missingGoods: number, missingBads: number) => {
      const extra = rows([{ value: NaN, goods: missingGoods, bads: missingBads }])
      return { values: Float64Array.from([...base.values, ...extra.values]), bad: Uint8Array.from([...base.bad, ...extra.bad]) }
    }
    const frequent = withMissing(25, 25) // 50 of 450 rows, 50% bad
    const own = binNumeric(frequent.values, frequent.bad, allTrain(frequent.values.length), options({ prebins: 4 }))
    expect(own.bins.at(-1)).toMatchObject({ kind: 'missing', missing: true, goods: 25, bads: 25 })
    expect(own.index[own.index.length - 1]).toBe(own.bins.length - 1)

    const rare = withMissing(7, 3) // 10 rows, 30% bad: closest to value 3's 30%
    const folded = binNumeric(rare.values, rare.bad, allTrain(rare.values.length), options({ prebins: 4 }))
    expect(folded.bins.some((bin) => bin.kind === 'missing')).toBe(false)
    const home = folded.bins.findIndex((bin) => bin.missing)
    expect(folded.bins[home]).toMatchObject({ kind: 'range', lower: 3, upper: 4, goods: 77, bads: 33 })
    expect(folded.index[folded.index.length - 1]).toBe(home)
  })

  it('bins only on training rows but indexes every row', () => {
    const { values, bad } = rows([1, 2, 3, 4].map((value) => ({ value, goods: 100 - value * 10, bads: value * 10 })))
    const train = Uint8Array.from(values, (_, i) => (i % 2 === 0 ? 1 : 0))
    const binning = binNumeric(values, bad, train, options({ prebins: 4 }))
    expect(binning.bins.reduce((sum, bin) => sum + bin.goods + bin.bads, 0)).toBe(200)
    expect(binning.index).toHaveLength(400)
  })

  it('cuts at quantiles: distinct, above the minimum', () => {
    expect(quantileCuts(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 5)).toEqual([3, 5, 7, 9])
    // 70% zeros: the 20%, 40% and 60% quantiles are all 0 (the minimum), so only the 80% one (2) cuts.
    expect(quantileCuts(Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1, 2, 3]), 5)).toEqual([2])
    expect(quantileCuts(Float64Array.from([]), 5)).toEqual([])
  })

  it('cuts at the shortest number between a quantile and the value below it, which splits the data the same way', () => {
    expect(shortestAbove(3990, 4006)).toBe(4000)
    expect(shortestAbove(1100, 1169)).toBe(1160)
    expect(shortestAbove(1164, 1169)).toBe(1169)
    expect(shortestAbove(-0.5, 0.3)).toBe(0.3)
    expect(shortestAbove(-2, 0)).toBe(0)
    expect(shortestAbove(-1.30447, -1.3044695575566077)).toBe(-1.3044696)
    // Tertile cuts fall at 0.29 (after 0.13) and 0.71 (after 0.33): 0.2 and 0.7 cut the same way.
    expect(quantileCuts(Float64Array.from([0.11, 0.12, 0.13, 0.29, 0.31, 0.33, 0.71, 0.72, 0.73, 0.74]), 3)).toEqual([0.2, 0.7])
  })
})

describe('categorical binning', () => {
  // A: 400 rows 10% bad; B: 300 rows 30%; C: 250 rows 50%; D: 20 rows and F: 10 rows (rare); E only in the holdout.
  const levels = ['A', 'B', 'C', 'D', 'E', 'F']
  const spec: [number, number, number][] = [
    [0, 360, 40],
    [1, 210, 90],
    [2, 125, 125],
    [3, 12, 8],
    [5, 6, 4],
  ]
  const codes: number[] = []
  const bad: number[] = []
  for (const [code, goods, bads] of spec) {
    for (let k = 0; k < goods; k += 1) codes.push(code), bad.push(0)
    for (let k = 0; k < bads; k += 1) codes.push(code), bad.push(1)
  }
  codes.push(4, -1)
  bad.push(1, 0)
  const train = Uint8Array.from(codes, (_, i) => (i < codes.length - 2 ? 1 : 0))

  it('groups rare categories into "other", orders bins by bad rate and sends unseen categories to "other"', () => {
    // 980 training rows; 2.5% is 24.5 rows: D (20) and F (10) are rare, and together (30) make a bin.
    const binning = binCategorical(Int32Array.from(codes), levels, Uint8Array.from(bad), train, options({ minCategoryShare: 0.025 }))
    expect(binning.bins.map((bin) => (bin.kind === 'categories' ? [bin.categories, bin.other] : bin.kind))).toEqual([
      [['A'], false],
      [['B'], false],
      [['D', 'F'], true], // 30 rows, 40% bad: between B and C
      [['C'], false],
    ])
    const unseen = binning.index[codes.length - 2]!
    expect(binning.bins[unseen]).toMatchObject({ other: true })
    // No missing in training: the riskiest bin (C) takes missing values.
    expect(binning.bins[binning.index[codes.length - 1]!]).toMatchObject({ categories: ['C'], missing: true })
  })

  it('merges a group too small for a bin of its own with its closest neighbour by bad rate', () => {
    const binning = binCategorical(Int32Array.from(codes), levels, Uint8Array.from(bad), train, options({ minCategoryShare: 0.02 }))
    // At 2% (19.6 rows) only F is rare; "other" holds F alone, 10 rows: too few, it joins D (both 40% bad).
    const categories = binning.bins.map((bin) => (bin.kind === 'categories' ? [...bin.categories].sort() : []))
    expect(categories).toContainEqual(['A'])
    expect(categories).toContainEqual(['B'])
    expect(categories).toContainEqual(['C'])
    expect(categories).toContainEqual(['D', 'F'])
    expect(binning.bins.find((bin) => bin.kind === 'categories' && bin.categories.includes('F'))).toMatchObject({ other: true })
  })

  it('gives each bin at least minCategoryShare of the rows', () => {
    // At 5% (49 rows) the 30 rows of D and F are too few: they join a neighbour (B at 30% or C at 50%; theirs is 40%).
    const binning = binCategorical(Int32Array.from(codes), levels, Uint8Array.from(bad), train, options({ minCategoryShare: 0.05 }))
    const categories = binning.bins.map((bin) => (bin.kind === 'categories' ? [...bin.categories].sort().join('') : ''))
    expect(categories).toHaveLength(3)
    expect(categories[0]).toBe('A')
    expect([['B', 'CDF'], ['BDF', 'C']]).toContainEqual(categories.slice(1))
    for (const bin of binning.bins) expect(bin.goods + bin.bads).toBeGreaterThanOrEqual(49)
  })
})
