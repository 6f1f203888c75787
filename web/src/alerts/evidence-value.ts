import { formatNumber } from '../format/numbers.ts'

/** A value the rule read, for a table cell: numbers for the locale, null as an em dash, texts as they are, lists joined. */
export function formatEvidenceValue(value: unknown, locale: string): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'number') return formatNumber(value, locale, 4)
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return value.map((item) => formatEvidenceValue(item, locale)).join(', ')
  return JSON.stringify(value)
}
