import { describe, expect, it } from 'vitest'
import { formatMoney, formatMoneyCompact, formatMoneyOrDash, minorUnitsPerMajor } from './money.ts'

describe('money', () => {
  it('knows how many minor units each currency has', () => {
    expect(minorUnitsPerMajor('CNY')).toBe(100)
    expect(minorUnitsPerMajor('JPY')).toBe(1)
    expect(minorUnitsPerMajor('KWD')).toBe(1000)
  })

  it('shows minor units as the major amount in the currency of the record', () => {
    expect(formatMoney(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56')
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56')
    expect(formatMoney(123456, 'JPY', 'en')).toBe('¥123,456')
    expect(formatMoney(-5, 'EUR', 'en')).toBe('-€0.05')
  })

  it('keeps large amounts exact to the fen', () => {
    expect(formatMoney(70_417_400_000_001, 'CNY', 'zh-CN')).toBe('¥704,174,000,000.01')
  })

  it('shows a dash for a missing amount or currency', () => {
    expect(formatMoneyOrDash(null, 'CNY', 'en')).toBe('—')
    expect(formatMoneyOrDash(100, null, 'en')).toBe('—')
  })

  it('shortens amounts for a chart axis', () => {
    expect(formatMoneyCompact(12_345_600, 'CNY', 'en')).toBe('CN¥123.5K')
    expect(formatMoneyCompact(12_345_600, 'CNY', 'zh-CN')).toBe('¥12.3万')
    expect(formatMoneyCompact(-4_500_000_00, 'CNY', 'zh-CN')).toBe('-¥450万')
    expect(formatMoneyCompact(0, 'USD', 'en')).toBe('$0')
  })
})
