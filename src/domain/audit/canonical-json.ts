/**
 * Canonical JSON: object keys sorted by UTF-16 code units (the order of RFC 8785 and of
 * JavaScript's default sort), no insignificant white space, array holes written as null,
 * `undefined` members dropped. Two equal values always give the same string, on
 * any machine and after any round trip through SQLite or PostgreSQL text columns,
 * which is what lets an audit hash be recomputed and compared years later.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/**
 * Canonical JSON already written, by code that builds it faster than canonicalJson would
 * (customerJson writes a customer straight from its row). canonicalJson embeds it as it is,
 * so the writer promises it is exactly what canonicalJson would write for the value; a test
 * holds each such writer to that. A wrong text would not pass unnoticed: verification
 * re-reads stored before and after texts and hashes them anew.
 */
export class CanonicalJsonText {
  readonly text: string

  constructor(text: string) {
    this.text = flattened(text)
  }
}

/**
 * The same text, flat in memory. Text built by concatenation is a tree of its pieces in V8,
 * and each consumer of it (a hash, the copy to the SQLite writer thread) flattened it again
 * for itself: measured on 50,000 customers' texts, hashing and posting them took 330–400 ms
 * instead of 740–840. A regular expression runs on flat text only, so V8 flattens its
 * subject in place; a match has effects (RegExp's legacy statics) and is never optimised away.
 */
function flattened(text: string): string {
  ANYTHING.test(text)
  return text
}

const ANYTHING = /^/

export function canonicalJson(value: unknown): string {
  if (value instanceof CanonicalJsonText) return value.text
  try {
    return value !== undefined && isCanonicalAsIs(value, 0) ? JSON.stringify(value) : write(value)
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

/**
 * Whether JSON.stringify writes `value` canonically as it is: plain objects whose keys are
 * already in sorted order, at every depth, holding only JSON values (finite numbers, no
 * functions, symbols, bigints or objects with a toJSON of their own to call). Records built
 * in canonical key order (toCustomer's) then cost a walk and the native writer, measured 2.5
 * times faster than writing them piece by piece; anything else takes the piece-by-piece way,
 * which also says what is wrong with a value that cannot be written.
 */
function isCanonicalAsIs(value: unknown, depth: number): boolean {
  if (depth > 64) return false
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true
    case 'number':
      return Number.isFinite(value)
    case 'object': {
      if (value === null) return true
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) if (!isCanonicalAsIs(value[i], depth + 1)) return false
        return true
      }
      const prototype = Object.getPrototypeOf(value)
      if (prototype !== Object.prototype && prototype !== null) return false
      const record = value as Record<string, unknown>
      let previous: string | null = null
      for (const key in record) {
        if (previous !== null && !(previous < key)) return false
        // Own keys only: a plain object's for-in sees nothing else, and the prototype check keeps it plain.
        if (!isCanonicalAsIs(record[key], depth + 1)) return false
        previous = key
      }
      return true
    }
    default:
      return false
  }
}

function write(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new Unwritable(String(value))
      // The same digits JSON.stringify writes for every finite number, -0 as 0 included.
      return String(value)
    case 'string':
      return canonicalJsonString(value)
    case 'object':
      if (value instanceof CanonicalJsonText) return value.text
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>)
    default:
      throw new Unwritable(`a ${typeof value}`)
  }
}

function writeArray(items: readonly unknown[]): string {
  const parts: string[] = new Array(items.length)
  // By index: holes are visited too (as undefined), which .map would skip.
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]
    try {
      parts[i] = item === undefined || item === null ? 'null' : write(item)
    } catch (error) {
      throw error instanceof Unwritable ? error.at(`[${i}]`) : error
    }
  }
  return `[${parts.join(',')}]`
}

function writeObject(record: Record<string, unknown>): string {
  const keys = Object.keys(record).sort()
  // Parts joined once: appending to one string piece by piece measured 2.5 times slower on customer records.
  const parts: string[] = []
  for (const key of keys) {
    const item = record[key]
    if (item === undefined) continue
    try {
      parts.push(`${quoteKey(key)}:${write(item)}`)
    } catch (error) {
      throw error instanceof Unwritable ? error.at(`.${key}`) : error
    }
  }
  return `{${parts.join(',')}}`
}

// What JSON.stringify would escape: quotes, backslashes, control characters, and surrogates (lone ones are escaped; a string with any goes the slow, exact way).
const NEEDS_ESCAPING = /["\\\u0000-\u001f\ud800-\udfff]/

/** A number as canonical JSON, refusing what JSON cannot hold, as canonicalJson does. */
export function canonicalJsonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`canonical JSON cannot hold ${value}`)
  return String(value)
}

/**
 * A string as canonical JSON: JSON.stringify(text), without its cost per call for the common
 * text that needs no escaping. Exported for writers of CanonicalJsonText.
 */
export function canonicalJsonString(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`
}

// Records repeat their keys: each is quoted once.
const quotedKeys = new Map<string, string>()

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key)
  if (quoted === undefined) {
    quoted = canonicalJsonString(key)
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted)
  }
  return quoted
}
