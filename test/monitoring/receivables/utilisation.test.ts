import { describe, expect, it } from 'vitest'
import { creditUtilisation, receivablesLedger } from '../../../src/domain/monitoring/receivables/index.ts'
import { invoice, payment, t } from './fixtures.ts'

const asOf = t('2026-03-31')
const cny = invoice('cny', { issued: '2026-03-01', due: '2026-03-31', amount: 25_000 })
const ledger = receivablesLedger({ invoices: [cny], payments: [], asOf })

describe('creditUtilisation', () => {
  it('divides the outstanding by the limit: 25,000 / 100,000 = 0.25', () => {
    expect(creditUtilisation({ ledger, limit: { amount: 100_000, currency: 'CNY' } })).toMatchObject({ value: 0.25, reason: null, currency: 'CNY', inputs: { outstanding: 25_000, limit: 100_000 } })
  })

  it('goes above 1 over the limit, to four decimals', () => {
    expect(creditUtilisation({ ledger, limit: { amount: 20_000, currency: 'CNY' } }).value).toBe(1.25)
    expect(creditUtilisation({ ledger, limit: { amount: 30_000, currency: 'CNY' } }).value).toBe(0.8333)
  })

  it('is null with a reason when there is no limit', () => {
    expect(creditUtilisation({ ledger })).toMatchObject({ value: null, reason: 'no credit limit', currency: null })
    expect(creditUtilisation({ ledger, limit: null })).toMatchObject({ value: null, reason: 'no credit limit' })
  })

  it('is null with a reason when the customer owes in a currency other than the limit’s', () => {
    expect(creditUtilisation({ ledger, limit: { amount: 100_000, currency: 'USD' } })).toMatchObject({
      value: null,
      reason: 'the limit is in USD but the customer also owes 25000 CNY (minor units), which cannot be set against it',
    })
  })

  it('ignores a currency in which nothing is owed any more', () => {
    const usd = invoice('usd', { issued: '2026-01-01', due: '2026-02-01', amount: 900, currency: 'USD' })
    const mixed = receivablesLedger({ invoices: [cny, usd], payments: [payment('p1', { at: '2026-02-01', currency: 'USD', allocations: { usd: 900 } })], asOf })
    expect(creditUtilisation({ ledger: mixed, limit: { amount: 50_000, currency: 'CNY' } }).value).toBe(0.5)
  })

  it('is null with a reason for a limit of 0', () => {
    expect(creditUtilisation({ ledger, limit: { amount: 0, currency: 'CNY' } })).toMatchObject({ value: null, reason: 'the limit is 0: nothing to divide by' })
  })
})
