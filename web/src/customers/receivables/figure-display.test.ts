import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/i18n.ts'
import { receivables } from '../../testing/activity-fixtures.ts'
import { displayFigure, paymentBand } from './figure-display.ts'

describe('displayFigure', () => {
  const en = createI18n('en')
  const zh = createI18n('zh-CN')
  const cny = receivables().currencies[0]!
  const show = (figure = cny.dso.simple, kind: 'days' | 'index' | 'ratio' = 'days', i18n = en) => displayFigure(figure, kind, { t: i18n.t, locale: i18n.language, currency: 'CNY' })

  it('shows a computed figure in its unit, with the formula and its inputs, money in the currency', () => {
    expect(show()).toEqual({
      text: '94.7 days',
      reason: null,
      formula: 'receivables / creditSales × 90 (credit sales of the last 90 days)',
      inputs: [
        { name: 'receivables', text: 'CN¥200,000.00' },
        { name: 'creditSales', text: 'CN¥190,000.00' },
        { name: 'days', text: '90' },
      ],
    })
    expect(show(cny.dso.simple, 'days', zh).text).toBe('94.7 天')
    expect(show(cny.paymentIndex, 'index').text).toBe('54')
    expect(show(receivables().utilisation, 'ratio').text).toBe('40%')
  })

  it('says "1 day", not "1 days"', () => {
    expect(show({ formula: 'f', inputs: {}, value: 1, reason: null }).text).toBe('1 day')
  })

  it('has no value but the reason, in the UI’s language, when the server could not compute it', () => {
    const none = { formula: 'max(DPD of open invoices)', inputs: { invoices: 0 }, value: null, reason: 'no open invoices' }
    expect(show(none)).toMatchObject({ text: null, reason: 'No open invoices', inputs: [{ name: 'invoices', text: '0' }] })
    expect(show(none, 'days', zh).reason).toBe('无未结发票')
    expect(show({ formula: 'outstanding / limit', inputs: { outstanding: null, limit: null }, value: null, reason: 'no credit limit' }, 'ratio').inputs).toEqual([
      { name: 'outstanding', text: '—' },
      { name: 'limit', text: '—' },
    ])
  })

  it('never shows NaN', () => {
    expect(show({ formula: 'f', inputs: {}, value: Number.NaN, reason: null })).toMatchObject({ text: null, reason: null })
  })
})

describe('paymentBand', () => {
  it('is good from 80, watch from 50 to 79 and poor below 50', () => {
    expect([100, 80, 79, 50, 49, 1].map(paymentBand)).toEqual(['good', 'good', 'watch', 'watch', 'poor', 'poor'])
    expect(paymentBand(null)).toBeNull()
  })
})
