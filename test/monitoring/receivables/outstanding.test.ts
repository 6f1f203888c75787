import { describe, expect, it } from 'vitest'
import { outstanding, receivablesLedger } from '../../../src/domain/monitoring/receivables/index.ts'
import { invoice, payment, t } from './fixtures.ts'

const asOf = t('2026-04-30T12:00:00Z')

describe('outstanding', () => {
  const invoices = [
    invoice('today', { issued: '2026-03-31', due: '2026-04-30', amount: 10_000 }),
    invoice('late', { issued: '2026-02-28', due: '2026-03-31', amount: 20_000 }),
    invoice('paid', { issued: '2026-02-01', due: '2026-03-01', amount: 50_000 }),
    invoice('future', { issued: '2026-05-01', due: '2026-05-31', amount: 70_000 }),
    invoice('void', { issued: '2026-03-01', due: '2026-03-31', amount: 80_000, status: 'cancelled' }),
    invoice('lost', { issued: '2025-10-01', due: '2025-11-01', amount: 6_000, status: 'written_off' }),
  ]
  const payments = [payment('p1', { at: '2026-03-01', allocations: { paid: 50_000 } }), payment('p2', { at: '2026-04-10', allocations: { late: 5_000 } })]
  const ledger = receivablesLedger({ invoices, payments, asOf })

  it('adds the open amounts of the invoices issued by asOf, a partly paid one net of its payment', () => {
    // today 10,000 + late 20,000 − 5,000; not the paid, future, cancelled or written-off ones
    expect(outstanding({ ledger, currency: 'CNY' }).outstanding).toEqual({ amount: 25_000, invoices: 2 })
  })

  it('counts as overdue only what is at least a day past due: an invoice due today is not', () => {
    expect(outstanding({ ledger, currency: 'CNY' }).overdue).toEqual({ amount: 15_000, invoices: 1 })
  })

  it('reports what was written off, net of what was paid before', () => {
    expect(outstanding({ ledger, currency: 'CNY' }).writtenOff).toEqual({ amount: 6_000, invoices: 1 })
  })

  it('keeps each currency apart', () => {
    const mixed = receivablesLedger({ invoices: [...invoices, invoice('usd', { issued: '2026-03-01', due: '2026-04-01', amount: 900, currency: 'USD' })], payments, asOf })
    expect(outstanding({ ledger: mixed, currency: 'CNY' }).outstanding.amount).toBe(25_000)
    expect(outstanding({ ledger: mixed, currency: 'USD' })).toMatchObject({ currency: 'USD', outstanding: { amount: 900, invoices: 1 }, overdue: { amount: 900, invoices: 1 } })
    expect(outstanding({ ledger: mixed, currency: 'EUR' })).toMatchObject({ outstanding: { amount: 0, invoices: 0 }, overdue: { amount: 0, invoices: 0 } })
  })
})
