import { describe, expect, it } from 'vitest'
import { MAX_DEPTH, MAX_EXPRESSION_LENGTH, parseExpression, printExpression, tokenize } from '../../src/domain/alerts/index.ts'
import { refusal } from './helpers.ts'

const parsed = (source: string) => printExpression(parseExpression(source))

describe('the rule language: lexing', () => {
  it('reads numbers with underscore separators and fractions', () => {
    expect(tokenize('1_000_000 0.25 42').slice(0, 3).map((t) => t.number)).toEqual([1_000_000, 0.25, 42])
  })

  it('refuses a misplaced underscore, a number glued to a name, and stray characters, with their columns', () => {
    expect(refusal(() => tokenize('1__0')).message).toBe('an underscore in a number must stand between two digits at column 2')
    expect(refusal(() => tokenize('10_')).message).toBe('an underscore in a number must stand between two digits at column 3')
    expect(refusal(() => tokenize('x > 10d')).message).toBe('unexpected "d" after a number at column 7')
    expect(refusal(() => tokenize('x > 1 ; y')).message).toBe('unexpected character ";" at column 7')
    expect(refusal(() => tokenize('a = 1')).message).toBe('unexpected = (compare with ==) at column 3')
    expect(refusal(() => tokenize('a & b')).message).toBe('unexpected & (and is &&) at column 3')
  })

  it('reads texts in single or double quotes, with escapes', () => {
    expect(tokenize(`'it\\'s' "say \\"hi\\"" 'a\\nb'`).slice(0, 3).map((t) => t.text)).toEqual(["it's", 'say "hi"', 'a\nb'])
  })

  it('refuses an unclosed text and an unknown escape', () => {
    expect(refusal(() => tokenize("s == 'abc")).message).toBe("text not closed: expected ' at column 10")
    expect(refusal(() => tokenize("'a\\q'")).message).toBe('unknown escape in a text (use \\\\, \\\', \\", \\n or \\t) at column 3')
  })

  it('gives the line and column when the expression spans lines', () => {
    const error = refusal(() => parseExpression('tx.amount > 1\n  && (f.count_24h > 2'))
    expect(error.message).toBe('expected ) at line 2, column 22')
    expect({ line: error.line, column: error.column, offset: error.offset }).toEqual({ line: 2, column: 22, offset: 35 })
  })
})

describe('the rule language: precedence and associativity', () => {
  it('binds * / % tighter than + -, and those tighter than comparisons', () => {
    expect(parsed('1 + 2 * 3 > 4 - 6 / 2 % 5')).toBe('((1 + (2 * 3)) > (4 - ((6 / 2) % 5)))')
  })

  it('binds comparisons tighter than &&, and && tighter than ||', () => {
    expect(parsed('a || b && c == 1 || d')).toBe('((a || (b && (c == 1))) || d)')
  })

  it('associates binary operators to the left', () => {
    expect(parsed('1 - 2 - 3')).toBe('((1 - 2) - 3)')
    expect(parsed('8 / 4 / 2')).toBe('((8 / 4) / 2)')
    expect(parsed('a && b && c')).toBe('((a && b) && c)')
    expect(parsed('a || b || c')).toBe('((a || b) || c)')
  })

  it('binds unary - and ! tightest', () => {
    expect(parsed('-a * b')).toBe('((-a) * b)')
    expect(parsed('!a && b')).toBe('((!a) && b)')
    expect(parsed('!!a')).toBe('(!(!a))')
    expect(parsed('- -1')).toBe('(-(-1))')
  })

  it('lets parentheses override precedence', () => {
    expect(parsed('(1 + 2) * 3')).toBe('((1 + 2) * 3)')
    expect(parsed('a && (b || c)')).toBe('(a && (b || c))')
  })

  it('parses in and not in at the level of comparisons', () => {
    expect(parsed("x in ['a', 'b'] && y not in [1, 2] || 'vip' in tags")).toBe("(((x in ['a', 'b']) && (y not in [1, 2])) || ('vip' in tags))")
    expect(parsed('a + 1 in [2, 3]')).toBe('((a + 1) in [2, 3])')
  })

  it('keeps a dotted path whole and reads function calls', () => {
    expect(parseExpression('receivables.max_dpd')).toMatchObject({ kind: 'variable', name: 'receivables.max_dpd', offset: 0, end: 19 })
    expect(parsed('max(a, min(b, 2), 3)')).toBe('max(a, min(b, 2), 3)')
  })

  it('refuses chained comparisons', () => {
    expect(refusal(() => parseExpression('1 < x < 3')).message).toBe('comparisons do not chain: join them with && or add parentheses before < at column 7')
    expect(refusal(() => parseExpression('a == b == c')).message).toBe('comparisons do not chain: join them with && or add parentheses before == at column 8')
  })
})

