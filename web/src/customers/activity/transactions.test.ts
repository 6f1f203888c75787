import { describe, expect, it } from 'vitest'
import type { TransactionView } from '../../api/types.ts'
import { counterpartyName, countryFlag, dayRangeFilter, mergeTransactionPages } from './transactions.ts'

const tx = (id: string, source = 'core-banking'): TransactionView => ({
  seq: Number(id.replace(/\D/g, '')) || 0,
  source,
  id,
  customerId: 'c1',
  at: '2026-03-01T00:00:00.000Z',
  amount: 100,
  currency: 'CNY',
  direction: 'in',
  type: 'sale',
  channel: null,
  counterparty: null,
  category: null,
  description: null,
  receivedAt: '2026-03-01T00:00:00.000Z',
})

describe('mergeTransactionPages', () => {
  it('joins the pages in order', () => {
    expect(mergeTransactionPages([{ items: [tx('t3'), tx('t2')] }, { items: [tx('t1')] }]).map((t) => t.id)).toEqual(['t3', 't2', 't1'])
  })

  it('keeps a transaction sent again on a later page once, where it first appeared', () => {
    const merged = mergeTransactionPages([{ items: [tx('t3'), tx('t2')] }, { items: [tx('t2'), tx('t1')] }])
    expect(merged.map((t) => t.id)).toEqual(['t3', 't2', 't1'])
  })

  it('tells apart the same id from two sources', () => {
    expect(mergeTransactionPages([{ items: [tx('t1', 'bank-a')] }, { items: [tx('t1', 'bank-b')] }])).toHaveLength(2)
  })

  it('is empty before the first page', () => {
    expect(mergeTransactionPages([])).toEqual([])
  })
})

describe('countryFlag', () => {
  it('turns a two-letter country code into its flag', () => {
    expect(countryFlag('CN')).toBe('🇨🇳')
    expect(countryFlag('de')).toBe('🇩🇪')
  })

  it('has no flag for no code or a code that is not two letters', () => {
    expect(countryFlag(null)).toBeNull()
    expect(countryFlag('CHN')).toBeNull()
    expect(countryFlag('1A')).toBeNull()
  })
})

describe('counterpartyName', () => {
  it('prefers the name, then the id, then the account', () => {
    expect(counterpartyName({ id: 'cp-9', name: '华强电子', country: 'CN', account: null })).toBe('华强电子')
    expect(counterpartyName({ id: 'cp-9', name: null, country: null, account: '6222' })).toBe('cp-9')
    expect(counterpartyName({ id: null, name: '', country: null, account: '6222' })).toBe('6222')
    expect(counterpartyName(null)).toBeNull()
  })
})

describe('dayRangeFilter', () => {
  it('runs from the start of the first day to the start of the day after the last, in local time', () => {
    expect(dayRangeFilter('2026-02-27', '2026-02-28')).toEqual({ from: new Date(2026, 1, 27).toISOString(), to: new Date(2026, 2, 1).toISOString() })
  })
})
