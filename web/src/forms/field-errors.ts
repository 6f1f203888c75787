import type { ErrorDetail } from '../api/client.ts'

/** An antd form field name: 'name', ['industry', 'code'], ['customFields', 'riskRegion']. */
export type FieldName = string | (string | number)[]

export type FieldError = { name: (string | number)[]; errors: string[] }

export type PlacedErrors = {
  /** For form.setFields: each field the server named, with its messages. */
  fields: FieldError[]
  /** Details that name no field of the form (the body, a version conflict): shown above it. */
  general: ErrorDetail[]
}

/**
 * Puts each detail of a 400 or 409 answer on the form field its path names. Paths are
 * dotted (`industry.code`, `customFields.riskRegion`, `aliases.2`); a detail goes to the
 * deepest field of the form that its path starts with, so `aliases.2` lands on the aliases
 * field as "2: …". A detail naming no field of the form stays general.
 */
export function placeFieldErrors(details: ErrorDetail[], formFields: FieldName[], translate: (message: string) => string = (m) => m): PlacedErrors {
  const known = formFields.map((name) => [name].flat().map(String))
  const byField = new Map<string, FieldError>()
  const general: ErrorDetail[] = []
  for (const detail of details) {
    const segments = detail.path.split('.').filter((s) => s !== '')
    const field = known.filter((name) => startsWith(segments, name)).sort((a, b) => b.length - a.length)[0]
    if (!field) {
      general.push({ path: detail.path, message: translate(detail.message) })
      continue
    }
    const rest = segments.slice(field.length)
    const message = rest.length > 0 ? `${rest.join('.')}: ${translate(detail.message)}` : translate(detail.message)
    const key = field.join('.')
    const entry = byField.get(key) ?? { name: field.map((s) => (/^\d+$/.test(s) ? Number(s) : s)), errors: [] }
    if (!entry.errors.includes(message)) entry.errors.push(message)
    byField.set(key, entry)
  }
  return { fields: [...byField.values()], general }
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment)
}
