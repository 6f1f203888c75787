import { describe, expect, it } from 'vitest'
import { analyseStatements, type AnalysableStatement, type ZModelProfile } from '../../src/domain/scoring/index.ts'
import { FY2024, FY2025 } from './fixtures.ts'

const stored = (statement: Omit<AnalysableStatement, 'id' | 'audited'>, id: string): AnalysableStatement => ({ ...statement, id, audited: true })
const fy2025 = stored(FY2025, 's-2025')
const fy2024 = stored(FY2024, 's-2024')
const h1 = stored({ ...FY2025, periodEnd: '2025-06-30', periodMonths: 6, items: { ...FY2025.items, revenue: 500_000, ebit: 75_000, netIncome: 45_000 } }, 's-2025h1')

const listedManufacturer: ZModelProfile = { listed: true, industryCode: 'C39', country: 'CN' }
const chineseWholesaler: ZModelProfile = { listed: false, industryCode: 'F51', country: 'CN' }

describe('the financial analysis of a customer', () => {
  it('lists one period per statement, newest first, each with its ratios', () => {
    const analysis = analyseStatements([fy2024, h1, fy2025], { profile: listedManufacturer })
    expect(analysis.periods.map((p) => [p.statementId, p.periodEnd, p.periodMonths])).toEqual([
      ['s-2025', '2025-12-31', 12],
      ['s-2025h1', '2025-06-30', 6],
      ['s-2024', '2024-12-31', 12],
    ])
    expect(analysis.periods[0]!.ratios.currentRatio.value).toBe(2)
    // FY2025 grows against FY2024; the half year has nothing a year earlier.
    expect(analysis.periods[0]!.ratios.revenueGrowth.value).toBeCloseTo(0.25, 12)
    expect(analysis.periods[1]!.ratios.revenueGrowth.reason).toBe('no 6-month statement ending 2024-06-30 to compare with')
  })

  it('scores each period with the model the profile calls for, and says why', () => {
    const [period] = analyseStatements([fy2025], { profile: listedManufacturer }).periods
    // Z = 1.2·0.2 + 1.4·0.15 + 3.3·0.075 + 0.6·(1,500,000 / 1,200,000) + 1.0·0.5 = 1.9475
    expect(period!.zScore).toMatchObject({
      model: 'z',
      modelReason: 'listed manufacturer (industry C39, section C): the original Z with market value of equity',
      score: 1.9475,
      zone: 'grey',
      reason: null,
      components: { x1: 0.2, x2: 0.15, x3: 0.075, x4: 1.25, x5: 0.5 },
      cutoffs: { distressBelow: 1.81, safeAbove: 2.99 },
      x5Coefficient: 1,
      inputs: {
        currentAssets: 800_000,
        currentLiabilities: 400_000,
        retainedEarnings: 300_000,
        ebit: 150_000,
        marketValueEquity: 1_500_000,
        revenue: 1_000_000,
        totalAssets: 2_000_000,
        totalLiabilities: 1_200_000,
        periodMonths: 12,
      },
    })
    expect(period!.zScore.inputs).not.toHaveProperty('equity')
  })

  it('uses Z″-EM for a Chinese non-manufacturer: 3.25 + Z″ = 6.255', () => {
    const analysis = analyseStatements([fy2025], { profile: chineseWholesaler })
    expect(analysis.modelChoice.model).toBe('z-double-prime-em')
    expect(analysis.periods[0]!.zScore).toMatchObject({ model: 'z-double-prime-em', score: 6.255, zone: 'safe', constant: 3.25 })
  })

  it('annualises EBIT and sales of a half year before dividing them by total assets', () => {
    const [, half] = analyseStatements([fy2025, h1], { profile: listedManufacturer }).periods
    // H1 EBIT 75,000 and revenue 500,000, doubled: the same X3 and X5 as the full year.
    expect(half!.zScore.components).toMatchObject({ x3: 0.075, x5: 0.5 })
    expect(half!.zScore.score).toBe(1.9475)
    expect(half!.zScore.inputs.periodMonths).toBe(6)
  })

  it('gives a null score with the reason when an item the model needs is missing', () => {
    const noMarketValue = stored({ ...FY2025, items: { ...FY2025.items, marketValueEquity: null } }, 'x')
    const { zScore } = analyseStatements([noMarketValue], { profile: listedManufacturer }).periods[0]!
    expect(zScore).toMatchObject({ model: 'z', score: null, zone: null, components: null, reason: 'needs items.marketValueEquity' })
    // The coefficients and cut-offs are still there to explain what would have been computed.
    expect(zScore.coefficients).toEqual({ x1: 1.2, x2: 1.4, x3: 3.3, x4: 0.6, x5: 1 })
  })

  it('names working capital by its items and a zero divisor by its name', () => {
    const noCurrentAssets = stored({ ...FY2025, items: { ...FY2025.items, currentAssets: undefined, retainedEarnings: null } }, 'x')
    expect(analyseStatements([noCurrentAssets], { profile: chineseWholesaler }).periods[0]!.zScore.reason).toBe('needs items.currentAssets, items.retainedEarnings')
    const noAssets = stored({ ...FY2025, items: { ...FY2025.items, totalAssets: 0, currentAssets: 0 } }, 'y')
    const period = analyseStatements([noAssets], { profile: chineseWholesaler }).periods[0]!
    expect(period.zScore.reason).toBe('division by zero: totalAssets is 0')
    expect(period.zmijewski.reason).toBe('division by zero: totalAssets is 0')
  })

  it('scores an empty statement without throwing: every value null, every reason given', () => {
    const empty = stored({ periodEnd: '2025-12-31', periodMonths: 12, currency: 'CNY', items: {} }, 'empty')
    const [period] = analyseStatements([empty], { profile: listedManufacturer }).periods
    expect(period!.zScore.reason).toBe(
      'needs items.currentAssets, items.currentLiabilities, items.retainedEarnings, items.ebit, items.marketValueEquity, items.revenue, items.totalAssets, items.totalLiabilities',
    )
    expect(period!.zmijewski).toMatchObject({ score: null, probability: null, predictsDistress: null, reason: 'needs items.netIncome, items.totalAssets, items.totalLiabilities, items.currentAssets, items.currentLiabilities' })
  })

  it('lets the caller override the model, and applies the 0.999 X5 option to model z only', () => {
    const overridden = analyseStatements([fy2025], { profile: chineseWholesaler, model: 'z', x5Coefficient: 0.999 })
    expect(overridden.modelChoice).toMatchObject({ model: 'z', overridden: true })
    expect(overridden.periods[0]!.zScore).toMatchObject({ x5Coefficient: 0.999, score: 1.947 }) // 1.9475 − 0.001·0.5
    const ignored = analyseStatements([fy2025], { profile: chineseWholesaler, x5Coefficient: 0.999 })
    expect(ignored.periods[0]!.zScore).toMatchObject({ model: 'z-double-prime-em', x5Coefficient: null, score: 6.255 })
  })

  it("adds Zmijewski's probability, from annualised net income", () => {
    const [full, half] = analyseStatements([fy2025, h1], { profile: listedManufacturer }).periods
    // X = −4.336 − 4.513·0.045 + 5.679·0.6 + 0.004·2 = −1.123685; Φ(X) = 0.130573
    expect(full!.zmijewski.score).toBeCloseTo(-1.123685, 10)
    expect(full!.zmijewski.probability).toBeCloseTo(0.130573, 5)
    expect(full!.zmijewski.predictsDistress).toBe(false)
    expect(half!.zmijewski.score).toBeCloseTo(-1.123685, 10)
    expect(half!.zmijewski.inputs).toMatchObject({ netIncome: 45_000, periodMonths: 6 })
  })
})
