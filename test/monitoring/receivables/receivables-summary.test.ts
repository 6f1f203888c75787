import { describe, expect, it } from 'vitest'
import { receivablesSummary } from '../../../src/domain/monitoring/receivables/index.ts'
import { invoice, payment, t } from './fixtures.ts'

const asOf = t('2026-03-31T12:00:00Z')
const invoices = [
  invoice('c1', { issued: '2026-02-01', due: '2026-03-01', amount: 40_000 }), // DPD 30
  invoice('c2', { issued: '2026-03-20', due: '2026-04-19', amount: 60_000 }), // current
  invoice('u1', { issued: '2026-01-15', due: '2026-02-14', amount: 5_000, currency: 'USD' }), // paid 24 February, 10 days late
  invoice('u2', { issued: '2026-03-01', due: '2026-03-11', amount: 2_000, currency: 'USD' }), // DPD 20
  invoice('e1', { issued: '2026-03-05', due: '2026-04-04', amount: 1_000, currency: 'EUR', status: 'cancelled' }),
]
const payments = [payment('p1', { at: '2026-02-24', currency: 'USD', amount: 5_500, allocations: { u1: 5_000 } }), payment('p9', { at: '2026-04-02', allocations: { c1: 40_000 } })]

describe('receivablesSummary', () => {
  const summary = receivablesSummary({ invoices, payments, asOf, limit: { amount: 200_000, currency: 'CNY' } })

  it('stamps the summary with asOf in ISO-8601', () => {
    expect(summary.asOf).toBe('2026-03-31T12:00:00.000Z')
  })

  it('gives each currency its own figures, in order, and none for a currency with only cancelled invoices', () => {
    expect(summary.currencies.map((c) => c.currency)).toEqual(['CNY', 'USD'])
    const [cny, usd] = summary.currencies
    expect(cny).toMatchObject({ outstanding: { amount: 100_000, invoices: 2 }, overdue: { amount: 40_000, invoices: 1 } })
    expect(cny!.daysPastDue.weightedOverdue.value).toBe(30)
    expect(cny!.daysPastDue.weightedOpen.value).toBe(12) // 40,000 × 30 / 100,000
    expect(cny!.aging.buckets.map((b) => b.amount)).toEqual([60_000, 40_000, 0, 0, 0, 0])
    expect(cny!.dso.simple.value).toBe(90) // everything sold in the window is still open
    expect(cny!.paymentIndex.value).toBe(50)
    expect(usd).toMatchObject({ outstanding: { amount: 2_000, invoices: 1 }, overdue: { amount: 2_000, invoices: 1 } })
    expect(usd!.daysBeyondTerms.paid.value).toBe(10)
    // u1 paid 10 days late scores 80 − 10/15 × 10 = 73.33, u2 at DPD 20 scores 70 − 5/15 × 20 = 63.33:
    // (5,000 × 73.33 + 2,000 × 63.33) / 7,000 = 70.48, rounded to 70
    expect(usd!.paymentIndex.value).toBe(70)
  })

  it('reports unapplied cash, utilisation of the limit and what it left out', () => {
    expect(summary.unappliedCash).toEqual([{ currency: 'USD', amount: 500, payments: [{ paymentId: 'p1', amount: 500 }] }])
    // the customer also owes USD, which cannot be added to a CNY limit
    expect(summary.utilisation).toMatchObject({ value: null, reason: 'the limit is in CNY but the customer also owes 2000 USD (minor units), which cannot be set against it' })
    expect(summary.notes).toEqual(['1 cancelled invoice(s) left out'])
  })

  it('passes the bucket edges and windows on', () => {
    const custom = receivablesSummary({ invoices, payments, asOf, agingBuckets: [15], dsoDays: 31, dbtDays: 30, paymentIndexMonths: 1 })
    const usd = custom.currencies[1]!
    expect(usd.aging.buckets.map((b) => [b.label, b.amount])).toEqual([
      ['current', 0],
      ['1-15', 0],
      ['15+', 2_000],
    ])
    // 31 days reach back to 28 February noon: u2 (1 March) is a sale in the window, u1 (15 January) is not
    expect(usd.dso.simple).toMatchObject({ value: 31, inputs: { receivables: 2_000, creditSales: 2_000, days: 31 } })
    expect(usd.daysBeyondTerms.paid.reason).toBe('no invoices paid in the last 30 days')
    expect(usd.paymentIndex.experiences.map((e) => e.invoiceId)).toEqual(['u2'])
    expect(custom.utilisation.reason).toBe('no credit limit')
  })

  it('refuses bucket edges that are not ascending positive whole numbers', () => {
    expect(() => receivablesSummary({ invoices, payments, asOf, agingBuckets: [60, 30] })).toThrow(RangeError)
  })

  it('is empty, not broken, for a customer with no invoices', () => {
    expect(receivablesSummary({ invoices: [], payments: [], asOf })).toMatchObject({ currencies: [], unappliedCash: [], notes: [] })
  })
})
