import { describe, expect, it } from 'vitest'
import { DEFAULT_LGD, expectedLoss, exposureBuckets, exposureBy, portfolioExpectedLoss } from '../../src/domain/portfolio/index.ts'

describe('exposure by a key', () => {
  const customers = [
    { id: 'a', industry: 'C', ead: 600 },
    { id: 'b', industry: 'C', ead: 0 },
    { id: 'c', industry: 'F', ead: 300 },
    { id: 'd', industry: null, ead: 100 },
  ]

  it('sums each key’s exposure and customers, largest first, with shares of the total', () => {
    expect(exposureBy({ items: customers, keyOf: (c) => c.industry, exposureOf: (c) => c.ead })).toEqual([
      { key: 'C', exposure: 600, customers: 2, exposed: 1, share: 0.6 },
      { key: 'F', exposure: 300, customers: 1, exposed: 1, share: 0.3 },
      { key: 'unknown', exposure: 100, customers: 1, exposed: 1, share: 0.1 },
    ])
  })

  it('follows a given order (a scale’s grades) before the rest', () => {
    const buckets = exposureBy({ items: customers, keyOf: (c) => c.industry, exposureOf: (c) => c.ead, order: ['F', 'Z'], unknownKey: 'none' })
    expect(buckets.map((b) => b.key)).toEqual(['F', 'C', 'none'])
  })

  it('gives the same buckets from sums per key, a null key as unknown', () => {
    const sums = [
      { key: 'F', exposure: 300, customers: 1, exposed: 1 },
      { key: null, exposure: 100, customers: 1, exposed: 1 },
      { key: 'C', exposure: 600, customers: 2, exposed: 1 },
    ]
    expect(exposureBuckets({ sums })).toEqual(exposureBy({ items: customers, keyOf: (c) => c.industry, exposureOf: (c) => c.ead }))
  })

  it('has no shares without exposure', () => {
    expect(exposureBy({ items: [{ k: 'x' }], keyOf: (c) => c.k, exposureOf: () => 0 })).toEqual([{ key: 'x', exposure: 0, customers: 1, exposed: 0, share: null }])
  })
})

describe('expected loss', () => {
  it('is PD × LGD × EAD in minor units: 2 % × 45 % × 1,000,000 = 9,000', () => {
    expect(expectedLoss({ pd: 0.02, ead: 1_000_000 })).toEqual({ value: 9_000, formula: 'PD × LGD × EAD', inputs: { pd: 0.02, lgd: DEFAULT_LGD, ead: 1_000_000 }, reason: null })
  })

  it('takes another LGD and rounds to whole minor units', () => {
    // 0.013 × 0.6 × 12,345 = 96.291
    expect(expectedLoss({ pd: 0.013, lgd: 0.6, ead: 12_345 }).value).toBe(96)
  })

  it('has no value without a PD, and says so', () => {
    const result = expectedLoss({ pd: null, ead: 500 })
    expect(result.value).toBeNull()
    expect(result.reason).toMatch(/no PD/)
  })

  it('sums the portfolio’s rated customers and reports the unrated exposure apart', () => {
    const result = portfolioExpectedLoss([
      { pd: 0.01, ead: 100_000 }, // 450
      { pd: 0.1, ead: 20_000 }, // 900
      { pd: null, ead: 7_000 },
      { pd: null, ead: 0 },
    ])
    expect(result).toEqual({ total: 1_350, ratedExposure: 120_000, unratedExposure: 7_000, unratedCustomers: 1, rate: 1_350 / 120_000, lgd: 0.45 })
  })

  it.each([
    [{ pd: 0.1, lgd: 1.5, ead: 1 }],
    [{ pd: 0.1, ead: -1 }],
  ])('refuses an LGD outside [0, 1] or a negative EAD: %o', (input) => {
    expect(() => expectedLoss(input)).toThrow(RangeError)
  })
})
