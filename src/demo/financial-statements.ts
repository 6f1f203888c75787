import type { StatementInput } from '../schemas/customer-records.ts'
import type { IndustryProfile } from './industries.ts'
import type { Random } from './random.ts'

/** How a demo company is doing; it shapes margins, leverage, growth and its bureau record. */
export type Health = 'strong' | 'average' | 'weak' | 'distressed'

const SHAPE: Record<Health, { growth: [number, number]; margin: (industry: IndustryProfile) => [number, number]; leverage: [number, number] }> = {
  strong: { growth: [0.06, 0.16], margin: (i) => [(i.ebitMargin[0] + i.ebitMargin[1]) / 2, i.ebitMargin[1]], leverage: [0.3, 0.5] },
  average: { growth: [-0.01, 0.08], margin: (i) => i.ebitMargin, leverage: [0.45, 0.65] },
  weak: { growth: [-0.08, 0.02], margin: (i) => [0, i.ebitMargin[0]], leverage: [0.62, 0.82] },
  distressed: { growth: [-0.25, -0.06], margin: () => [-0.1, 0], leverage: [0.82, 1.08] },
}

export type StatementOptions = {
  random: Random
  industry: IndustryProfile
  health: Health
  /** Revenue of the latest year, in major units */
  revenue: number
  currency: string
  /** Minor units per major unit: 100 for CNY, USD, EUR; 1 for JPY */
  minor: number
  listed: boolean
  /** Fiscal year ends, oldest first */
  periodEnds: string[]
}

/**
 * Annual statements that add up: assets = current + non-current, equity = assets −
 * liabilities, receivables and stock follow the industry's days, net income follows EBIT
 * after interest and 25% tax, retained earnings accumulate it, cash flow is income plus
 * depreciation less the growth in working capital.
 */
export function generateStatements({ random, industry, health, revenue, currency, minor, listed, periodEnds }: StatementOptions): StatementInput[] {
  const shape = SHAPE[health]
  const years = periodEnds.length
  const growth = Array.from({ length: years }, () => random.between(...shape.growth))
  // Walk back from the latest revenue to the oldest.
  const revenues: number[] = new Array(years)
  revenues[years - 1] = revenue
  for (let i = years - 2; i >= 0; i -= 1) revenues[i] = revenues[i + 1]! / (1 + growth[i + 1]!)
  const turnover = random.between(...industry.assetTurnover)
  const paidInCapital = (revenues[0]! / turnover) * random.between(0.12, 0.25)
  let retainedEarnings = (revenues[0]! / turnover) * random.between(0.05, 0.25) * (health === 'distressed' ? -0.5 : 1)
  let previousWorkingCapital: number | null = null
  const priceToBook = random.between(0.8, 3)
  const money = (value: number) => Math.round(value * minor)

  return periodEnds.map((periodEnd, i) => {
    const sales = revenues[i]!
    const margin = random.between(...shape.margin(industry))
    const ebit = sales * margin
    const grossMargin = Math.max(margin + random.between(0.08, 0.2), 0.05)
    const costOfSales = sales * (1 - grossMargin)
    const receivables = (sales * random.between(...industry.receivableDays)) / 365
    const inventory = (costOfSales * random.between(...industry.inventoryDays)) / 365
    const fromTurnover = (sales / turnover) * random.between(0.95, 1.05)
    const cash = fromTurnover * random.between(health === 'distressed' ? 0.01 : 0.04, health === 'strong' ? 0.15 : 0.08)
    const currentAssets = receivables + inventory + cash + fromTurnover * random.between(0.01, 0.05)
    // Fast-turning trades can hold more in receivables and stock than turnover suggests: assets grow to fit.
    const totalAssets = Math.max(fromTurnover, currentAssets / 0.85)
    const leverage = random.between(...shape.leverage)
    const totalLiabilities = totalAssets * leverage
    const currentLiabilities = totalLiabilities * random.between(0.5, 0.72)
    const longTermDebt = (totalLiabilities - currentLiabilities) * random.between(0.6, 0.9)
    const interestExpense = (longTermDebt + currentLiabilities * 0.3) * random.between(0.035, 0.075)
    const depreciation = totalAssets * random.between(0.03, 0.06)
    const pretax = ebit - interestExpense
    const netIncome = pretax > 0 ? pretax * 0.75 : pretax
    retainedEarnings += netIncome * (netIncome > 0 ? random.between(0.5, 0.9) : 1)
    const equity = totalAssets - totalLiabilities
    const workingCapital = currentAssets - currentLiabilities
    const operatingCashFlow = netIncome + depreciation - (previousWorkingCapital === null ? 0 : workingCapital - previousWorkingCapital) * 0.5
    previousWorkingCapital = workingCapital
    return {
      periodEnd,
      periodMonths: 12,
      currency,
      audited: health !== 'distressed' || random.chance(0.5),
      items: {
        revenue: money(sales),
        costOfSales: money(costOfSales),
        ebit: money(ebit),
        interestExpense: money(interestExpense),
        netIncome: money(netIncome),
        depreciation: money(depreciation),
        totalAssets: money(totalAssets),
        currentAssets: money(currentAssets),
        cash: money(cash),
        receivables: money(receivables),
        inventory: money(inventory),
        totalLiabilities: money(totalLiabilities),
        currentLiabilities: money(currentLiabilities),
        longTermDebt: money(longTermDebt),
        equity: money(equity),
        // What equity holds beyond paid-in capital; below zero once losses ate the reserves.
        retainedEarnings: money(Math.min(retainedEarnings, equity - paidInCapital * 0.2)),
        operatingCashFlow: money(operatingCashFlow),
        marketValueEquity: listed ? money(Math.max(equity, totalAssets * 0.05) * priceToBook) : null,
      },
    }
  })
}
