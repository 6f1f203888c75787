import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileExpression, createScope, type Value } from '../../src/domain/alerts/index.ts'
import { TEST_SCOPE, type TestContext } from './helpers.ts'

const CONTEXT: TestContext = { n: 7, m: null, s: 'abc', u: null, b: true, p: null, tags: ['vip', 'exporter'], 'a.b.c': 3 }
const value = (source: string, context: TestContext = CONTEXT): Value => compileExpression(source, TEST_SCOPE).evaluate(context)

describe('the rule language: operators', () => {
  it('does arithmetic', () => {
    expect(value('n + 2')).toBe(9)
    expect(value('n - 10')).toBe(-3)
    expect(value('n * 1.5')).toBe(10.5)
    expect(value('n / 2')).toBe(3.5)
    expect(value('n % 4')).toBe(3)
    expect(value('-n')).toBe(-7)
    expect(value('2 * n + 1 - n / 7')).toBe(14)
    expect(value('1_000_000 / 1_000')).toBe(1000)
  })

  it('compares numbers with each of < <= > >= == !=', () => {
    expect([value('n < 7'), value('n <= 7'), value('n > 6'), value('n >= 8'), value('n == 7'), value('n != 7')]).toEqual([false, true, true, false, true, false])
    expect([value('6 < n'), value('7 <= n'), value('8 > n'), value('8 >= n'), value('7 == n'), value('7 != n')]).toEqual([true, true, true, true, true, false])
    expect([value('n < a.b.c'), value('n <= a.b.c'), value('n > a.b.c'), value('n >= a.b.c'), value('n == a.b.c'), value('n != a.b.c')]).toEqual([false, false, true, true, false, true])
  })

  it('compares texts and booleans for equality', () => {
    expect([value("s == 'abc'"), value("s != 'abc'"), value("'abd' == s"), value('b == true'), value('b != false'), value('b == !b')]).toEqual([true, false, false, true, true, false])
  })

  it('combines with && || ! and tests membership with in and not in', () => {
    expect([value('b && n > 1'), value('!b || n > 100'), value('!(n > 1)'), value('n > 100 || s == "abc"')]).toEqual([true, false, false, true])
    expect([value('n in [1, 7, 9]'), value('n not in [1, 7]'), value("s in ['x', 'abc']"), value("'vip' in tags"), value("'vip' not in tags"), value("'other' in tags")]).toEqual([true, false, true, true, false, false])
    expect(value('n in []')).toBe(false)
    expect(value(`n in [${Array.from({ length: 20 }, (_, i) => i).join(', ')}]`)).toBe(true) // a long list is a set
    expect(value(`n not in [${Array.from({ length: 20 }, (_, i) => i + 10).join(', ')}]`)).toBe(true)
  })

  it('computes the functions', () => {
    expect(value('abs(-n)')).toBe(7)
    expect(value('min(n, 3, 5)')).toBe(3)
    expect(value('max(n, 3, 50)')).toBe(50)
    expect([value('round(2.5)'), value('round(-2.5)'), value('round(2.4)'), value('round(1.005, 2)'), value('round(n / 3, 3)')]).toEqual([3, -3, 2, 1.01, 2.333])
    expect([value('round(1.5, -1)'), value('round(1.5, 0.5)'), value('round(1.5, 11)')]).toEqual([null, null, null])
    expect(value('coalesce(m, n, 1)')).toBe(7)
    expect(value("coalesce(u, 'none')")).toBe('none')
    expect([value('days(1)'), value('hours(1.5)'), value('days(2) / hours(1)')]).toEqual([86_400_000, 5_400_000, 48])
    expect([value("starts_with(s, 'ab')"), value("starts_with(s, 'AB')"), value("starts_with(s, '')")]).toEqual([true, false, true])
  })

  it('folds what has no variables at compile time, with the same result', () => {
    expect(value('1 + 2 * 3 == 7 && round(2.5) == 3 && !false')).toBe(true)
    expect(value("'a' in ['a', 'b']")).toBe(true)
    expect(value('1 / 0 == null')).toBe(true)
  })
})

