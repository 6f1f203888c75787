import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/domain/audit/index.ts'
import { mulberry32 } from '../../src/domain/random/index.ts'

/**
 * Ledgers already written must verify forever, so canonicalJson may get faster but never
 * different: it is checked against the plain definition below on many random values.
 */
function reference(value: unknown, path = '$'): string {
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
      if (Array.isArray(value)) return `[${Array.from(value, (item, i) => reference(item ?? null, `${path}[${i}]`)).join(',')}]`
      const record = value as Record<string, unknown>
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
      return `{${keys.map((key) => `${JSON.stringify(key)}:${reference(record[key], `${path}.${key}`)}`).join(',')}}`
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value} at ${path}`)
  }
}

const seeded = mulberry32

const KEYS = ['a', 'b', 'B', 'é', '华为', 'z', '10', '2', '', 'key with space', '\u{1F600}', 'ａ', 'customerId', 'after']
const STRINGS = ['', 'x', '华为技术有限公司', 'quote " and \\ backslash', 'line\nbreak\ttab', '\u0000\u001f', '\u2028\u2029', '\uD800', '😀']
const NUMBERS = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 123456789012345, -2.5, Number.MAX_SAFE_INTEGER]

function randomValue(random: () => number, depth: number): unknown {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!
  const kind = depth > 3 ? Math.floor(random() * 4) : Math.floor(random() * 7)
  switch (kind) {
    case 0:
      return pick(STRINGS)
    case 1:
      return pick(NUMBERS)
    case 2:
      return random() < 0.5 ? null : random() < 0.5
    case 3:
      return random() < 0.2 ? undefined : pick(STRINGS)
    case 4: {
      const array: unknown[] = Array.from({ length: Math.floor(random() * 5) }, () => randomValue(random, depth + 1))
      if (random() < 0.2) array.length += 2 // holes
      return array
    }
    default:
      return Object.fromEntries(Array.from({ length: Math.floor(random() * 6) }, () => [pick(KEYS), randomValue(random, depth + 1)]))
  }
}

describe('canonical JSON against its plain definition', () => {
  it('writes the same text for 20,000 random values', () => {
    const random = seeded(7)
    for (let i = 0; i < 20_000; i += 1) {
      const value = { root: randomValue(random, 0) }
      expect(canonicalJson(value)).toBe(reference(value))
    }
  })

  it('writes the same text for values already in canonical key order, which take the native writer', () => {
    const sortedDeep = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sortedDeep)
      if (value === null || typeof value !== 'object') return value
      const record = value as Record<string, unknown>
      return Object.fromEntries(Object.keys(record).sort().map((key) => [key, sortedDeep(record[key])]))
    }
    const random = seeded(11)
    for (let i = 0; i < 20_000; i += 1) {
      const value = sortedDeep({ root: randomValue(random, 0) })
      expect(canonicalJson(value)).toBe(reference(value))
    }
    // Objects that are not plain records are written by their own keys, never by a toJSON.
    const dated = { at: new Date(0), n: -0, z: [undefined, , 1] }
    expect(canonicalJson(dated)).toBe(reference(dated))
    expect(canonicalJson(dated)).toBe('{"at":{},"n":0,"z":[null,null,1]}')
  })

  it('refuses the same values with the same message', () => {
    for (const value of [{ a: [1, { b: Number.NaN }] }, [[Infinity]], { f: () => 1 }, { deep: { n: 10n } }, [Symbol('s')], undefined]) {
      expect(() => canonicalJson(value)).toThrow(new TypeError((() => { try { reference(value); return '' } catch (error) { return (error as Error).message } })()))
    }
  })
})
