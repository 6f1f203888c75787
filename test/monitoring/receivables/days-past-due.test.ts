import { describe, expect, it } from 'vitest'
import { daysPastDue, receivablesLedger } from '../../../src/domain/monitoring/receivables/index.ts'
import { invoice, t } from './fixtures.ts'

/**
 * As of 30 April 2026, noon UTC (due dates are midnight, so whole days are exact):
 * a 10,000 due today (DPD 0), 20,000 due 31 March (30), 30,000 due 30 March (31),
 * 40,000 due 30 January (1 + 28 + 31 + 30 = 90).
 */
const asOf = t('2026-04-30T12:00:00Z')
const invoices = [
  invoice('a', { issued: '2026-03-31', due: '2026-04-30', amount: 10_000 }),
  invoice('b', { issued: '2026-03-01', due: '2026-03-31', amount: 20_000 }),
  invoice('c', { issued: '2026-02-28', due: '2026-03-30', amount: 30_000 }),
  invoice('d', { issued: '2025-12-31', due: '2026-01-30', amount: 40_000 }),
]

describe('daysPastDue', () => {
  const result = daysPastDue({ ledger: receivablesLedger({ invoices, payments: [], asOf }), currency: 'CNY' })

  it('gives each open invoice its whole days past due, 0 for one due today, most overdue first', () => {
    expect(result.invoices.map((i) => [i.invoiceId, i.daysPastDue])).toEqual([
      ['d', 90],
      ['c', 31],
      ['b', 30],
      ['a', 0],
    ])
  })

  it('reports the maximum DPD', () => {
    expect(result.max).toMatchObject({ value: 90, reason: null })
  })

  it('weights the overdue invoices by their open amounts: (20,000×30 + 30,000×31 + 40,000×90) / 90,000 = 57', () => {
    expect(result.weightedOverdue).toMatchObject({ value: 57, inputs: { amountTimesDays: 5_130_000, openAmount: 90_000, invoices: 3 } })
  })

  it('weights every open invoice, the current one at 0 days: 5,130,000 / 100,000 = 51.3', () => {
    expect(result.weightedOpen).toMatchObject({ value: 51.3, inputs: { amountTimesDays: 5_130_000, openAmount: 100_000, invoices: 4 } })
  })

  it('says why there is no figure when nothing is open or overdue, instead of dividing by zero', () => {
    const none = daysPastDue({ ledger: receivablesLedger({ invoices: [invoices[0]!], payments: [], asOf }), currency: 'CNY' })
    expect(none.max).toMatchObject({ value: 0, reason: null })
    expect(none.weightedOverdue).toMatchObject({ value: null, reason: 'no overdue invoices' })
    const empty = daysPastDue({ ledger: receivablesLedger({ invoices: [], payments: [], asOf }), currency: 'CNY' })
    expect(empty.max).toMatchObject({ value: null, reason: 'no open invoices' })
    expect(empty.weightedOpen).toMatchObject({ value: null, reason: 'no open invoices' })
  })

  it('counts only whole days: 23 hours past the due date is still 0', () => {
    const ledger = receivablesLedger({ invoices: [invoices[0]!], payments: [], asOf: t('2026-04-30T23:00:00Z') })
    expect(daysPastDue({ ledger, currency: 'CNY' }).invoices[0]!.daysPastDue).toBe(0)
    const nextDay = receivablesLedger({ invoices: [invoices[0]!], payments: [], asOf: t('2026-05-01T00:00:00Z') })
    expect(daysPastDue({ ledger: nextDay, currency: 'CNY' }).invoices[0]!.daysPastDue).toBe(1)
  })
})
