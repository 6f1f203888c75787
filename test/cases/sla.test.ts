import { describe, expect, it } from 'vitest'
import { isOverdue, MAX_ESCALATION_LEVEL, nextEscalation, raiseSla, severityRank, slaDueAt, worseSeverity, worstSeverity } from '../../src/domain/alerts/sla.ts'

describe('SLA per severity', () => {
  it('gives critical 4 hours, high 24, medium 72 and low 7 days from the start', () => {
    const from = '2026-03-01T08:00:00.000Z'
    expect(slaDueAt('critical', from)).toBe('2026-03-01T12:00:00.000Z')
    expect(slaDueAt('high', from)).toBe('2026-03-02T08:00:00.000Z')
    expect(slaDueAt('medium', from)).toBe('2026-03-04T08:00:00.000Z')
    expect(slaDueAt('low', from)).toBe('2026-03-08T08:00:00.000Z')
    expect(slaDueAt('high', from, { critical: 1, high: 2, medium: 3, low: 4 })).toBe('2026-03-01T10:00:00.000Z')
  })

  it('counts a case overdue from its due time on, and never one without a due time', () => {
    expect(isOverdue('2026-03-01T12:00:00.000Z', '2026-03-01T11:59:59.999Z')).toBe(false)
    expect(isOverdue('2026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.000Z')).toBe(true)
    expect(isOverdue(null, '2030-01-01T00:00:00.000Z')).toBe(false)
  })

  it('orders severities low < medium < high < critical', () => {
    expect(['low', 'medium', 'high', 'critical'].map((s) => severityRank(s as 'low'))).toEqual([1, 2, 3, 4])
    expect(worseSeverity('high', 'medium')).toBe('high')
    expect(worseSeverity('medium', 'critical')).toBe('critical')
    expect(worstSeverity(['low', 'high', 'medium'])).toBe('high')
  })

  it('raises a case’s severity for a worse alert, bringing the due time forward but never back', () => {
    const current = { severity: 'medium' as const, slaDueAt: '2026-03-04T08:00:00.000Z' }
    expect(raiseSla(current, { severity: 'low', at: '2026-03-01T09:00:00.000Z' })).toBe(current)
    expect(raiseSla(current, { severity: 'medium', at: '2026-03-01T09:00:00.000Z' })).toBe(current)
    expect(raiseSla(current, { severity: 'critical', at: '2026-03-01T09:00:00.000Z' })).toEqual({ severity: 'critical', slaDueAt: '2026-03-01T13:00:00.000Z' })
    // Due in an hour already: a high alert (24 h) raises the severity, the due time stays.
    expect(raiseSla({ severity: 'medium', slaDueAt: '2026-03-01T10:00:00.000Z' }, { severity: 'high', at: '2026-03-01T09:00:00.000Z' })).toEqual({ severity: 'high', slaDueAt: '2026-03-01T10:00:00.000Z' })
  })
})

describe('automatic escalation', () => {
  const due = '2026-03-01T12:00:00.000Z'
  const open = { severity: 'critical' as const, slaDueAt: due, escalationLevel: 0, closed: false }

  it('escalates nothing before the due time', () => {
    expect(nextEscalation(open, '2026-03-01T11:59:59.999Z')).toBeNull()
  })

  it('escalates one level once due, and is due again one SLA later', () => {
    expect(nextEscalation(open, '2026-03-01T12:30:00.000Z')).toEqual({ escalationLevel: 1, slaDueAt: '2026-03-01T16:30:00.000Z' })
  })

  it('escalates nothing more at the same time once escalated (the new due time has not come)', () => {
    const escalated = { ...open, escalationLevel: 1, slaDueAt: '2026-03-01T16:30:00.000Z' }
    expect(nextEscalation(escalated, '2026-03-01T12:30:00.000Z')).toBeNull()
    expect(nextEscalation(escalated, '2026-03-01T16:30:00.000Z')).toEqual({ escalationLevel: 2, slaDueAt: '2026-03-01T20:30:00.000Z' })
  })

  it('stops at the last level with no further due time, and never escalates a closed case', () => {
    expect(nextEscalation({ ...open, escalationLevel: MAX_ESCALATION_LEVEL - 1 }, '2026-03-02T00:00:00.000Z')).toEqual({ escalationLevel: MAX_ESCALATION_LEVEL, slaDueAt: null })
    expect(nextEscalation({ ...open, escalationLevel: MAX_ESCALATION_LEVEL }, '2026-03-09T00:00:00.000Z')).toBeNull()
    expect(nextEscalation({ ...open, closed: true }, '2026-03-09T00:00:00.000Z')).toBeNull()
  })
})
