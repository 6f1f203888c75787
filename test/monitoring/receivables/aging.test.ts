import { describe, expect, it } from 'vitest'
import { aging, agingBuckets, agingEdgeProblems, receivablesLedger } from '../../../src/domain/monitoring/receivables/index.ts'
import { invoice, payment, t } from './fixtures.ts'

/** As of 30 April 2026 noon; DPD of each due date in the comment. */
const asOf = t('2026-04-30T12:00:00Z')
const invoices = [
  invoice('due-today', { issued: '2026-03-31', due: '2026-04-30', amount: 1_000 }), // 0
  invoice('not-yet', { issued: '2026-04-15', due: '2026-05-15', amount: 2_000 }), // 0
  invoice('dpd1', { issued: '2026-03-29', due: '2026-04-29', amount: 4_000 }), // 1
  invoice('dpd30', { issued: '2026-03-01', due: '2026-03-31', amount: 8_000 }), // 30
  invoice('dpd31', { issued: '2026-02-28', due: '2026-03-30', amount: 16_000 }), // 31
  invoice('dpd90', { issued: '2025-12-31', due: '2026-01-30', amount: 32_000 }), // 90
  invoice('dpd120', { issued: '2025-12-01', due: '2025-12-31', amount: 64_000 }), // 120
  invoice('dpd121', { issued: '2025-11-30', due: '2025-12-30', amount: 128_000 }), // 121
]

describe('aging', () => {
  const ledger = receivablesLedger({ invoices, payments: [payment('p1', { at: '2026-04-01', allocations: { dpd121: 28_000 } })], asOf })

  it('buckets open amounts by DPD: 30 in 1-30, 31 in 31-60, 120 in 91-120, 121 in 120+, due today in current', () => {
    const result = aging({ ledger, currency: 'CNY' })
    expect(result.buckets).toEqual([
      { label: 'current', minDays: 0, maxDays: 0, amount: 3_000, invoices: 2 },
      { label: '1-30', minDays: 1, maxDays: 30, amount: 12_000, invoices: 2 },
      { label: '31-60', minDays: 31, maxDays: 60, amount: 16_000, invoices: 1 },
      { label: '61-90', minDays: 61, maxDays: 90, amount: 32_000, invoices: 1 },
      { label: '91-120', minDays: 91, maxDays: 120, amount: 64_000, invoices: 1 },
      { label: '120+', minDays: 121, maxDays: null, amount: 100_000, invoices: 1 },
    ])
    expect(result.total).toEqual({ amount: 227_000, invoices: 8 })
  })

  it('takes other bucket edges', () => {
    const result = aging({ ledger, currency: 'CNY', edges: [30, 90] })
    expect(result.buckets.map((b) => [b.label, b.amount])).toEqual([
      ['current', 3_000],
      ['1-30', 12_000],
      ['31-90', 48_000],
      ['90+', 164_000],
    ])
  })

  it('refuses edges that are not ascending positive whole numbers', () => {
    expect(agingEdgeProblems([30, 60, 90, 120])).toEqual([])
    expect(agingEdgeProblems([])).toEqual(['at least one edge is needed'])
    expect(agingEdgeProblems([0, 30])).toEqual(['edge 1 must be a positive whole number of days, got 0'])
    expect(agingEdgeProblems([30, 30])).toEqual(['edge 2 (30) must be greater than edge 1 (30)'])
    expect(agingEdgeProblems([60, 30.5])).toEqual(['edge 2 must be a positive whole number of days, got 30.5'])
    expect(() => agingBuckets([60, 30])).toThrow('aging bucket edges: edge 2 (30) must be greater than edge 1 (60)')
    expect(() => aging({ ledger, currency: 'CNY', edges: [-1] })).toThrow(RangeError)
  })

  it('gives a currency with nothing open empty buckets', () => {
    expect(aging({ ledger, currency: 'USD' }).total).toEqual({ amount: 0, invoices: 0 })
  })
})
