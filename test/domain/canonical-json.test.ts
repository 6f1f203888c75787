import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/domain/audit/index.ts'

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}')
  })

  it('gives the same text for objects built in a different key order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }))
  })

  it('writes array holes and undefined items as null, so the text is always JSON', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(canonicalJson([1, , 2, undefined])).toBe('[1,null,2,null]')
  })

  it('drops undefined members but keeps null', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}')
  })

  it('survives a round trip through JSON.parse unchanged', () => {
    const text = canonicalJson({ name: '华为技术有限公司', amount: 1234567, ratio: 0.1, flags: [true, false], nested: { e: 'é' } })
    expect(canonicalJson(JSON.parse(text))).toBe(text)
  })

  it('refuses numbers JSON cannot hold, naming where they are', () => {
    expect(() => canonicalJson({ a: { b: Number.NaN } })).toThrow('$.a.b')
    expect(() => canonicalJson([Infinity])).toThrow('$[0]')
  })

  it('refuses functions, symbols and bigints', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function')
    expect(() => canonicalJson({ n: 10n })).toThrow('bigint')
  })
})
