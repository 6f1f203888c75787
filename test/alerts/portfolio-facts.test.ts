import { describe, expect, it } from 'vitest'
import { activityCustomersOf, CNY_PER_UNIT, generateActivity } from '../../src/demo/activity/index.ts'
import { generatePortfolio } from '../../src/demo/generate-portfolio.ts'
import { backtestCustomersOf } from '../../src/demo/evaluate-default-pack.ts'
import { backtest, DEFAULT_RULE_PACK, exposureTracker, outstandingInReporting, type BacktestCustomer, type CustomerFacts } from '../../src/domain/alerts/index.ts'
import { DAY_MS, HOUR_MS, type Invoice, type Payment } from '../../src/domain/monitoring/activity.ts'
import { DEFAULT_FEATURE_CONFIG } from '../../src/domain/monitoring/features/index.ts'

const START = Date.UTC(2026, 0, 1)
const at = (day: number, hour = 10) => START + day * DAY_MS + hour * HOUR_MS
const CONFIG = { ...DEFAULT_FEATURE_CONFIG, fxToReporting: { USD: 7.1 } }

const facts = (id: string): CustomerFacts => ({ id, type: 'company', country: 'CN', region: null, industry: null, status: 'active', listed: false, tags: [] })
const invoice = (customerId: string, id: string, amount: number, changes: Partial<Invoice> = {}): Invoice => ({ id, source: 'test', customerId, number: id, issuedAt: at(10), dueAt: at(400), amount, currency: 'CNY', status: 'open', ...changes })
const payment = (customerId: string, id: string, invoiceId: string, amount: number, day: number): Payment => ({ id, source: 'test', customerId, at: at(day), amount, currency: 'CNY', allocations: [{ invoiceId, amount }] })

describe('a customer’s outstanding receivables in the reporting currency', () => {
  const invoices = [
    invoice('c', 'cny', 1_000_000),
    invoice('c', 'usd', 10_000, { currency: 'USD' }),
    invoice('c', 'eur', 50_000, { currency: 'EUR' }),
    invoice('c', 'cancelled', 900_000, { status: 'cancelled' }),
    invoice('c', 'later', 400_000, { issuedAt: at(40) }),
  ]
  const payments = [payment('c', 'p1', 'cny', 300_000, 20), payment('c', 'p2', 'cny', 200_000, 50)]

  it('adds the open amounts of the invoices issued by then, less the payments made by then, converting what has a rate and leaving out the rest', () => {
    // 1,000,000 − 300,000 CNY, and 10,000 USD minor units × 7.1; the EUR invoice has no rate, the cancelled one never counts
    expect(outstandingInReporting({ invoices, payments }, at(30), CONFIG)).toBe(700_000 + 71_000)
    // the invoice of day 40 is issued, the payment of day 50 not yet made
    expect(outstandingInReporting({ invoices, payments }, at(45), CONFIG)).toBe(700_000 + 71_000 + 400_000)
    expect(outstandingInReporting({ invoices, payments }, at(50), CONFIG)).toBe(500_000 + 71_000 + 400_000)
    expect(outstandingInReporting({ invoices, payments }, at(5), CONFIG)).toBe(0)
    expect(outstandingInReporting({}, at(30), CONFIG)).toBe(0)
  })

  it('gives, tracked day by day, what computing it again every day gives (an invoice or a payment on the stroke of midnight included)', () => {
    const edgy = [...invoices, invoice('c', 'midnight', 123_000, { issuedAt: START + 60 * DAY_MS })]
    const paid = [...payments, { ...payment('c', 'p3', 'midnight', 23_000, 0), at: START + 70 * DAY_MS }]
    const tracked = exposureTracker({ invoices: edgy, payments: paid }, CONFIG)
    const days = Array.from({ length: 90 }, (_, day) => START + (day + 1) * DAY_MS)
    expect(days.map((end) => tracked(end))).toEqual(days.map((end) => outstandingInReporting({ invoices: edgy, payments: paid }, end, CONFIG)))
  })

  it('tracks the demo’s receivables exactly over a year', () => {
    const portfolio = generatePortfolio({ customers: 6, seed: 3 })
    const activity = generateActivity({ customers: activityCustomersOf(portfolio), seed: 3 })
    const config = { ...DEFAULT_FEATURE_CONFIG, fxToReporting: Object.fromEntries(Object.entries(CNY_PER_UNIT).map(([currency, rate]) => [currency, currency === 'JPY' ? rate * 100 : rate])) }
    const from = Date.parse(activity.from)
    let compared = 0
    for (const c of backtestCustomersOf(portfolio, activity)) {
      const tracked = exposureTracker(c, config)
      for (let end = from + DAY_MS; end <= Date.parse(activity.to); end += DAY_MS) {
        expect(tracked(end)).toBe(outstandingInReporting(c, end, config))
        compared += 1
      }
    }
    expect(compared).toBeGreaterThan(6 * 300)
  })
})

describe('single_name_concentration', () => {
  const RULE = DEFAULT_RULE_PACK.filter((rule) => rule.key === 'single_name_concentration')
  const owing = (id: string, amount: number, payments: Payment[] = []): BacktestCustomer => ({ customer: facts(id), invoices: [invoice(id, `${id}-inv`, amount)], payments })
  const others = (count: number) => Array.from({ length: count }, (_, i) => owing(`other-${i}`, 1_000_000))
  const run = (customers: BacktestCustomer[], maxSingleNameShare?: number) => backtest({ rules: RULE, transactions: [], customers, from: START, to: START + 100 * DAY_MS, maxSingleNameShare }).alerts
  const days = (alerts: { at: number }[]) => alerts.map((a) => (a.at - START) / DAY_MS)

  it('fires for the customer holding more than 10% of the portfolio’s receivables, with its share and the limit as evidence, once a month while it stays above', () => {
    // 2,000,000 of 14,000,000: 14%; each of the twelve others holds 7%
    const alerts = run([owing('big', 2_000_000), ...others(12)])
    expect(alerts.map((a) => a.customerId)).toEqual(['big', 'big', 'big'])
    expect(days(alerts)).toEqual([11, 41, 71])
    expect(alerts[0]).toMatchObject({ ruleKey: 'single_name_concentration', severity: 'high', dedupeKey: 'big:single_name_concentration' })
    expect(alerts[0]!.evidence).toEqual([
      { variable: 'portfolio.exposure_share', value: 2 / 14, baseline: null },
      { variable: 'portfolio.max_single_name_share', value: 0.1, baseline: null },
    ])
  })

  it('stops firing once the customer pays its share under the limit', () => {
    // on day 30 it pays 1,500,000: 500,000 of 12,500,000, and each of the others holds 8%
    const alerts = run([owing('big', 2_000_000, [payment('big', 'pay', 'big-inv', 1_500_000, 30)]), ...others(12)])
    expect(days(alerts)).toEqual([11])
  })

  it('keeps quiet when no customer holds more than the limit: ten equal customers hold exactly 10% each', () => {
    expect(run(others(10))).toEqual([])
    expect(run([owing('big', 1_200_000), ...others(12)])).toEqual([])
  })

  it('keeps quiet while the portfolio owes nothing', () => {
    expect(run([{ customer: facts('a') }, { customer: facts('b') }])).toEqual([])
  })

  it('holds the customer to the limit it is given (the risk policy’s)', () => {
    expect(run([owing('big', 2_000_000), ...others(12)], 0.15)).toEqual([])
    expect(run([owing('big', 2_000_000), ...others(12)], 0.05).map((a) => a.customerId)).toContain('other-0')
  })
})
