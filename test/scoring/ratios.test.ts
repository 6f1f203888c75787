import { describe, expect, it } from 'vitest'
import { computeRatios, RATIO_KEYS, statementYearEarlier, yearEarlier, type FinancialStatement, type RatioKey } from '../../src/domain/scoring/index.ts'
import { FY2024, FY2025 } from './fixtures.ts'

const withItems = (items: FinancialStatement['items'], base: FinancialStatement = FY2025): FinancialStatement => ({ ...base, items: { ...base.items, ...items } })

/** Every ratio against a value worked out by hand from FY2025 (fixtures.ts), whose figures make the arithmetic easy. */
describe('ratios', () => {
  const ratios = computeRatios(FY2025, FY2024)

  // [ratio, hand-computed value, the arithmetic]
  const handComputed: [RatioKey, number, string][] = [
    ['currentRatio', 2, '800,000 / 400,000'],
    ['quickRatio', 1.25, '(800,000 − 300,000) / 400,000'],
    ['cashRatio', 0.25, '100,000 / 400,000'],
    ['debtToEquity', 1.5, '1,200,000 / 800,000'],
    ['debtToAssets', 0.6, '1,200,000 / 2,000,000'],
    ['interestCoverage', 5, '150,000 / 30,000'],
    ['returnOnAssets', 0.045, '90,000 × 12/12 / 2,000,000'],
    ['returnOnEquity', 0.1125, '90,000 × 12/12 / 800,000'],
    ['grossMargin', 0.4, '(1,000,000 − 600,000) / 1,000,000'],
    ['ebitMargin', 0.15, '150,000 / 1,000,000'],
    ['netMargin', 0.09, '90,000 / 1,000,000'],
    ['receivableDays', 73, '200,000 / 1,000,000 × 365 × 12/12'],
    ['inventoryDays', 182.5, '300,000 / 600,000 × 365 × 12/12'],
    ['assetTurnover', 0.5, '1,000,000 × 12/12 / 2,000,000'],
    ['operatingCashFlowToLiabilities', 0.15, '180,000 × 12/12 / 1,200,000'],
    ['revenueGrowth', 0.25, '(1,000,000 − 800,000) / 800,000'],
    ['netIncomeGrowth', 2.5, '(90,000 − (−60,000)) / |−60,000|'],
    ['totalAssetsGrowth', 0.25, '(2,000,000 − 1,600,000) / 1,600,000'],
  ]

  it('covers every ratio it computes', () => {
    expect(handComputed.map(([key]) => key).sort()).toEqual([...RATIO_KEYS].sort())
  })

  it.each(handComputed)('%s = %s (%s)', (key, expected) => {
    expect(ratios[key].value).toBeCloseTo(expected, 12)
    expect(ratios[key].reason).toBeNull()
  })

  it('says how each ratio was computed and from what', () => {
    expect(ratios.quickRatio).toEqual({
      label: 'Quick ratio',
      category: 'liquidity',
      unit: 'ratio',
      formula: '(currentAssets - inventory) / currentLiabilities',
      inputs: { currentAssets: 800_000, inventory: 300_000, currentLiabilities: 400_000 },
      value: 1.25,
      reason: null,
      note: null,
    })
    expect(ratios.receivableDays).toMatchObject({ unit: 'days', formula: 'receivables / revenue * 365 * periodMonths / 12', inputs: { receivables: 200_000, revenue: 1_000_000, periodMonths: 12 } })
    expect(ratios.revenueGrowth).toMatchObject({
      formula: '(revenue - previous.revenue) / |previous.revenue|, previous = the 12-month statement ending 2024-12-31',
      inputs: { revenue: 1_000_000, 'previous.revenue': 800_000 },
    })
  })

  it('groups the ratios by category', () => {
    const byCategory = (category: string) => RATIO_KEYS.filter((key) => ratios[key].category === category)
    expect(byCategory('liquidity')).toEqual(['currentRatio', 'quickRatio', 'cashRatio'])
    expect(byCategory('leverage')).toEqual(['debtToEquity', 'debtToAssets', 'interestCoverage'])
    expect(byCategory('profitability')).toEqual(['returnOnAssets', 'returnOnEquity', 'grossMargin', 'ebitMargin', 'netMargin'])
    expect(byCategory('efficiency')).toEqual(['receivableDays', 'inventoryDays', 'assetTurnover'])
    expect(byCategory('cashFlow')).toEqual(['operatingCashFlowToLiabilities'])
    expect(byCategory('growth')).toEqual(['revenueGrowth', 'netIncomeGrowth', 'totalAssetsGrowth'])
  })

  it('notes growth measured from a loss, which reads as growth when the loss shrinks', () => {
    expect(ratios.netIncomeGrowth.note).toMatch(/previous.netIncome is negative/)
    expect(ratios.revenueGrowth.note).toBeNull()
  })

  describe('a half-year statement', () => {
    const h1: FinancialStatement = withItems({ revenue: 500_000, costOfSales: 300_000, netIncome: 45_000, operatingCashFlow: 90_000 }, { ...FY2025, periodEnd: '2025-06-30', periodMonths: 6 })
    const half = computeRatios(h1)

    it('annualises flows divided by a balance-sheet item', () => {
      expect(half.returnOnAssets.value).toBeCloseTo(0.045, 12) // 45,000 × 12/6 / 2,000,000
      expect(half.returnOnEquity.value).toBeCloseTo(0.1125, 12) // 45,000 × 2 / 800,000
      expect(half.assetTurnover.value).toBeCloseTo(0.5, 12) // 500,000 × 2 / 2,000,000
      expect(half.operatingCashFlowToLiabilities.value).toBeCloseTo(0.15, 12) // 90,000 × 2 / 1,200,000
      expect(half.returnOnAssets.inputs).toEqual({ netIncome: 45_000, totalAssets: 2_000_000, periodMonths: 6 })
    })

    it('scales days to the period: receivables against half a year of sales', () => {
      expect(half.receivableDays.value).toBeCloseTo(73, 12) // 200,000 / 500,000 × 365 × 6/12
      expect(half.inventoryDays.value).toBeCloseTo(182.5, 12) // 300,000 / 300,000 × 365 × 6/12
    })

    it('leaves flow-to-flow ratios alone', () => {
      expect(half.netMargin.value).toBeCloseTo(0.09, 12)
      expect(half.grossMargin.value).toBeCloseTo(0.4, 12)
    })

    it('compares growth only with the half year one year earlier', () => {
      expect(half.revenueGrowth).toMatchObject({ value: null, reason: 'no 6-month statement ending 2024-06-30 to compare with' })
    })
  })

  describe('missing and zero inputs give null with a reason, never NaN or a throw', () => {
    it('names the missing item', () => {
      const ratio = computeRatios(withItems({ inventory: null })).quickRatio
      expect(ratio).toMatchObject({ value: null, reason: 'needs items.inventory', inputs: { currentAssets: 800_000, inventory: null, currentLiabilities: 400_000 } })
    })

    it('names every missing item', () => {
      expect(computeRatios(withItems({ inventory: undefined, costOfSales: null })).inventoryDays.reason).toBe('needs items.inventory, items.costOfSales')
    })

    it('names a zero denominator', () => {
      const zero = computeRatios(withItems({ currentLiabilities: 0 }))
      for (const key of ['currentRatio', 'quickRatio', 'cashRatio'] as const) {
        expect(zero[key]).toMatchObject({ value: null, reason: 'division by zero: currentLiabilities is 0' })
      }
      expect(computeRatios(withItems({ interestExpense: 0 })).interestCoverage.reason).toBe('division by zero: interestExpense is 0')
      expect(computeRatios(withItems({ revenue: 0 })).grossMargin.reason).toBe('division by zero: revenue is 0')
    })

    it('gives every ratio a null and a reason for an empty statement', () => {
      const empty = computeRatios({ periodEnd: '2025-12-31', periodMonths: 12, currency: 'CNY', items: {} })
      for (const key of RATIO_KEYS) {
        expect(empty[key].value, key).toBeNull()
        expect(empty[key].reason, key).toMatch(/^needs items\./)
      }
    })

    it('never yields NaN or Infinity, whatever is zero', () => {
      const zeros = Object.fromEntries(Object.keys(FY2025.items).map((item) => [item, 0]))
      const all = computeRatios(withItems(zeros), withItems(zeros, FY2024))
      for (const key of RATIO_KEYS) {
        const { value, reason } = all[key]
        if (value === null) expect(reason, key).toEqual(expect.any(String))
        else expect(Number.isFinite(value), key).toBe(true)
      }
    })

    it('treats a non-number item as not reported', () => {
      expect(computeRatios(withItems({ cash: Number.NaN })).cashRatio.reason).toBe('needs items.cash')
    })

    it('notes a negative denominator instead of hiding it', () => {
      const ratio = computeRatios(withItems({ equity: -200_000 })).debtToEquity
      expect(ratio.value).toBe(-6)
      expect(ratio.note).toMatch(/equity is negative/)
    })
  })

  describe('growth', () => {
    it('says when there is no statement a year earlier', () => {
      expect(computeRatios(FY2025).revenueGrowth).toMatchObject({ value: null, reason: 'no 12-month statement ending 2024-12-31 to compare with' })
    })

    it('names an item the earlier statement lacks', () => {
      const growth = computeRatios(FY2025, { ...FY2024, items: {} }).totalAssetsGrowth
      expect(growth).toMatchObject({ value: null, reason: 'needs items.totalAssets of the 12-month statement ending 2024-12-31' })
    })

    it('refuses to compare statements in different currencies', () => {
      expect(computeRatios(FY2025, { ...FY2024, currency: 'USD' }).revenueGrowth.reason).toBe('the 12-month statement ending 2024-12-31 is in USD, this one in CNY')
    })

    it('names a zero base', () => {
      expect(computeRatios(FY2025, withItems({ revenue: 0 }, FY2024)).revenueGrowth.reason).toBe('division by zero: previous.revenue is 0')
    })
  })
})

describe('the statement one year earlier', () => {
  it.each([
    ['2025-12-31', '2024-12-31'],
    ['2025-06-30', '2024-06-30'],
    ['2024-02-29', '2023-02-28'],
    ['2025-02-28', '2024-02-29'],
    ['2025-03-15', '2024-03-15'],
  ])('%s → %s', (periodEnd, expected) => {
    expect(yearEarlier(periodEnd)).toBe(expected)
  })

  it('has the same length of period', () => {
    const statements = [FY2024, { ...FY2024, periodMonths: 6 }]
    expect(statementYearEarlier(statements, FY2025)).toBe(FY2024)
    expect(statementYearEarlier(statements, { ...FY2025, periodMonths: 6 })).toBe(statements[1])
    expect(statementYearEarlier(statements, { ...FY2025, periodMonths: 3 })).toBeNull()
  })
})
