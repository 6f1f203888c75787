import { describe, expect, it } from 'vitest'
import { herfindahl, herfindahlOfSums, largest, topNShare } from '../../src/domain/portfolio/index.ts'

describe('the Herfindahl–Hirschman index', () => {
  it('is 1 with one effective name when one customer holds everything', () => {
    expect(herfindahl([500, 0, 0])).toEqual({ hhi: 1, effectiveNumber: 1, total: 500, names: 1, reason: null })
  })

  it('is 1/n for n equal exposures, so the effective number is n', () => {
    const result = herfindahl([25, 25, 25, 25])
    expect(result.hhi).toBeCloseTo(0.25, 12)
    expect(result.effectiveNumber).toBeCloseTo(4, 12)
  })

  it('sums the squared shares: 50/30/20 gives 0.25 + 0.09 + 0.04 = 0.38, 2.63 effective names', () => {
    const result = herfindahl([50, 30, 20])
    expect(result.hhi).toBeCloseTo(0.38, 12)
    expect(result.effectiveNumber).toBeCloseTo(1 / 0.38, 12)
    expect(result.total).toBe(100)
    expect(result.names).toBe(3)
  })

  it('reads shares, not amounts: scaling every exposure leaves it unchanged', () => {
    expect(herfindahl([6_000, 3_000, 1_000]).hhi).toBeCloseTo(herfindahl([6, 3, 1]).hhi!, 12)
    // 0.36 + 0.09 + 0.01
    expect(herfindahl([6, 3, 1]).hhi).toBeCloseTo(0.46, 12)
  })

  it('gives no figure, with the reason, when there is no exposure', () => {
    expect(herfindahl([])).toEqual({ hhi: null, effectiveNumber: null, total: 0, names: 0, reason: 'no exposure: nothing to take shares of' })
    expect(herfindahl([0, 0]).hhi).toBeNull()
  })

  it('is the same from the sums a database gives: Σx² / (Σx)²', () => {
    // 50² + 30² + 20² = 3,800 over 100² = 0.38
    expect(herfindahlOfSums({ total: 100, sumOfSquares: 3_800, names: 3 })).toEqual({ ...herfindahl([50, 30, 20]), hhi: 0.38, effectiveNumber: 1 / 0.38 })
    expect(herfindahlOfSums({ total: 0, sumOfSquares: 0, names: 0 }).hhi).toBeNull()
  })

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses an exposure of %s', (x) => {
    expect(() => herfindahl([10, x])).toThrow(RangeError)
  })
})

describe('the top-N share', () => {
  const names = [
    { key: 'c', name: 'Gamma', exposure: 20 },
    { key: 'a', name: 'Alpha', exposure: 50 },
    { key: 'd', name: 'Delta', exposure: 0 },
    { key: 'b', name: 'Beta', exposure: 30 },
  ]

  it('is the largest N over the total, naming them largest first: top 2 of 50/30/20 is 80 %', () => {
    const result = topNShare(names, 2)
    expect(result.share).toBeCloseTo(0.8, 12)
    expect(result.exposure).toBe(80)
    expect(result.total).toBe(100)
    expect(result.top.map((t) => [t.key, t.share])).toEqual([
      ['a', 0.5],
      ['b', 0.3],
    ])
  })

  it('is 1 when there are fewer names than N, and leaves out names without exposure', () => {
    const result = topNShare(names, 10)
    expect(result.share).toBe(1)
    expect(result.top.map((t) => t.key)).toEqual(['a', 'b', 'c'])
  })

  it('breaks a tie at the cut-off by key, whatever the input order', () => {
    const tied = [
      { key: 'z', name: 'Z', exposure: 10 },
      { key: 'm', name: 'M', exposure: 10 },
      { key: 'x', name: 'X', exposure: 40 },
    ]
    expect(topNShare(tied, 2).top.map((t) => t.key)).toEqual(['x', 'm'])
    expect(topNShare([...tied].reverse(), 2).top.map((t) => t.key)).toEqual(['x', 'm'])
    expect(topNShare(tied, 2).share).toBeCloseTo(50 / 60, 12)
  })

  it('takes the whole portfolio’s total when given only its largest names', () => {
    const result = topNShare([{ key: 'a', name: 'Alpha', exposure: 50 }, { key: 'b', name: 'Beta', exposure: 30 }], 2, { total: 200 })
    expect(result.share).toBe(0.4)
    expect(result.top.map((t) => t.share)).toEqual([0.25, 0.15])
    expect(() => topNShare([{ key: 'a', name: 'A', exposure: 50 }], 2, { total: 10 })).toThrow(RangeError)
  })

  it('has no share without exposure', () => {
    expect(topNShare([{ key: 'a', name: 'A', exposure: 0 }], 10)).toEqual({ n: 10, share: null, exposure: 0, total: 0, top: [] })
  })

  it('refuses N below 1', () => {
    expect(() => topNShare(names, 0)).toThrow(RangeError)
  })

  it('keeps the same N largest as a full sort would', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ key: `k${String(i).padStart(3, '0')}`, exposure: (i * 37) % 101 }))
    const sorted = [...many].sort((a, b) => b.exposure - a.exposure || (a.key < b.key ? -1 : 1)).slice(0, 10)
    expect(largest(many, 10)).toEqual(sorted)
  })
})
