/** One field a change touched, named by its dotted path (`region`, `industry.code`, `customFields.riskRegion`). */
export type FieldChange = { field: string; before: unknown; after: unknown }

/** Bookkeeping every change moves along; showing it would drown the real changes. */
const BOOKKEEPING = new Set(['id', 'customerId', 'version', 'createdAt', 'updatedAt'])

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * What an update changed, field by field, from the before and after images the audit
 * ledger keeps. Nested objects (industry, customFields, statement items) are compared
 * field by field too. A creation or deletion has no before or after and gives no changes.
 */
export function fieldChanges(before: unknown, after: unknown, prefix = ''): FieldChange[] {
  if (!isPlainObject(before) || !isPlainObject(after)) return []
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys.flatMap((key): FieldChange[] => {
    if (prefix === '' && BOOKKEEPING.has(key)) return []
    const from = before[key] ?? null
    const to = after[key] ?? null
    const field = `${prefix}${key}`
    if (isPlainObject(from) && isPlainObject(to)) return fieldChanges(from, to, `${field}.`)
    return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, before: from, after: to }]
  })
}

/** A value of a change as text: '—' for nothing, lists joined, objects as their fields. */
export function changeValueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(changeValueText).join(', ')
  if (isPlainObject(value)) {
    return Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `${k}: ${changeValueText(v)}`)
      .join('; ')
  }
  return String(value)
}

/** What a record is called in one line: a contact's name, a document's file name, a statement's period. */
export function recordSummary(value: unknown): string | null {
  if (!isPlainObject(value)) return null
  for (const key of ['name', 'subject', 'title', 'filename', 'number', 'agency', 'periodEnd', 'key']) {
    const text = value[key]
    if (typeof text === 'string' && text !== '') return text
  }
  return null
}
