import { describe, expect, it } from 'vitest'
import { formatDate, formatMonth } from './dates.ts'

describe('dates', () => {
  it('shows a calendar date without shifting it by a time zone', () => {
    expect(formatDate('2026-03-01', 'en')).toBe('Mar 1, 2026')
    expect(formatDate(null, 'en')).toBe('—')
  })

  it('shows the month of a date', () => {
    expect(formatMonth('2026-03-01', 'en')).toBe('Mar 2026')
    expect(formatMonth('2026-03-31', 'zh-CN')).toBe('2026年3月')
  })
})
