import { describe, expect, it } from 'vitest'
import { dottedPath, parseExpressionProblem } from './expression-problem.ts'

describe('parseExpressionProblem', () => {
  it('takes the column (line 1) out of the reason, keeping the hint', () => {
    expect(parseExpressionProblem('unknown variable f.cnt_24h at column 17; did you mean f.count_24h?')).toEqual({
      reason: 'unknown variable f.cnt_24h; did you mean f.count_24h?',
      line: 1,
      column: 17,
    })
  })

  it('reads the line and column of a multi-line expression', () => {
    expect(parseExpressionProblem('expected ) at line 2, column 22')).toEqual({ reason: 'expected )', line: 2, column: 22 })
  })

  it('keeps a message without a position as it is', () => {
    expect(parseExpressionProblem('must give a boolean')).toEqual({ reason: 'must give a boolean', line: null, column: null })
  })
})

describe('dottedPath', () => {
  it('writes list indexes as path segments', () => {
    expect(dottedPath('playbook.do[0]')).toBe('playbook.do.0')
    expect(dottedPath('tags[1]')).toBe('tags.1')
    expect(dottedPath('name.en')).toBe('name.en')
  })
})