describe('the rule language: syntax errors', () => {
  it('says what it expected and where', () => {
    expect(refusal(() => parseExpression('(tx.amount > 3')).message).toBe('expected ) at column 15')
    expect(refusal(() => parseExpression('max(1, 2')).message).toBe('expected ) at column 9')
    expect(refusal(() => parseExpression('x in [1, 2')).message).toBe('expected ] at column 11')
    expect(refusal(() => parseExpression('tx.amount >')).message).toBe('expected a value but the expression ended at column 12')
    expect(refusal(() => parseExpression('tx.amount > )')).message).toBe('expected a value but found ")" at column 13')
    expect(refusal(() => parseExpression('tx.amount 5')).message).toBe('unexpected the number 5; expected an operator or the end of the expression at column 11')
    expect(refusal(() => parseExpression('tx.')).message).toBe('expected a name right after . at column 4')
    expect(refusal(() => parseExpression('x not y')).message).toBe('expected in after not at column 7')
    expect(refusal(() => parseExpression('not x')).message).toBe('unexpected not (negate with !; "not in" follows a value) at column 1')
    expect(refusal(() => parseExpression('tx.in > 1')).message).toBe('tx.in uses a keyword as a name at column 1')
  })

  it('refuses an expression longer than 4,000 characters', () => {
    const long = `x > ${'1'.repeat(MAX_EXPRESSION_LENGTH)}`
    expect(refusal(() => parseExpression(long)).message).toBe('the expression is 4,004 characters long; the limit is 4,000 at column 4001')
    expect(() => parseExpression(`x > ${'1'.repeat(MAX_EXPRESSION_LENGTH - 4)}`)).not.toThrow()
  })

  it(`refuses nesting deeper than ${MAX_DEPTH} levels, of parentheses, operators or chains`, () => {
    expect(() => parseExpression(`${'('.repeat(MAX_DEPTH - 1)}1${')'.repeat(MAX_DEPTH - 1)}`)).not.toThrow()
    expect(refusal(() => parseExpression(`${'('.repeat(MAX_DEPTH)}1${')'.repeat(MAX_DEPTH)}`)).reason).toBe(`the expression nests more than ${MAX_DEPTH} levels deep`)
    expect(refusal(() => parseExpression(`${'!'.repeat(200)}b`)).reason).toBe(`the expression nests more than ${MAX_DEPTH} levels deep`)
    expect(refusal(() => parseExpression(Array.from({ length: 100 }, (_, i) => `x == ${i}`).join(' || '))).reason).toBe(`the expression nests more than ${MAX_DEPTH} levels deep`)
    expect(() => parseExpression(Array.from({ length: 30 }, (_, i) => `x == ${i}`).join(' || '))).not.toThrow()
  })

  it('produces frozen nodes with their spans', () => {
    const node = parseExpression('a + 10')
    expect(Object.isFrozen(node)).toBe(true)
    expect(node).toMatchObject({ kind: 'arithmetic', operator: '+', offset: 0, end: 6, at: 2 })
  })
})
