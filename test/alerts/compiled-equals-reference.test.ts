import { describe, expect, it } from 'vitest'
import { compileExpression, parseExpression, type Value } from '../../src/domain/alerts/index.ts'
import { mulberry32 } from '../../src/domain/random/index.ts'
import { TEST_SCOPE, type TestContext } from './helpers.ts'
import { interpret } from './reference-interpreter.ts'

/**
 * Seeded random expressions of every operator and function, over variables that are sometimes
 * null, compiled and interpreted: the closures (with their constant folding and special cases)
 * must give exactly what the plain tree walk gives.
 */
type Kind = 'number' | 'text' | 'boolean'

function generator(seed: number) {
  const next = mulberry32(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const numberLiterals = ['0', '1', '2', '3.5', '7', '10', '1_000', '0.1', '86_400_000']
  const textLiterals = ["'abc'", "'ab'", "''", "'vip'", "'x'"]

  const expression = (kind: Kind, depth: number): string => {
    if (depth <= 0 || next() < 0.25) return leaf(kind)
    const sub = (k: Kind) => expression(k, depth - 1)
    if (kind === 'number') {
      return pick([
        () => `(${sub('number')} ${pick(['+', '-', '*', '/', '%'])} ${sub('number')})`,
        () => `(-${sub('number')})`,
        () => `abs(${sub('number')})`,
        () => `${pick(['min', 'max'])}(${sub('number')}, ${sub('number')}${next() < 0.3 ? `, ${sub('number')}` : ''})`,
        () => (next() < 0.5 ? `round(${sub('number')})` : `round(${sub('number')}, ${pick(['0', '1', '2', '11', '0.5', '(0 - 1)', 'm'])})`),
        () => `coalesce(${pick(['m', 'null', sub('number')])}, ${sub('number')})`,
        () => `${pick(['days', 'hours'])}(${sub('number')})`,
      ])()
    }
    if (kind === 'text') return next() < 0.5 ? `coalesce(${pick(['u', 'null'])}, ${sub('text')})` : leaf('text')
    return pick([
      () => `(${sub('number')} ${pick(['<', '<=', '>', '>=', '==', '!='])} ${sub('number')})`,
      () => `(${sub('text')} ${pick(['==', '!='])} ${sub('text')})`,
      () => `(${sub('boolean')} ${pick(['==', '!='])} ${sub('boolean')})`,
      () => `(${sub('boolean')} ${pick(['&&', '||'])} ${sub('boolean')})`,
      () => `(!${sub('boolean')})`,
      () => `(${sub('number')} ${pick(['in', 'not in'])} [${Array.from({ length: Math.floor(next() * 12) }, () => pick(numberLiterals)).join(', ')}])`,
      () => `(${sub('text')} ${pick(['in', 'not in'])} ${next() < 0.5 ? 'tags' : `[${Array.from({ length: Math.floor(next() * 4) }, () => pick(textLiterals)).join(', ')}]`})`,
      () => `starts_with(${sub('text')}, ${sub('text')})`,
      () => `(${pick(['m', 'u', 'p', sub('number')])} ${pick(['==', '!='])} null)`,
      () => `coalesce(${pick(['p', 'null'])}, ${sub('boolean')})`,
    ])()
  }

  const leaf = (kind: Kind): string => {
    if (kind === 'number') return pick([...numberLiterals, 'n', 'm', 'm', 'a.b.c'])
    if (kind === 'text') return pick([...textLiterals, 's', 'u', 'u'])
    return pick(['true', 'false', 'b', 'p', 'p'])
  }

  const context = (): TestContext => ({
    n: pick([0, 1, 2, 3.5, 7, -4, 1e300]),
    m: next() < 0.4 ? null : pick([0, 1, 7, -2.5]),
    s: pick(['abc', 'ab', '', 'vip']),
    u: next() < 0.4 ? null : pick(['abc', 'x', 'vip']),
    b: next() < 0.5,
    p: next() < 0.4 ? null : next() < 0.5,
    tags: next() < 0.2 ? null : pick([[], ['vip'], ['abc', 'x']]),
    'a.b.c': pick([0, 3, 1e-9]),
  })

  return { expression, context }
}

describe('compiled expressions', () => {
  it('equal a reference interpreter on 2,000 seeded random expressions, 20 contexts each', () => {
    const { expression, context } = generator(20260601)
    const contexts = Array.from({ length: 20 }, context)
    const kinds: Kind[] = ['boolean', 'number', 'text']
    let compared = 0
    let nulls = 0
    for (let i = 0; i < 2_000; i += 1) {
      const source = expression(kinds[i % 3]!, 5)
      const compiled = compileExpression(source, TEST_SCOPE)
      const ast = parseExpression(source)
      for (const values of contexts) {
        const actual: Value = compiled.evaluate(values)
        const expected = interpret(ast, values)
        if (!Object.is(actual, expected) && actual !== expected) expect({ source, values, actual }).toEqual({ source, values, actual: expected })
        if (actual === null) nulls += 1
        compared += 1
      }
    }
    expect(compared).toBe(40_000)
    expect(nulls).toBeGreaterThan(1_000) // null paths were exercised
  })
})
