import { describe, expect, it } from 'vitest'
import { addFrequency, daysOverdue, isReviewOverdue, nextReview } from '../../src/domain/workflow/index.ts'

describe('review schedule', () => {
  it('adds months on the calendar, ending on the last day of a shorter month', () => {
    expect(addFrequency('2025-01-15', { every: 1, unit: 'months' })).toBe('2025-02-15')
    expect(addFrequency('2025-01-31', { every: 1, unit: 'months' })).toBe('2025-02-28')
    expect(addFrequency('2024-01-31', { every: 1, unit: 'months' })).toBe('2024-02-29')
    expect(addFrequency('2024-02-29', { every: 12, unit: 'months' })).toBe('2025-02-28')
    expect(addFrequency('2025-11-30', { every: 3, unit: 'months' })).toBe('2026-02-28')
    expect(addFrequency('2025-08-31', { every: 6, unit: 'months' })).toBe('2026-02-28')
  })

  it('adds days across month and year ends', () => {
    expect(addFrequency('2025-12-20', { every: 15, unit: 'days' })).toBe('2026-01-04')
    expect(addFrequency('2024-02-28', { every: 1, unit: 'days' })).toBe('2024-02-29')
  })

  it('refuses a frequency that is not a whole number of at least one', () => {
    expect(() => addFrequency('2025-01-01', { every: 0, unit: 'days' })).toThrow(RangeError)
    expect(() => addFrequency('2025-1-1', { every: 1, unit: 'days' })).toThrow(RangeError)
  })

  it('counts from the later of the last assessment and the last review', () => {
    const frequencies = { B: { every: 1, unit: 'months' as const }, A: { every: 12, unit: 'months' as const } }
    expect(nextReview({ grade: 'B', frequencies, lastAssessedAt: '2025-03-10T09:00:00.000Z', lastReviewedAt: null })).toEqual({
      scheduled: true,
      dueOn: '2025-04-10',
      basedOn: '2025-03-10',
      frequency: { every: 1, unit: 'months' },
    })
    expect(nextReview({ grade: 'A', frequencies, lastAssessedAt: '2025-03-10T09:00:00.000Z', lastReviewedAt: '2025-05-02T23:59:00.000Z' })).toMatchObject({ dueOn: '2026-05-02', basedOn: '2025-05-02' })
    expect(nextReview({ grade: 'CCC', frequencies, lastAssessedAt: '2025-03-10', lastReviewedAt: null })).toEqual({ scheduled: false, reason: 'the policy has no review frequency for grade CCC' })
    expect(nextReview({ grade: 'B', frequencies, lastAssessedAt: null, lastReviewedAt: null }).scheduled).toBe(false)
  })

  it('is overdue from the day after the due date', () => {
    expect(isReviewOverdue('2025-04-10', new Date('2025-04-10T23:59:59Z'))).toBe(false)
    expect(isReviewOverdue('2025-04-10', new Date('2025-04-11T00:00:00Z'))).toBe(true)
    expect(daysOverdue('2025-04-10', new Date('2025-04-13T08:00:00Z'))).toBe(3)
    expect(daysOverdue('2025-04-10', new Date('2025-04-01T08:00:00Z'))).toBe(0)
  })
})