describe('the rule language: null', () => {
  it('gives null from arithmetic with a null', () => {
    expect([value('m + 1'), value('1 - m'), value('m * 0'), value('0 / m'), value('m % 2'), value('-m')]).toEqual([null, null, null, null, null, null])
  })

  it('gives null for a result that is not a finite number: division or remainder by zero', () => {
    expect([value('n / 0'), value('n % 0'), value('0 / (n - 7)'), value('-n / 0')]).toEqual([null, null, null, null])
  })

  it('makes every comparison with a null false, != included', () => {
    expect([value('m < 1'), value('m <= 1'), value('m > 1'), value('m >= 1'), value('m == 1'), value('m != 1'), value('1 != m'), value('m == m'), value('u != s')]).toEqual([false, false, false, false, false, false, false, false, false])
    expect(value('!(m > 1)')).toBe(true)
  })

  it('tests for null with == null and != null', () => {
    expect([value('m == null'), value('m != null'), value('null == u'), value('n == null'), value('n != null'), value('m + 1 == null')]).toEqual([true, false, true, false, true, true])
  })

  it('finds a null in no list, and nothing in a null list', () => {
    expect([value('m in [1]'), value('m not in [1]'), value("u in ['a']"), value("u not in tags")]).toEqual([false, false, false, false])
    expect([value("'vip' in tags", { ...CONTEXT, tags: null }), value("'vip' not in tags", { ...CONTEXT, tags: null })]).toEqual([false, false])
  })

  it('gives null from a number function of a null, false from starts_with, and the first non-null from coalesce', () => {
    expect([value('abs(m)'), value('min(n, m)'), value('max(m, n)'), value('round(m)'), value('round(n, m)'), value('days(m)'), value('hours(m)')]).toEqual([null, null, null, null, null, null, null])
    expect([value("starts_with(u, 'a')"), value('starts_with(s, u)')]).toEqual([false, false])
    expect([value('coalesce(m, m)'), value('coalesce(m, m, 3)')]).toEqual([null, 3])
  })

  it('treats null as unknown in && || ! (three-valued logic)', () => {
    const rows = [true, false, null].flatMap((left) => [true, false, null].map((right) => ({ left, right })))
    const table = rows.map(({ left, right }) => {
      const context = { ...CONTEXT, p: left, q: right }
      const scope = createScope<TestContext>([...TEST_SCOPE.variables, { name: 'q', type: 'boolean', nullable: true, description: '', read: (c) => c.q ?? null }])
      const run = (source: string) => compileExpression(source, scope).evaluate(context)
      return [left, right, run('p && q'), run('p || q'), run('!p')]
    })
    expect(table).toEqual([
      [true, true, true, true, false],
      [true, false, false, true, false],
      [true, null, null, true, false],
      [false, true, false, true, true],
      [false, false, false, false, true],
      [false, null, false, null, true],
      [null, true, null, true, null],
      [null, false, false, null, null],
      [null, null, null, null, null],
    ])
  })
})

describe('the rule language: short-circuiting', () => {
  const counting = () => {
    const reads: string[] = []
    const scope = createScope<TestContext>(
      ['x', 'y'].map((name) => ({ name, type: 'boolean' as const, nullable: true, description: '', read: (c: TestContext) => (reads.push(name), c[name] ?? null) })),
    )
    return { reads, run: (source: string, context: TestContext) => compileExpression(source, scope).evaluate(context) }
  }

  it('does not evaluate the right of && after false, nor of || after true', () => {
    const { reads, run } = counting()
    expect(run('x && y', { x: false, y: true })).toBe(false)
    expect(run('x || y', { x: true, y: false })).toBe(true)
    expect(reads).toEqual(['x', 'x'])
  })

  it('evaluates the right after true for &&, false for ||, and null for either', () => {
    const { reads, run } = counting()
    run('x && y', { x: true, y: true })
    run('x || y', { x: false, y: true })
    expect(run('x && y', { x: null, y: false })).toBe(false)
    expect(run('x || y', { x: null, y: true })).toBe(true)
    expect(reads).toEqual(['x', 'y', 'x', 'y', 'x', 'y', 'x', 'y'])
  })

  it('stops coalesce at the first value that is not null', () => {
    const reads: string[] = []
    const scope = createScope<TestContext>(['x', 'y'].map((name) => ({ name, type: 'number' as const, nullable: true, description: '', read: (c: TestContext) => (reads.push(name), c[name] ?? null) })))
    expect(compileExpression('coalesce(x, y)', scope).evaluate({ x: 1, y: 2 })).toBe(1)
    expect(reads).toEqual(['x'])
  })
})

describe('the rule language: safety', () => {
  it('never evaluates text as code: no eval or Function in the language', () => {
    const dir = join(import.meta.dirname, '../../src/domain/alerts')
    const offences = readdirSync(dir)
      .filter((name) => name.endsWith('.ts'))
      .filter((name) => /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(/.test(readFileSync(join(dir, name), 'utf8')))
    expect(offences).toEqual([])
  })

  it('treats text that looks like code as plain text', () => {
    expect(value("s == 'process.exit(1)'")).toBe(false)
    expect(value("starts_with('${1+1}', '${')")).toBe(true)
  })
})
