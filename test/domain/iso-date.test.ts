import { describe, expect, it } from 'vitest'
import { isIsoDate } from '../../src/domain/customers/customer.ts'

/** The old definition: a date is what JavaScript's Date parses and writes back unchanged. */
function isIsoDateByDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

describe('ISO calendar dates', () => {
  it('agrees with Date on every day, month and year number from 1600 to 2400, real or not', () => {
    const disagreements: string[] = []
    for (let year = 1600; year <= 2400; year += 1) {
      for (let month = 0; month <= 13; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
          if (isIsoDate(value) !== isIsoDateByDate(value)) disagreements.push(value)
        }
      }
    }
    expect(disagreements).toEqual([])
  })

  it('knows leap years: every fourth, not every hundredth, every four hundredth', () => {
    expect(['2024-02-29', '2000-02-29', '1600-02-29'].map(isIsoDate)).toEqual([true, true, true])
    expect(['2023-02-29', '1900-02-29', '2100-02-29', '2024-02-30'].map(isIsoDate)).toEqual([false, false, false, false])
  })

  it('refuses anything but YYYY-MM-DD', () => {
    expect(['2024-1-01', '2024-01-01T00:00:00Z', ' 2024-01-01', '24-01-01', '2024/01/01', '２０２４-01-01', ''].map(isIsoDate)).toEqual([false, false, false, false, false, false, false])
  })
})
