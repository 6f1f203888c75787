import { describe, expect, it } from 'vitest'
import { DEFAULT_RISK_POLICY, whatIf, type PortfolioCustomer, type RiskPolicy } from '../../src/domain/policy/index.ts'

/**
 * Two customers rated on a scorecard PD alone, each with equity of 1,000,000.00 CNY and nothing
 * else on its statement, so the only limit candidate is 10 % of equity = 10,000,000 minor units.
 *   Tianhe  PD 0.005:  BBB under the default scale (factor 0.75 → 7,500,000); owes 6,000,000 (80 %)
 *   Baiyun  PD 0.0002: AAA under both scales (factor 1 → 10,000,000); owes nothing
 * The candidate ends BBB at 0.004, so Tianhe becomes BB (factor 0.5 → 5,000,000, 120 % used).
 */
const customer = (customerId: string, name: string, industryCode: string, pd: number, owed: number): PortfolioCustomer => ({
  customerId,
  name,
  industryCode,
  signals: { scorecardPd: pd },
  limitFacts: { statement: { currency: 'CNY', periodMonths: 12, items: { equity: 100_000_000 } }, contractTermsDays: null, bureauLimit: null },
  outstanding: owed > 0 ? [{ currency: 'CNY', amount: owed }] : [],
})
const portfolio = [customer('c1', 'Tianhe', 'C33', 0.005, 6_000_000), customer('c2', 'Baiyun', 'F51', 0.0002, 0)]

const active = DEFAULT_RISK_POLICY
const grades = active.masterScale.grades.map((g) => (g.grade === 'BBB' ? { ...g, upper: 0.004 } : g.grade === 'BB' ? { ...g, lower: 0.004 } : g))
const candidate: RiskPolicy = {
  ...active,
  masterScale: { version: 'tighter-bbb', grades },
  thresholds: { ...active.thresholds, downgradeAlertNotches: 1 },
  riskAppetite: { maxSingleNameShare: 0.6, maxIndustryShare: 0.3 },
}

describe('whatIf', () => {
  const result = whatIf({ customers: portfolio, active, candidate })

  it('reports who changes grade and by how many notches', () => {
    expect(result.customers.map((c) => [c.name, c.before.grade, c.after.grade, c.gradeChange, c.notches])).toEqual([
      ['Tianhe', 'BBB', 'BB', 'downgrade', 1],
      ['Baiyun', 'AAA', 'AAA', 'unchanged', 0],
    ])
    expect(result.summary).toMatchObject({ customers: 2, downgrades: 1, upgrades: 0, unchanged: 1, limitsChanged: 1 })
  })

  it('recomputes each limit with the grade factors and reports the change', () => {
    expect(result.customers.map((c) => [c.before.limit, c.after.limit, c.limitChange])).toEqual([
      [7_500_000, 5_000_000, -2_500_000],
      [10_000_000, 10_000_000, 0],
    ])
    expect(result.summary.limitTotals).toEqual([{ currency: 'CNY', before: 17_500_000, after: 15_000_000 }])
  })

  it('raises the utilisation breach the smaller limit causes, as new', () => {
    expect(result.customers[0]!.before.utilisation).toBe(0.8)
    expect(result.customers[0]!.after.utilisation).toBe(1.2)
    expect(result.alerts.filter((a) => a.kind === 'utilisation_breach')).toEqual([expect.objectContaining({ customerId: 'c1', value: 1.2, threshold: 1, isNew: true })])
    expect(result.summary.alertCounts.utilisation_breach).toEqual({ before: 0, after: 1 })
  })

  it('raises a downgrade alert from the candidate’s notch threshold', () => {
    expect(result.alerts.filter((a) => a.kind === 'downgrade')).toEqual([expect.objectContaining({ customerId: 'c1', value: 1, isNew: true })])
  })

  it('measures single-name and industry shares of all limits against each policy’s appetite', () => {
    // Before: 7.5 / 17.5 = 42.9 % and 10 / 17.5 = 57.1 %, both above 10 % and 30 %.
    // After: 5 / 15 = 33.3 % and 10 / 15 = 66.7 %; only Baiyun is above 60 %, both industries above 30 %.
    expect(result.summary.alertCounts.single_name_concentration).toEqual({ before: 2, after: 1 })
    expect(result.alerts.filter((a) => a.kind === 'single_name_concentration')).toEqual([expect.objectContaining({ customerId: 'c2', value: 0.6667, isNew: false })])
    expect(result.alerts.filter((a) => a.kind === 'industry_concentration').map((a) => [a.industryCode, a.value])).toEqual([
      ['C33', 0.3333],
      ['F51', 0.6667],
    ])
  })

  it('puts nobody on the watch list while no one is graded B or worse', () => {
    expect(result.summary.alertCounts.watch_list).toEqual({ before: 0, after: 0 })
  })

  it('counts a customer who owes money against a limit of 0 as a breach', () => {
    const defaulted = { ...customer('c3', 'Zhujiang', 'C33', 0.7, 1_00) }
    const outcome = whatIf({ customers: [defaulted], active, candidate: active })
    expect(outcome.customers[0]!.after).toMatchObject({ grade: 'D', limit: 0, utilisation: null })
    expect(outcome.alerts.map((a) => [a.kind, a.isNew])).toEqual([
      ['utilisation_breach', false],
      ['watch_list', false],
    ])
  })

  it('reports no change at all when the candidate is the active policy', () => {
    const same = whatIf({ customers: portfolio, active, candidate: structuredClone(active) as RiskPolicy })
    expect(same.summary).toMatchObject({ downgrades: 0, upgrades: 0, limitsChanged: 0 })
    expect(same.alerts.every((a) => !a.isNew)).toBe(true)
  })
})
