import { describe, expect, it } from 'vitest'
import en from './en.json'
import zhCN from './zh-CN.json'

/** Every key path of a resource file, plural forms (_one, _other) counted as their base key. */
function keysOf(resource: object, prefix = ''): string[] {
  return Object.entries(resource)
    .flatMap(([key, value]) => (typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key.replace(/_(one|other)$/, '')}`]))
    .filter((key, index, all) => all.indexOf(key) === index)
    .sort()
}

describe('UI strings', () => {
  it('has every string in both zh-CN and en', () => {
    expect(keysOf(en)).toEqual(keysOf(zhCN))
  })

  it('leaves no string empty', () => {
    const empty = (resource: object): string[] =>
      Object.entries(resource).flatMap(([key, value]) => (typeof value === 'object' ? empty(value).map((k) => `${key}.${k}`) : value === '' ? [key] : []))
    expect([...empty(en), ...empty(zhCN)]).toEqual([])
  })
})
