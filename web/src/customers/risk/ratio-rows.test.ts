import { describe, expect, it } from 'vitest'
import { financialAnalysis } from '../../testing/risk-fixtures.ts'
import { formatRatio, ratioRows } from './ratio-rows.ts'

describe('ratioRows', () => {
  const rows = ratioRows(financialAnalysis())

  it('has a row per ratio grouped by category, the first of each spanning the group', () => {
    expect(rows.slice(0, 3).map((r) => [r.key, r.category, r.categorySpan])).toEqual([
      ['currentRatio', 'liquidity', 3],
      ['quickRatio', 'liquidity', 0],
      ['cashRatio', 'liquidity', 0],
    ])
    expect(rows.filter((r) => r.categorySpan > 0).map((r) => r.category)).toEqual(['liquidity', 'leverage', 'profitability', 'efficiency', 'cashFlow', 'growth'])
    expect(rows.reduce((sum, r) => sum + r.categorySpan, 0)).toBe(rows.length)
  })

  it("keeps each period's ratio with its reason when it could not be computed", () => {
    const debtToAssets = rows.find((r) => r.key === 'debtToAssets')!
    expect(debtToAssets.byPeriod.s2024?.value).toBeCloseTo(0.55)
    expect(debtToAssets.byPeriod.s2023).toMatchObject({ value: null, reason: 'needs items.totalAssets' })
  })
})

describe('formatRatio', () => {
  it('shows margins and growth as percentages, days whole, the rest with two decimals', () => {
    expect(formatRatio({ value: 0.25, unit: 'ratio', category: 'profitability' }, 'en')).toBe('25%')
    expect(formatRatio({ value: -0.125, unit: 'ratio', category: 'growth' }, 'en')).toBe('-12.5%')
    expect(formatRatio({ value: 60.8, unit: 'days', category: 'efficiency' }, 'en')).toBe('61')
    expect(formatRatio({ value: 1.5, unit: 'ratio', category: 'liquidity' }, 'en')).toBe('1.50')
  })

  it('gives null, never "NaN", for a missing or non-finite value', () => {
    expect(formatRatio({ value: null, unit: 'ratio', category: 'liquidity' }, 'en')).toBeNull()
    expect(formatRatio({ value: Number.NaN, unit: 'ratio', category: 'liquidity' }, 'en')).toBeNull()
  })
})
