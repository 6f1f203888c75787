import type { FinancialStatement } from '../../src/domain/scoring/index.ts'

/**
 * Statements whose figures make the arithmetic easy to check by hand (minor units, so
 * 1_000_000 is ¥10,000.00; ratios do not care).
 */
export const FY2025: FinancialStatement = {
  periodEnd: '2025-12-31',
  periodMonths: 12,
  currency: 'CNY',
  items: {
    revenue: 1_000_000,
    costOfSales: 600_000,
    ebit: 150_000,
    interestExpense: 30_000,
    netIncome: 90_000,
    depreciation: 40_000,
    totalAssets: 2_000_000,
    currentAssets: 800_000,
    cash: 100_000,
    receivables: 200_000,
    inventory: 300_000,
    totalLiabilities: 1_200_000,
    currentLiabilities: 400_000,
    longTermDebt: 500_000,
    equity: 800_000,
    retainedEarnings: 300_000,
    operatingCashFlow: 180_000,
    marketValueEquity: 1_500_000,
  },
}

export const FY2024: FinancialStatement = {
  periodEnd: '2024-12-31',
  periodMonths: 12,
  currency: 'CNY',
  items: { revenue: 800_000, netIncome: -60_000, totalAssets: 1_600_000 },
}
