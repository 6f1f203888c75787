import { describe, expect, it } from 'vitest'
import { byDueDate, monthRange } from './review-month.ts'

describe('the reviews calendar month', () => {
  it('spans the month and steps across year ends', () => {
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29', previous: '2024-01', next: '2024-03' })
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31', previous: '2025-11', next: '2026-01' })
    expect(monthRange('2025-01').previous).toBe('2024-12')
  })

  it('groups reviews by due date in date order', () => {
    expect(byDueDate([{ id: 'b', dueOn: '2025-04-10' }, { id: 'a', dueOn: '2025-04-02' }, { id: 'c', dueOn: '2025-04-10' }])).toEqual([
      ['2025-04-02', [{ id: 'a', dueOn: '2025-04-02' }]],
      ['2025-04-10', [{ id: 'b', dueOn: '2025-04-10' }, { id: 'c', dueOn: '2025-04-10' }]],
    ])
  })
})
