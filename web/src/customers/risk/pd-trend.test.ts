import { describe, expect, it } from 'vitest'
import { assessment } from '../../testing/risk-fixtures.ts'
import { finalGradeOf, pdTrend } from './pd-trend.ts'

const override = { fromGrade: 'BB', toGrade: 'B', notches: 1, direction: 'downgrade' as const, justification: 'Main buyer went bankrupt in February', by: 'user:u2', at: '2025-03-02T00:00:00.000Z' }

describe('pdTrend', () => {
  it('turns the newest-first list into points oldest first, an unrated assessment a gap', () => {
    const points = pdTrend([
      assessment({ createdAt: '2025-03-01T00:00:00.000Z', pd: 0.02, grade: 'BB', finalGrade: 'BB' }),
      assessment({ createdAt: '2025-02-01T00:00:00.000Z', pd: null, grade: null, finalGrade: null }),
      assessment({ createdAt: '2025-01-01T00:00:00.000Z', pd: 0.005, grade: 'BBB', finalGrade: 'BBB' }),
    ])
    expect(points).toEqual([
      { at: '2025-01-01T00:00:00.000Z', pd: 0.005, grade: 'BBB' },
      { at: '2025-02-01T00:00:00.000Z', pd: null, grade: null },
      { at: '2025-03-01T00:00:00.000Z', pd: 0.02, grade: 'BB' },
    ])
  })
})

describe('finalGradeOf', () => {
  it("is the override's grade when there is one, else the model's", () => {
    expect(finalGradeOf({ grade: 'BB', finalGrade: 'B', override })).toBe('B')
    expect(finalGradeOf({ grade: 'BB', override })).toBe('B')
    expect(finalGradeOf({ grade: 'BB' })).toBe('BB')
    expect(finalGradeOf({ grade: null, finalGrade: null, override: null })).toBeNull()
  })
})
