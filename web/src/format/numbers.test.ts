import { describe, expect, it } from 'vitest'
import { formatNumber, formatPercent } from './numbers.ts'

describe('formatPercent', () => {
  it('shows a PD as a percentage, small ones included', () => {
    expect(formatPercent(0.0003, 'en')).toBe('0.03%')
    expect(formatPercent(0.1234, 'en')).toBe('12.34%')
    expect(formatPercent(0.5, 'zh-CN')).toBe('50%')
  })

  it('never shows NaN: no number is a dash', () => {
    expect(formatPercent(null, 'en')).toBe('—')
    expect(formatPercent(Number.NaN, 'en')).toBe('—')
    expect(formatPercent(Number.POSITIVE_INFINITY, 'en')).toBe('—')
  })
})

describe('formatNumber', () => {
  it('rounds to the digits asked for, and shows a dash for no number', () => {
    expect(formatNumber(1.23456, 'en')).toBe('1.23')
    expect(formatNumber(1234.5, 'en', 0)).toBe('1,235')
    expect(formatNumber(undefined, 'en')).toBe('—')
  })
})
