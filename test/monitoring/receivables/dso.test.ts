import { describe, expect, it } from 'vitest'
import { DAY_MS } from '../../../src/domain/monitoring/activity.ts'
import { countbackDso, receivablesLedger, simpleDso } from '../../../src/domain/monitoring/receivables/index.ts'
import { invoice, payment, t } from './fixtures.ts'

/**
 * The worked example of docs/receivables.md. As of 31 March 2026 (noon UTC):
 *
 *   month     credit sales   still open
 *   2025-12   80,000         0 (paid 4 January)
 *   2026-01   90,000         30,000 (60,000 paid 15 February)
 *   2026-02   120,000        120,000
 *   2026-03   100,000        100,000
 *
 * Receivables are 30,000 + 120,000 + 100,000 = 250,000.
 */
const asOf = t('2026-03-31T12:00:00Z')
const invoices = [
  invoice('dec', { issued: '2025-12-05', due: '2026-01-04', amount: 80_000 }),
  invoice('jan', { issued: '2026-01-10', due: '2026-02-09', amount: 90_000 }),
  invoice('feb', { issued: '2026-02-10', due: '2026-03-12', amount: 120_000 }),
  invoice('mar', { issued: '2026-03-10', due: '2026-04-09', amount: 100_000 }),
]
const payments = [payment('p1', { at: '2026-01-04', allocations: { dec: 80_000 } }), payment('p2', { at: '2026-02-15', allocations: { jan: 60_000 } })]
const ledger = receivablesLedger({ invoices, payments, asOf })

describe('countbackDso', () => {
  it('walks back March (31 days), February (28) and a third of January (30,000 / 90,000 × 31): 69.33 days', () => {
    const result = countbackDso({ ledger, currency: 'CNY' })
    expect(result.steps).toEqual([
      { month: '2026-03', days: 31, sales: 100_000, receivablesBefore: 250_000, daysCounted: 31 },
      { month: '2026-02', days: 28, sales: 120_000, receivablesBefore: 150_000, daysCounted: 28 },
      { month: '2026-01', days: 31, sales: 90_000, receivablesBefore: 30_000, daysCounted: 10.33 },
    ])
    expect(result).toMatchObject({ value: 69.33, reason: null, inputs: { receivables: 250_000, creditSalesOnRecord: 390_000 } })
  })

  it('counts the month asOf falls in only up to asOf', () => {
    // As of 15 March, before the March invoice was paid for: 30,000 + 120,000 + 100,000 still open
    const result = countbackDso({ ledger: receivablesLedger({ invoices, payments, asOf: t('2026-03-15T18:00:00Z') }), currency: 'CNY' })
    expect(result.steps[0]).toEqual({ month: '2026-03', days: 15, sales: 100_000, receivablesBefore: 250_000, daysCounted: 15 })
    expect(result.value).toBe(15 + 28 + 10.33)
  })

  it('counts a month without sales in full and walks on', () => {
    const result = countbackDso({ ledger: receivablesLedger({ invoices: [invoices[1]!], payments: [], asOf }), currency: 'CNY' })
    // March 31 (no sales), February 28 (no sales), January: 90,000 / 90,000 × 31
    expect(result.steps.map((s) => s.daysCounted)).toEqual([31, 28, 31])
    expect(result.value).toBe(90)
  })

  it('is 0 when nothing is owed, and null with a reason when nothing was ever sold', () => {
    const settled = receivablesLedger({ invoices: [invoices[0]!], payments, asOf })
    expect(countbackDso({ ledger: settled, currency: 'CNY' })).toMatchObject({ value: 0, reason: null, steps: [] })
    const empty = receivablesLedger({ invoices: [], payments: [], asOf })
    expect(countbackDso({ ledger: empty, currency: 'CNY' })).toMatchObject({ value: null, reason: 'no credit sales on record' })
  })
})

describe('simpleDso', () => {
  it('divides receivables by the credit sales of the last 90 days: 250,000 / 310,000 × 90 = 72.58', () => {
    // The window starts 31 December 2025 noon: the December invoice is outside it.
    expect(simpleDso({ ledger, currency: 'CNY' })).toMatchObject({ value: 72.58, reason: null, inputs: { receivables: 250_000, creditSales: 310_000, days: 90 } })
  })

  it('takes another window: 30 days holds only March, 250,000 / 100,000 × 30 = 75', () => {
    expect(simpleDso({ ledger, currency: 'CNY', days: 30 }).value).toBe(75)
  })

  it('leaves out an invoice issued exactly N days before asOf and takes one issued a moment later', () => {
    const edge = (issuedAt: number) => ({ ...invoice('edge', { issued: '2026-01-01', due: '2026-01-31', amount: 1_000 }), issuedAt })
    const exactly = receivablesLedger({ invoices: [edge(asOf - 90 * DAY_MS)], payments: [], asOf })
    expect(simpleDso({ ledger: exactly, currency: 'CNY' })).toMatchObject({ value: null, reason: 'no credit sales in the last 90 days' })
    const inside = receivablesLedger({ invoices: [edge(asOf - 90 * DAY_MS + 1)], payments: [], asOf })
    expect(simpleDso({ ledger: inside, currency: 'CNY' }).value).toBe(90)
  })

  it('refuses a window that is not a positive whole number of days', () => {
    expect(() => simpleDso({ ledger, currency: 'CNY', days: 0 })).toThrow(RangeError)
  })
})
