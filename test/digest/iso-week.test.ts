import { describe, expect, it } from 'vitest'
import { isoWeekOf, lastFullIsoWeek, parseIsoWeek, weeksInYear } from '../../src/domain/digest/index.ts'

describe('ISO weeks', () => {
  it('names a mid-year week by its Monday and the Monday after', () => {
    expect(parseIsoWeek('2026-W10')).toEqual({ week: '2026-W10', from: '2026-03-02', to: '2026-03-09' })
    expect(isoWeekOf('2026-03-02')).toEqual({ week: '2026-W10', from: '2026-03-02', to: '2026-03-09' })
    expect(isoWeekOf('2026-03-08').week).toBe('2026-W10')
    expect(isoWeekOf('2026-03-09').week).toBe('2026-W11')
  })

  it('puts the first days of January in the last week of the year before when 4 January is later in its week', () => {
    // 1 January 2027 is a Friday: week 1 of 2027 starts on Monday 4 January.
    expect(isoWeekOf('2027-01-01')).toEqual({ week: '2026-W53', from: '2026-12-28', to: '2027-01-04' })
    expect(parseIsoWeek('2027-W01')).toEqual({ week: '2027-W01', from: '2027-01-04', to: '2027-01-11' })
    // 29 December 2025 is a Monday whose Thursday is 1 January 2026: week 1 of 2026.
    expect(isoWeekOf('2025-12-31').week).toBe('2026-W01')
  })

  it('knows which years have 53 weeks and refuses weeks that do not exist', () => {
    expect(weeksInYear(2026)).toBe(53)
    expect(weeksInYear(2025)).toBe(52)
    expect(weeksInYear(2020)).toBe(53)
    expect(parseIsoWeek('2025-W53')).toBeNull()
    expect(parseIsoWeek('2026-W53')).toEqual({ week: '2026-W53', from: '2026-12-28', to: '2027-01-04' })
    for (const bad of ['2026-W00', '2026-W54', '2026W10', '2026-w10', '2026-W1', '']) expect(parseIsoWeek(bad)).toBeNull()
  })

  it('takes the last full week as the one before the week now is in', () => {
    expect(lastFullIsoWeek(Date.parse('2026-03-11T15:00:00Z')).week).toBe('2026-W10')
    // On Monday at midnight the week before has just ended.
    expect(lastFullIsoWeek(Date.parse('2026-03-09T00:00:00Z')).week).toBe('2026-W10')
    expect(lastFullIsoWeek(Date.parse('2026-03-08T23:59:59Z')).week).toBe('2026-W09')
  })

  it('refuses a day that is not one', () => {
    expect(() => isoWeekOf('2026-3-1')).toThrow(RangeError)
  })
})
