/**
 * Canonical JSON: object keys sorted by UTF-16 code units (the order of RFC 8785 and of
 * JavaScript's default sort), no insignificant white space, array holes written as null,
 * `undefined` members dropped. Two equal values always give the same string, on
 * any machine and after any round trip through SQLite or PostgreSQL text columns,
 * which is what lets an audit hash be recomputed and compared years later.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

export function canonicalJson(value: unknown): string {
  try {
    return write(value)
  } catch (error) {
    if (error instanceof Unwritable) throw new TypeError(`canonical JSON cannot hold ${error.what} at $${error.path}`)
    throw error
  }
}

/**
 * Thrown where a value cannot be written; each level adds its step on the way out, so the
 * path costs nothing unless something fails. (Written with loops and string appends rather
 * than map/join: audit hashing and bulk imports call this for every record they touch.)
 */
class Unwritable {
  path = ''
  constructor(readonly what: string) {}
  at(step: string): this {
    this.path = step + this.path
    return this
  }
}

function write(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new Unwritable(String(value))
      return JSON.stringify(value)
    case 'string':
      return JSON.stringify(value)
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>)
    default:
      throw new Unwritable(`a ${typeof value}`)
  }
}

function writeArray(items: readonly unknown[]): string {
  let out = '['
  // By index: holes are visited too (as undefined), which .map would skip.
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]
    if (i > 0) out += ','
    try {
      out += item === undefined || item === null ? 'null' : write(item)
    } catch (error) {
      throw error instanceof Unwritable ? error.at(`[${i}]`) : error
    }
  }
  return `${out}]`
}

function writeObject(record: Record<string, unknown>): string {
  const keys = Object.keys(record).sort()
  let out = '{'
  for (const key of keys) {
    const item = record[key]
    if (item === undefined) continue
    if (out.length > 1) out += ','
    try {
      out += `${JSON.stringify(key)}:${write(item)}`
    } catch (error) {
      throw error instanceof Unwritable ? error.at(`.${key}`) : error
    }
  }
  return `${out}}`
}
