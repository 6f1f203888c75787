import { describe, expect, it } from 'vitest'
import { formatEvidenceValue } from './evidence-value.ts'

describe('formatEvidenceValue', () => {
  it('formats numbers for the locale and shows null as a dash', () => {
    expect(formatEvidenceValue(400000, 'en')).toBe('400,000')
    expect(formatEvidenceValue(2.25, 'en')).toBe('2.25')
    expect(formatEvidenceValue(null, 'en')).toBe('—')
  })

  it('passes texts through and joins lists', () => {
    expect(formatEvidenceValue('online', 'en')).toBe('online')
    expect(formatEvidenceValue(['CN', 'HK'], 'en')).toBe('CN, HK')
    expect(formatEvidenceValue(true, 'en')).toBe('true')
  })
})
