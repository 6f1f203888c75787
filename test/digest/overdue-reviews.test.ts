import { describe, expect, it } from 'vitest'
import { overdueReviews, reviewDueOn } from '../../src/domain/digest/index.ts'

describe('overdue reviews', () => {
  it('adds days, and calendar months keeping the day or taking the shorter month’s last', () => {
    expect(reviewDueOn('2026-01-10', { every: 30, unit: 'days' })).toBe('2026-02-09')
    expect(reviewDueOn('2026-01-31', { every: 1, unit: 'months' })).toBe('2026-02-28')
    expect(reviewDueOn('2028-01-31', { every: 1, unit: 'months' })).toBe('2028-02-29')
    expect(reviewDueOn('2025-11-15', { every: 3, unit: 'months' })).toBe('2026-02-15')
    expect(reviewDueOn('2025-03-08', { every: 12, unit: 'months' })).toBe('2026-03-08')
  })

  it('lists the customers whose due day is before the day of asOf, longest overdue first, and skips grades without a frequency', () => {
    const overdue = overdueReviews({
      customers: [
        { customerId: 'due-today', grade: 'B', assessedAt: '2026-02-08T09:00:00Z' },
        { customerId: 'late', grade: 'B', assessedAt: '2026-01-20T09:00:00Z' },
        { customerId: 'later', grade: 'BB', assessedAt: '2025-10-01T09:00:00Z' },
        { customerId: 'fine', grade: 'AAA', assessedAt: '2025-06-01T09:00:00Z' },
        { customerId: 'unknown-grade', grade: 'X', assessedAt: '2020-01-01T00:00:00Z' },
      ],
      frequency: { B: { every: 1, unit: 'months' }, BB: { every: 3, unit: 'months' }, AAA: { every: 12, unit: 'months' } },
      asOf: '2026-03-08T23:59:59.999Z',
    })
    expect(overdue.map((o) => [o.customerId, o.dueOn])).toEqual([
      ['later', '2026-01-01'],
      ['late', '2026-02-20'],
    ])
  })
})
