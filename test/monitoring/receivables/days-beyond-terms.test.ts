import { describe, expect, it } from 'vitest'
import { DAY_MS } from '../../../src/domain/monitoring/activity.ts'
import { daysBeyondTerms, receivablesLedger } from '../../../src/domain/monitoring/receivables/index.ts'
import { invoice, payment, t } from './fixtures.ts'

const asOf = t('2026-03-31T12:00:00Z')
const invoices = [
  invoice('late', { issued: '2026-02-01', due: '2026-03-01', amount: 10_000 }), // paid 11 March: 10 days beyond terms
  invoice('early', { issued: '2026-02-10', due: '2026-03-10', amount: 30_000 }), // paid 5 March: early, counts 0
  invoice('old', { issued: '2025-10-01', due: '2025-11-01', amount: 50_000 }), // paid 1 December: before the 90 days
  invoice('unknown', { issued: '2026-01-01', due: '2026-02-01', amount: 20_000, status: 'paid' }), // no payment on file
  invoice('open-late', { issued: '2026-02-01', due: '2026-03-01', amount: 20_000 }), // DPD 30
  invoice('open-current', { issued: '2026-03-15', due: '2026-04-15', amount: 60_000 }), // DPD 0
]
const payments = [
  payment('p1', { at: '2026-03-11', allocations: { late: 10_000 } }),
  payment('p2', { at: '2026-03-05', allocations: { early: 30_000 } }),
  payment('p3', { at: '2025-12-01', allocations: { old: 50_000 } }),
]

describe('daysBeyondTerms', () => {
  const result = daysBeyondTerms({ ledger: receivablesLedger({ invoices, payments, asOf }), currency: 'CNY' })

  it('averages the days beyond terms of invoices paid in the last 90 days, early ones as 0: 10,000 × 10 / 40,000 = 2.5', () => {
    expect(result.paid).toMatchObject({ value: 2.5, reason: null, inputs: { amountTimesDays: 100_000, amount: 40_000, invoices: 2, days: 90 } })
  })

  it('gives the current DBT as the weighted DPD of the open invoices minus 0: 20,000 × 30 / 80,000 = 7.5', () => {
    expect(result.current).toMatchObject({ value: 7.5, reason: null, inputs: { amountTimesDays: 600_000, openAmount: 80_000, invoices: 2 } })
  })

  it('takes another window, and leaves out a payment made exactly N days before asOf', () => {
    const ledger = receivablesLedger({ invoices, payments, asOf })
    // 121 days reach back to 30 November 2025, noon, past the 1 December payment (30 days late):
    // (10,000 × 10 + 50,000 × 30) / 90,000 = 17.78
    expect(daysBeyondTerms({ ledger, currency: 'CNY', days: 121 }).paid).toMatchObject({ value: 17.78, inputs: { amountTimesDays: 1_600_000, amount: 90_000 } })
    const edgePayment = payment('p4', { at: new Date(asOf - 90 * DAY_MS).toISOString(), allocations: { 'open-late': 20_000 } })
    const edge = receivablesLedger({ invoices: [invoices[4]!], payments: [edgePayment], asOf })
    expect(daysBeyondTerms({ ledger: edge, currency: 'CNY' }).paid).toMatchObject({ value: null, reason: 'no invoices paid in the last 90 days' })
  })

  it('says why there is no figure when nothing was paid or nothing is open', () => {
    const empty = daysBeyondTerms({ ledger: receivablesLedger({ invoices: [], payments: [], asOf }), currency: 'CNY' })
    expect(empty.paid.reason).toBe('no invoices paid in the last 90 days')
    expect(empty.current).toMatchObject({ value: null, reason: 'no open invoices' })
  })
})
