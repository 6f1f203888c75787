import { describe, expect, it } from 'vitest'
import { compileExpression, RULE_SCOPE, type ValueType } from '../../src/domain/alerts/index.ts'
import { refusal, TEST_SCOPE } from './helpers.ts'

const typeOf = (source: string): ValueType => compileExpression(source, TEST_SCOPE).type
const refused = (source: string) => refusal(() => compileExpression(source, TEST_SCOPE)).message

describe('the rule language: types', () => {
  it('types literals, variables and operations, carrying nullability', () => {
    expect(typeOf('1_000')).toEqual({ kind: 'number', nullable: false })
    expect(typeOf('n + 1')).toEqual({ kind: 'number', nullable: false })
    expect(typeOf('m + 1')).toEqual({ kind: 'number', nullable: true })
    expect(typeOf('n / 2')).toEqual({ kind: 'number', nullable: true }) // a division by zero gives null
    expect(typeOf('m > 1')).toEqual({ kind: 'boolean', nullable: false }) // a comparison with null is false
    expect(typeOf('b && p')).toEqual({ kind: 'boolean', nullable: true })
    expect(typeOf('coalesce(m, 0)')).toEqual({ kind: 'number', nullable: false })
    expect(typeOf('coalesce(u, null)')).toEqual({ kind: 'text', nullable: true })
    expect(typeOf("'x' in tags")).toEqual({ kind: 'boolean', nullable: false })
  })

  it('refuses comparing different kinds, at the operator', () => {
    expect(refused("n == 'a'")).toBe('cannot compare number with text at column 3')
    expect(refused('s > 5')).toBe('cannot compare text with number at column 3')
    expect(refused('b != 1')).toBe('cannot compare boolean with number at column 3')
  })

  it('orders numbers only', () => {
    expect(refused("s < 'b'")).toBe('cannot order texts with <: only numbers are ordered (use == or in) at column 3')
    expect(refused('b >= p')).toBe('cannot order booleans with >=: only numbers are ordered (use == or in) at column 3')
  })

  it('allows null only in == and != (a test for null) and in coalesce', () => {
    expect(typeOf('m == null')).toEqual({ kind: 'boolean', nullable: false })
    expect(typeOf('null != u')).toEqual({ kind: 'boolean', nullable: false })
    expect(refused('m > null')).toBe('cannot order null with >: test for it with == null or != null at column 3')
    expect(refused('n + null > 1')).toBe('add with the literal null always gives null at column 3')
    expect(refused('null in [1]')).toBe('null is never in a list: test for it with == null at column 6')
    expect(refused('coalesce(null, null) == 1')).toBe('coalesce needs at least one argument that is not the literal null at column 1')
  })

  it('refuses arithmetic, negation and logic on the wrong kinds', () => {
    expect(refused("n + 'a' > 1")).toBe('cannot add number and text: + needs numbers at column 3')
    expect(refused('s * 2 > 1')).toBe('cannot multiply text and number: * needs numbers at column 3')
    expect(refused('-s == 1')).toBe('cannot negate text: - needs a number at column 1')
    expect(refused('!n')).toBe('! needs true or false, not number at column 1')
    expect(refused('b && n')).toBe('&& needs true or false on both sides, not number at column 3')
    expect(refused('s || b')).toBe('|| needs true or false on both sides, not text at column 3')
  })

  it('checks in: a number or text on the left, a matching list on the right', () => {
    expect(refused('n in [1, 2] == true')).toBe('comparisons do not chain: join them with && or add parentheses before == at column 13')
    expect(refused("n in ['a']")).toBe('cannot look for number in a list of text at column 3')
    expect(refused('n in tags')).toBe('cannot look for number in a list of text at column 3')
    expect(refused('b in [1]')).toBe('in needs a number or a text on its left, not boolean at column 3')
    expect(refused('s not in u')).toBe('not in needs a list on its right, not text at column 3')
    expect(refused('n in [1, n]')).toBe('list items must be numbers or texts written out at column 10')
    expect(refused("n in [1, 'a']")).toBe('a list holds numbers or texts, not both: this item is text at column 10')
    expect(refused('[1, 2] == n')).toBe('a list can only follow in (value in [a, b]) at column 1')
    expect(refused("tags == 'a'")).toBe('cannot compare a list: test membership with in at column 6')
    expect(typeOf('n in [-1, 2.5]')).toEqual({ kind: 'boolean', nullable: false })
    expect(typeOf('n in []')).toEqual({ kind: 'boolean', nullable: false })
  })

  it('checks function names, argument counts and argument types', () => {
    expect(refused('sqrt(n) > 1')).toBe('unknown function sqrt at column 1; the functions are abs, min, max, round, coalesce, days, hours, starts_with')
    expect(refused('mx(n, 1) > 1')).toBe('unknown function mx at column 1; did you mean max?')
    expect(refused('abs(n, 2) > 1')).toBe('abs takes 1 argument, got 2 at column 1')
    expect(refused('min(n) > 1')).toBe('min takes 2 to 16 arguments, got 1 at column 1')
    expect(refused('round() > 1')).toBe('round takes 1 or 2 arguments, got 0 at column 1')
    expect(refused("abs('a') > 1")).toBe('abs needs numbers, but argument 1 is text at column 1')
    expect(refused("starts_with(s, 1)")).toBe('starts_with needs texts, but argument 2 is number at column 1')
    expect(refused("coalesce(m, 'a') == 1")).toBe('coalesce needs arguments of one type, got number or null, text at column 1')
    expect(refused('abs(tags) > 1')).toBe('abs cannot take a list at column 5')
  })
})

describe('the rule language: names', () => {
  it('suggests the closest variable for an unknown one', () => {
    expect(refusal(() => compileExpression('tx.amount > 1 && f.cnt_24h > 3', RULE_SCOPE)).message).toBe('unknown variable f.cnt_24h at column 18; did you mean f.count_24h?')
    expect(refusal(() => compileExpression('receivables.max_dp > 30', RULE_SCOPE)).message).toBe('unknown variable receivables.max_dp at column 1; did you mean receivables.max_dpd?')
    expect(refusal(() => compileExpression('TX.AMOUNT > 1', RULE_SCOPE)).message).toBe('unknown variable TX.AMOUNT at column 1; did you mean tx.amount?')
  })

  it('does not guess when nothing is close', () => {
    const error = refusal(() => compileExpression('favourite_colour == 1', RULE_SCOPE))
    expect(error.message).toBe('unknown variable favourite_colour at column 1')
    expect(error.hint).toBeNull()
  })

  it('reaches nothing outside the catalogue', () => {
    for (const name of ['constructor', '__proto__', 'tx.constructor', 'tx.__proto__', 'f.toString', 'prototype', 'globalThis', 'process.env', 'tx.counterparty', 'customer.hasOwnProperty']) {
      expect(refusal(() => compileExpression(`${name} == 1`, RULE_SCOPE)).reason, name).toBe(`unknown variable ${name}`)
    }
    expect(refusal(() => compileExpression('constructor(1) == 1', RULE_SCOPE)).reason).toBe('unknown function constructor')
    expect(refusal(() => compileExpression('toString(1) == 1', RULE_SCOPE)).reason).toBe('unknown function toString')
  })

  it('reads a dotted name of the scope as one variable', () => {
    expect(compileExpression('a.b.c > 1', TEST_SCOPE).variables.map((v) => v.name)).toEqual(['a.b.c'])
  })
})
