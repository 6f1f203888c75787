import { describe, expect, it } from 'vitest'
import { INVOICES, receivables } from '../../testing/activity-fixtures.ts'
import { headlineFigures, mainCurrency } from './headline-figures.ts'

describe('headlineFigures', () => {
  it('lists the amounts, days past due, DSO, days beyond terms and payment index of a currency in order', () => {
    const figures = headlineFigures(receivables().currencies[0]!)
    expect(figures.map((f) => f.key)).toEqual(['outstanding', 'overdue', 'maxDpd', 'weightedDpd', 'dsoSimple', 'dsoCountback', 'dbtPaid', 'dbtCurrent', 'paymentIndex'])
    expect(figures[0]).toEqual({ key: 'outstanding', kind: 'money', amount: 200_000_00, invoices: 4 })
    expect(figures.find((f) => f.key === 'maxDpd')).toMatchObject({ kind: 'days', figure: { value: 151 } })
    expect(figures.find((f) => f.key === 'paymentIndex')).toMatchObject({ kind: 'index', figure: { value: 54 } })
  })

  it('shows what was written off only when something was', () => {
    const withWriteOff = receivables(undefined, INVOICES.map((i) => (i.number === 'INV-000' ? { ...i, status: 'written_off' as const } : i)))
    expect(headlineFigures(withWriteOff.currencies[0]!).find((f) => f.key === 'writtenOff')).toEqual({ key: 'writtenOff', kind: 'money', amount: 30_000_00, invoices: 1 })
  })
})

describe('mainCurrency', () => {
  const usd = { ...receivables().currencies[0]!, currency: 'USD', outstanding: { amount: 900_000_00, invoices: 1 } }

  it('opens on the currency with the most outstanding', () => {
    expect(mainCurrency({ currencies: [receivables().currencies[0]!, usd] })).toBe('USD')
    expect(mainCurrency(receivables())).toBe('CNY')
  })

  it('has none without invoices', () => {
    expect(mainCurrency({ currencies: [] })).toBeNull()
  })
})
