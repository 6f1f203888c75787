import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/i18n.ts'
import { translateReceivablesNote, translateReceivablesReason } from './translate-receivables-reason.ts'

describe('translateReceivablesReason', () => {
  const en = createI18n('en')
  const zh = createI18n('zh-CN')
  const say = (reason: string, i18n = en, currency: string | null = 'CNY') => translateReceivablesReason(reason, i18n.t, i18n.language, currency)

  it('says the server’s reasons in the UI’s language, with the windows it names', () => {
    expect(say('no overdue invoices', zh)).toBe('无逾期发票')
    expect(say('no credit sales in the last 90 days')).toBe('No credit sales in the last 90 days')
    expect(say('no invoice paid in the last 12 months and none overdue', zh)).toBe('近 12 个月无已付发票，也无逾期发票')
  })

  it('shows the minor units in a reason as money', () => {
    expect(say('receivables of 250000 exceed the credit sales on record')).toBe('Receivables of CN¥2,500.00 exceed the credit sales on record')
    expect(say('the limit is in CNY but the customer also owes 2000 USD, 150 EUR (minor units), which cannot be set against it')).toBe(
      'The limit is in CNY, but the customer also owes $20.00 and €1.50, which cannot be set against it',
    )
  })

  it('passes a reason it does not know through as the server wrote it', () => {
    expect(say('something new')).toBe('something new')
  })
})

describe('translateReceivablesNote', () => {
  const en = createI18n('en')

  it('counts what was left out, and shows an allocation to an unknown invoice in its payment’s currency', () => {
    expect(translateReceivablesNote('1 cancelled invoice(s) left out', en.t, 'en')).toBe('1 cancelled invoice left out')
    expect(translateReceivablesNote('3 invoice(s) issued after asOf left out', en.t, 'en')).toBe('3 invoices issued after the as-of time left out')
    const note = 'payment p2 allocates 120000 to invoice inv-404, which is not among the invoices: counted as unapplied cash'
    expect(translateReceivablesNote(note, en.t, 'en', (id) => (id === 'p2' ? 'CNY' : undefined))).toBe(
      'Payment p2 allocates CN¥1,200.00 to invoice inv-404, which is not on record: counted as unapplied cash',
    )
    expect(translateReceivablesNote(note, en.t, 'en')).toContain('allocates 120000 to')
  })

  it('passes any other note through', () => {
    expect(translateReceivablesNote('invoice x appears more than once: the first one is used', en.t, 'en')).toBe('invoice x appears more than once: the first one is used')
  })
})
