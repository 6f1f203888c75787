import { analyseStatements, rateCustomer, recommendCreditLimit, type AnalysableStatement, type CompositeRating } from '../../../src/domain/scoring/index.ts'
import type { Assessment, CustomerFinancialAnalysis } from '../api/types.ts'

/**
 * Test data made by the server's own scoring functions, so a fixture has the shape the API
 * sends and changes with it.
 */
export const CUSTOMER_ID = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed'

const ITEMS = {
  revenue: 120_000_000_00,
  costOfSales: 90_000_000_00,
  ebit: 9_000_000_00,
  interestExpense: 1_000_000_00,
  netIncome: 6_000_000_00,
  totalAssets: 100_000_000_00,
  currentAssets: 45_000_000_00,
  cash: 8_000_000_00,
  receivables: 20_000_000_00,
  inventory: 12_000_000_00,
  totalLiabilities: 55_000_000_00,
  currentLiabilities: 30_000_000_00,
  equity: 45_000_000_00,
  retainedEarnings: 20_000_000_00,
  operatingCashFlow: 7_000_000_00,
}

/** Three years; the middle one lacks total assets, so its Z-score and most ratios cannot be computed. */
export const STATEMENTS: AnalysableStatement[] = [
  { id: 's2024', periodEnd: '2024-12-31', periodMonths: 12, currency: 'CNY', audited: true, items: ITEMS },
  { id: 's2023', periodEnd: '2023-12-31', periodMonths: 12, currency: 'CNY', audited: true, items: { ...ITEMS, totalAssets: null } },
  { id: 's2022', periodEnd: '2022-12-31', periodMonths: 12, currency: 'CNY', audited: false, items: { ...ITEMS, retainedEarnings: 5_000_000_00, inventory: null } },
]

export function financialAnalysis(): CustomerFinancialAnalysis {
  return { customerId: CUSTOMER_ID, ...analyseStatements(STATEMENTS, { profile: { listed: false, industryCode: 'C39', country: 'CN' } }) }
}

/** A rated customer: grey zone (adverse), a good bureau score, an average industry. */
export function compositeRating(): CompositeRating {
  const rating = rateCustomer({ zScoreZone: 'grey', bureauScore: { score: 780, min: 300, max: 850 }, industryRisk: 3 })
  if (!rating.rated) throw new Error(rating.reason)
  return rating
}

export function assessment(overrides: Partial<Assessment> = {}): Assessment {
  const rating = compositeRating()
  const limit = recommendCreditLimit({ statement: STATEMENTS[0]!, creditTermsDays: 60, bureauLimit: { amount: 5_000_000_00, currency: 'CNY' }, grade: rating.grade })
  return {
    id: 'a2',
    customerId: CUSTOMER_ID,
    createdAt: '2025-03-01T06:05:00.000Z',
    createdBy: 'user:u1',
    grade: rating.grade,
    pd: rating.pd,
    creditLimit: limit.limit,
    currency: limit.currency,
    weightsVersion: rating.weightsVersion,
    scaleVersion: rating.scaleVersion,
    inputs: {},
    rating,
    limit,
    limitReason: null,
    override: null,
    finalGrade: rating.grade,
    ...overrides,
  }
}
