import { describe, expect, it } from 'vitest'
import { paymentIndex, paymentIndexAnchorProblems, paymentIndexScore, receivablesLedger } from '../../../src/domain/monitoring/receivables/index.ts'
import { invoice, payment, t } from './fixtures.ts'

describe('paymentIndexScore', () => {
  it.each([
    [-45, 100],
    [-30, 100],
    [0, 80],
    [15, 70],
    [30, 50],
    [60, 40],
    [90, 30],
    [120, 20],
    [400, 20],
  ])('scores %s days beyond terms at the anchor value %s', (days, score) => {
    expect(paymentIndexScore(days)).toBe(score)
  })

  it.each([
    [-15, 90, 'halfway from 80 on time to 100 at 30 days early'],
    [-6, 84, '80 + 6/30 × 20'],
    [5, 80 - (5 / 15) * 10, '80 − 5/15 × 10'],
    [45, 45, 'halfway from 50 at 30 days to 40 at 60'],
    [105, 25, 'halfway from 30 at 90 days to 20 at 120'],
  ])('interpolates linearly between anchors: %s days scores %s (%s)', (days, score) => {
    expect(paymentIndexScore(days)).toBeCloseTo(score, 10)
  })

  it('takes other anchors, and refuses ones that are out of order or out of range', () => {
    expect(paymentIndexScore(22, [[0, 80], [15, 70], [22, 60], [30, 50]])).toBe(60)
    expect(paymentIndexAnchorProblems([[0, 80], [0, 70], [10, 0]])).toEqual([
      "anchor 2: days (0) must be greater than the previous anchor's (0)",
      'anchor 3: score must be from 1 to 100, got 0',
    ])
    expect(() => paymentIndexScore(1, [])).toThrow('payment index anchors: at least one anchor is needed')
  })
})

describe('paymentIndex', () => {
  const asOf = t('2026-03-31T12:00:00Z')
  const invoices = [
    invoice('on-time', { issued: '2026-02-01', due: '2026-03-01', amount: 30_000 }), // paid 1 March: 80
    invoice('late30', { issued: '2026-01-01', due: '2026-02-01', amount: 10_000 }), // paid 3 March, 30 days late: 50
    invoice('overdue60', { issued: '2025-12-31', due: '2026-01-30', amount: 10_000 }), // open, DPD 60: 40
    invoice('not-due', { issued: '2026-03-16', due: '2026-04-15', amount: 99_000 }), // no experience yet
    invoice('last-year', { issued: '2025-01-01', due: '2025-02-01', amount: 99_000 }), // paid 15 February 2025: too old
  ]
  const payments = [
    payment('p1', { at: '2026-03-01', allocations: { 'on-time': 30_000 } }),
    payment('p2', { at: '2026-03-03', allocations: { late30: 10_000 } }),
    payment('p3', { at: '2025-02-15', allocations: { 'last-year': 99_000 } }),
  ]
  const ledger = receivablesLedger({ invoices, payments, asOf })

  it('weights each experience by amount: (30,000×80 + 10,000×50 + 10,000×40) / 50,000 = 66', () => {
    const result = paymentIndex({ ledger, currency: 'CNY' })
    expect(result).toMatchObject({ value: 66, reason: null, inputs: { weightTimesScore: 3_300_000, weight: 50_000, invoices: 3, months: 12 } })
    expect(result.experiences).toEqual([
      { invoiceId: 'overdue60', number: 'OVERDUE60', basis: 'overdue', days: 60, weight: 10_000, score: 40 },
      { invoiceId: 'late30', number: 'LATE30', basis: 'paid', days: 30, weight: 10_000, score: 50 },
      { invoiceId: 'on-time', number: 'ON-TIME', basis: 'paid', days: 0, weight: 30_000, score: 80 },
    ])
  })

  it('rounds to a whole number: one invoice 22 days late scores 60.67, index 61', () => {
    const one = receivablesLedger({ invoices: [invoices[0]!], payments: [payment('p', { at: '2026-03-23', allocations: { 'on-time': 30_000 } })], asOf })
    expect(paymentIndex({ ledger: one, currency: 'CNY' })).toMatchObject({ value: 61, inputs: { weightTimesScore: 30_000 * (70 - (20 * 7) / 15) } })
  })

  it('counts a payment made a moment inside the 12 months, not one made exactly 12 months before asOf', () => {
    const paidAt = (iso: string) => receivablesLedger({ invoices: [invoices[4]!], payments: [payment('p', { at: iso, allocations: { 'last-year': 99_000 } })], asOf })
    expect(paymentIndex({ ledger: paidAt('2025-03-31T12:00:00Z'), currency: 'CNY' }).value).toBeNull()
    // due 1 February 2025, paid 58 days late: 50 − 28/30 × 10 = 40.67
    expect(paymentIndex({ ledger: paidAt('2025-03-31T12:00:00.001Z'), currency: 'CNY' }).value).toBe(41)
  })

  it('is null with a reason when no invoice qualifies', () => {
    const onlyNotDue = receivablesLedger({ invoices: [invoices[3]!], payments: [], asOf })
    expect(paymentIndex({ ledger: onlyNotDue, currency: 'CNY' })).toMatchObject({ value: null, reason: 'no invoice paid in the last 12 months and none overdue', experiences: [] })
  })
})
