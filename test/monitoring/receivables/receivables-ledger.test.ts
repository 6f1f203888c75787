import { describe, expect, it } from 'vitest'
import { receivablesLedger, type InvoicePosition } from '../../../src/domain/monitoring/receivables/index.ts'
import { invoice, payment, t } from './fixtures.ts'

const inv1 = invoice('inv1', { issued: '2026-02-01', due: '2026-03-01', amount: 10_000 })
const positionOf = (positions: InvoicePosition[], id: string) => positions.find((p) => p.invoiceId === id)!

describe('receivablesLedger', () => {
  it('reduces an invoice by a partial payment from the payment date on', () => {
    const payments = [payment('p1', { at: '2026-02-20', allocations: { inv1: 4_000 } })]
    const before = receivablesLedger({ invoices: [inv1], payments, asOf: t('2026-02-19T23:59:59Z') })
    const after = receivablesLedger({ invoices: [inv1], payments, asOf: t('2026-03-10T12:00:00Z') })
    expect(before.positions[0]).toMatchObject({ state: 'open', paidAmount: 0, openAmount: 10_000, daysPastDue: 0 })
    expect(after.positions[0]).toMatchObject({ state: 'open', paidAmount: 4_000, openAmount: 6_000, daysPastDue: 9 })
  })

  it('makes an invoice paid on the date of the payment that covers its last unit', () => {
    const payments = [payment('p1', { at: '2026-02-20', allocations: { inv1: 4_000 } }), payment('p2', { at: '2026-03-05', allocations: { inv1: 6_000 } })]
    const ledger = receivablesLedger({ invoices: [inv1], payments, asOf: t('2026-03-31') })
    expect(ledger.positions[0]).toMatchObject({ state: 'paid', openAmount: 0, paidAt: t('2026-03-05'), paymentDelayDays: 4, daysPastDue: 0 })
  })

  it('counts a payment before the due date as negative days of delay', () => {
    const ledger = receivablesLedger({ invoices: [inv1], payments: [payment('p1', { at: '2026-02-20', allocations: { inv1: 10_000 } })], asOf: t('2026-03-31') })
    expect(ledger.positions[0]).toMatchObject({ state: 'paid', paymentDelayDays: -9 })
  })

  it('ignores payments made after asOf', () => {
    const ledger = receivablesLedger({ invoices: [inv1], payments: [payment('p1', { at: '2026-04-01', allocations: { inv1: 10_000 } })], asOf: t('2026-03-31') })
    expect(ledger.positions[0]).toMatchObject({ state: 'open', openAmount: 10_000, daysPastDue: 30 })
    expect(ledger.unappliedCash).toEqual([])
  })

  it('leaves out invoices issued after asOf and cancelled invoices, and says so', () => {
    const invoices = [inv1, invoice('late', { issued: '2026-04-01', due: '2026-05-01', amount: 5_000 }), invoice('void', { issued: '2026-02-01', due: '2026-03-01', amount: 7_000, status: 'cancelled' })]
    const ledger = receivablesLedger({ invoices, payments: [], asOf: t('2026-03-31') })
    expect(ledger.positions.map((p) => p.invoiceId)).toEqual(['inv1'])
    expect(ledger.notes).toEqual(['1 cancelled invoice(s) left out', '1 invoice(s) issued after asOf left out'])
  })

  it('gives the same ledger whatever order the invoices and payments come in', () => {
    const invoices = [inv1, invoice('inv2', { issued: '2026-01-05', due: '2026-02-05', amount: 8_000 }), invoice('inv3', { issued: '2026-03-01', due: '2026-03-31', amount: 3_000 })]
    const payments = [
      payment('p1', { at: '2026-02-01', allocations: { inv2: 5_000 } }),
      payment('p2', { at: '2026-02-10', allocations: { inv2: 3_000, inv1: 2_000 } }),
      payment('p3', { at: '2026-03-20', allocations: { inv1: 8_000 } }),
    ]
    const asOf = t('2026-03-31')
    const inOrder = receivablesLedger({ invoices, payments, asOf })
    const shuffled = receivablesLedger({ invoices: [invoices[2]!, invoices[0]!, invoices[1]!], payments: [payments[2]!, payments[0]!, payments[1]!], asOf })
    expect(shuffled).toEqual(inOrder)
    // inv2 is closed by p2 on 10 February, not by whichever payment came last in the array.
    expect(positionOf(inOrder.positions, 'inv2')).toMatchObject({ state: 'paid', paidAt: t('2026-02-10'), paymentDelayDays: 5 })
    expect(inOrder.positions.map((p) => p.invoiceId)).toEqual(['inv2', 'inv1', 'inv3'])
  })

  it('reports what a payment does not allocate as unapplied cash of its currency', () => {
    const ledger = receivablesLedger({ invoices: [inv1], payments: [payment('p1', { at: '2026-02-20', amount: 12_500, allocations: { inv1: 10_000 } })], asOf: t('2026-03-31') })
    expect(ledger.unappliedCash).toEqual([{ currency: 'CNY', amount: 2_500, payments: [{ paymentId: 'p1', amount: 2_500 }] }])
    expect(ledger.notes).toEqual([])
  })

  it('counts cash allocated to a cancelled, unknown or foreign-currency invoice, or beyond what it owed, as unapplied, with a note each', () => {
    const invoices = [inv1, invoice('void', { issued: '2026-02-01', due: '2026-03-01', amount: 7_000, status: 'cancelled' }), invoice('usd', { issued: '2026-02-01', due: '2026-03-01', amount: 900, currency: 'USD' })]
    const payments = [payment('p1', { at: '2026-02-20', allocations: { void: 7_000, nowhere: 100, usd: 900, inv1: 10_300 } })]
    const ledger = receivablesLedger({ invoices, payments, asOf: t('2026-03-31') })
    expect(ledger.unappliedCash).toEqual([{ currency: 'CNY', amount: 8_300, payments: [{ paymentId: 'p1', amount: 8_300 }] }])
    expect(positionOf(ledger.positions, 'inv1')).toMatchObject({ state: 'paid', paidAmount: 10_000 })
    expect(positionOf(ledger.positions, 'usd')).toMatchObject({ state: 'open', openAmount: 900 })
    expect(ledger.notes).toEqual([
      '1 cancelled invoice(s) left out',
      'payment p1 allocates 7000 to invoice void, which is cancelled: counted as unapplied cash',
      'payment p1 allocates 100 to invoice nowhere, which is not among the invoices: counted as unapplied cash',
      'payment p1 in CNY allocates 900 to invoice usd in USD: counted as unapplied cash',
      'payment p1 allocates 10300 to invoice inv1, which owed 10000: 300 counted as unapplied cash',
    ])
  })

  it('closes a written-off invoice without payment', () => {
    const ledger = receivablesLedger({ invoices: [invoice('bad', { issued: '2025-06-01', due: '2025-07-01', amount: 9_000, status: 'written_off' })], payments: [payment('p1', { at: '2025-07-10', allocations: { bad: 1_000 } })], asOf: t('2026-03-31') })
    expect(ledger.positions[0]).toMatchObject({ state: 'written_off', paidAmount: 1_000, openAmount: 0, daysPastDue: 0, paidAt: null, paymentDelayDays: null })
  })

  it('takes an invoice marked paid without the payments to show it as paid on an unknown date', () => {
    const ledger = receivablesLedger({ invoices: [{ ...inv1, status: 'paid' }], payments: [], asOf: t('2026-03-31') })
    expect(ledger.positions[0]).toMatchObject({ state: 'paid', openAmount: 0, paidAt: null, paymentDelayDays: null })
    expect(ledger.notes).toEqual(['invoice inv1 is marked paid but its payments cover 0 of 10000: taken as paid on an unknown date'])
  })

  it('shows an invoice marked paid as still open at an asOf before the payment that paid it', () => {
    const ledger = receivablesLedger({ invoices: [{ ...inv1, status: 'paid' }], payments: [payment('p1', { at: '2026-04-02', allocations: { inv1: 10_000 } })], asOf: t('2026-03-31') })
    expect(ledger.positions[0]).toMatchObject({ state: 'open', openAmount: 10_000 })
    expect(ledger.notes).toEqual([])
  })

  it('refuses an asOf that is not a time', () => {
    expect(() => receivablesLedger({ invoices: [], payments: [], asOf: Number.NaN })).toThrow(RangeError)
  })
})
