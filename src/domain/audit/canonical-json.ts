/**
 * Canonical JSON: object keys sorted by UTF-16 code units (the order of RFC 8785 and of
 * JavaScript's default sort), no insignificant white space, array holes written as null,
 * `undefined` members dropped. Two equal values always give the same string, on
 * any machine and after any round trip through SQLite or PostgreSQL text columns,
 * which is what lets an audit hash be recomputed and compared years later.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

export function canonicalJson(value: unknown): string {
  return write(value, '$')
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold ${value} at ${path}`)
      return JSON.stringify(value)
    case 'string':
      return JSON.stringify(value)
    case 'object': {
      // Array.from visits holes too (as undefined), which .map would skip.
      if (Array.isArray(value)) return `[${Array.from(value, (item, i) => write(item ?? null, `${path}[${i}]`)).join(',')}]`
      const record = value as Record<string, unknown>
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
      return `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`).join(',')}}`
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value} at ${path}`)
  }
}
