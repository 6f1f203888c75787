import { describe, expect, it } from 'vitest'
import { recommendCreditLimit, type CreditLimitMethod, type RecommendCreditLimitOptions } from '../../src/domain/scoring/credit-limit.ts'

/**
 * Figures chosen so each candidate is easy to check by hand (minor units, CNY):
 * equity 8,000,000; working capital 6,000,000 − 2,500,000 = 3,500,000; revenue 36,000,000
 * over 12 months = 3,000,000 a month; terms 30 days, 10 days late on average.
 */
const base: RecommendCreditLimitOptions = {
  statement: {
    currency: 'CNY',
    periodMonths: 12,
    items: { equity: 8_000_000, currentAssets: 6_000_000, currentLiabilities: 2_500_000, revenue: 36_000_000 },
  },
  creditTermsDays: 30,
  averagePaymentDelayDays: 10,
  bureauLimit: { amount: 900_000, currency: 'CNY' },
  grade: 'BBB',
}

const valueOf = (options: RecommendCreditLimitOptions, method: CreditLimitMethod) =>
  recommendCreditLimit(options).candidates.find((c) => c.method === method)!

describe('recommendCreditLimit', () => {
  const result = recommendCreditLimit(base)

  it.each<[CreditLimitMethod, number, string]>([
    ['tangibleNetWorth', 800_000, '8,000,000 × 10 / 100'],
    ['workingCapital', 700_000, '(6,000,000 − 2,500,000) × 20 / 100'],
    ['monthlySales', 750_000, '36,000,000 / 12 × 25 / 100'],
    ['needBased', 4_000_000, '3,000,000 × (30 + 10) / 30'],
    ['bureau', 900_000, 'the bureau limit as given'],
  ])('computes the %s candidate as %s (%s)', (method, expected) => {
    const candidate = result.candidates.find((c) => c.method === method)!
    expect(candidate.value).toBe(expected)
    expect(candidate.reason).toBeNull()
  })

  it('reports the inputs each candidate read', () => {
    expect(valueOf(base, 'workingCapital').inputs).toEqual({ currentAssets: 6_000_000, currentLiabilities: 2_500_000 })
    expect(valueOf(base, 'needBased').inputs).toEqual({ monthlySales: 3_000_000, creditTermsDays: 30, averagePaymentDelayDays: 10 })
  })

  it('binds on the smallest candidate, scales it by the grade and rounds down to 1,000.00', () => {
    // 700,000 × 0.75 = 525,000 → 500,000
    expect(result).toMatchObject({ limit: 500_000, currency: 'CNY', binding: 'workingCapital', gradeFactor: 0.75 })
    expect(result.explanation.at(-1)).toBe('rounded down to a multiple of 100000: 500000 CNY minor units')
  })

  it.each([
    ['AAA', 700_000],
    ['A', 600_000], // 630,000
    ['B', 200_000], // 210,000
    ['D', 0],
  ])('gives grade %s a limit of %s', (grade, limit) => {
    expect(recommendCreditLimit({ ...base, grade }).limit).toBe(limit)
  })

  it('rounds to any unit, and removes floating-point noise before rounding down', () => {
    expect(recommendCreditLimit({ ...base, grade: 'B', roundingUnit: 1 }).limit).toBe(210_000)
    // 90 × 0.7 is 62.99999999999999 in binary floating point
    const small = recommendCreditLimit({ ...base, bureauLimit: { amount: 90, currency: 'CNY' }, grade: 'X', gradeScale: { X: 0.7 }, roundingUnit: 1 })
    expect(small).toMatchObject({ binding: 'bureau', limit: 63 })
  })

  it('gives a negative working capital a candidate of 0 with the reason, which then binds', () => {
    const options = { ...base, statement: { ...base.statement, items: { ...base.statement.items, currentLiabilities: 7_000_000 } } }
    expect(valueOf(options, 'workingCapital')).toMatchObject({ value: 0, reason: 'working capital is negative (-1000000): no limit on it' })
    expect(recommendCreditLimit(options)).toMatchObject({ limit: 0, binding: 'workingCapital' })
  })

  it('gives a negative net worth a candidate of 0', () => {
    const options = { ...base, statement: { ...base.statement, items: { ...base.statement.items, equity: -1 } } }
    expect(valueOf(options, 'tangibleNetWorth')).toMatchObject({ value: 0, reason: 'equity is negative (-1): no limit on it' })
    expect(recommendCreditLimit(options).binding).toBe('tangibleNetWorth')
  })

  it('reports a missing bureau limit and binds on the others', () => {
    const options = { ...base, bureauLimit: null, statement: { ...base.statement, items: { ...base.statement.items, currentAssets: 20_000_000 } } }
    expect(valueOf(options, 'bureau')).toMatchObject({ value: null, reason: 'no bureau-recommended limit' })
    // working capital 17,500,000 × 20% = 3,500,000, so monthly sales bind: 750,000 × 0.75 = 562,500 → 500,000
    expect(recommendCreditLimit(options)).toMatchObject({ binding: 'monthlySales', limit: 500_000 })
  })

  it('does not use a bureau limit in another currency', () => {
    expect(valueOf({ ...base, bureauLimit: { amount: 1, currency: 'USD' } }, 'bureau')).toMatchObject({ value: null, reason: 'the bureau limit is in USD, the statement in CNY' })
  })

  it('names the missing line items', () => {
    const options = { ...base, statement: { ...base.statement, items: { equity: 8_000_000, currentAssets: 6_000_000 } } }
    expect(valueOf(options, 'workingCapital')).toMatchObject({ value: null, reason: 'needs items.currentLiabilities' })
    expect(valueOf(options, 'monthlySales')).toMatchObject({ value: null, reason: 'needs monthlySales or items.revenue' })
    expect(valueOf(options, 'needBased')).toMatchObject({ value: null, reason: 'needs monthlySales or items.revenue' })
    expect(recommendCreditLimit(options)).toMatchObject({ binding: 'tangibleNetWorth', limit: 600_000 })
  })

  it('derives monthly sales from a half year, and prefers monthly sales when given', () => {
    const halfYear = { ...base, statement: { ...base.statement, periodMonths: 6, items: { ...base.statement.items, revenue: 18_000_000 } } }
    expect(valueOf(halfYear, 'monthlySales').value).toBe(750_000)
    expect(valueOf({ ...base, monthlySales: 1_200_000 }, 'monthlySales').value).toBe(300_000)
    expect(valueOf({ ...base, monthlySales: 1_200_000 }, 'needBased').value).toBe(1_600_000) // 1,200,000 × 40 / 30
  })

  it('defaults the payment delay to 0 days', () => {
    const { averagePaymentDelayDays: _, ...noDelay } = base
    expect(valueOf(noDelay, 'needBased').value).toBe(3_000_000)
  })

  it('takes configured percentages', () => {
    const options = { ...base, percentages: { tangibleNetWorth: 5 } }
    expect(valueOf(options, 'tangibleNetWorth').value).toBe(400_000)
    expect(valueOf(options, 'workingCapital').value).toBe(700_000)
    expect(recommendCreditLimit(options)).toMatchObject({ binding: 'tangibleNetWorth', limit: 300_000 })
  })

  it('recommends no limit for a grade missing from the scaling table', () => {
    expect(recommendCreditLimit({ ...base, grade: 'E' })).toMatchObject({ limit: null, gradeFactor: null, binding: 'workingCapital' })
  })

  it('recommends no limit when no candidate can be computed', () => {
    const empty = recommendCreditLimit({ ...base, bureauLimit: null, statement: { ...base.statement, items: {} } })
    expect(empty).toMatchObject({ limit: null, binding: null })
    expect(empty.candidates.every((c) => c.value === null && c.reason !== null)).toBe(true)
  })
})
