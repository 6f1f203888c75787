import { RULE_SEVERITIES, type RuleSeverity } from './rule.ts'

const HOUR = 3_600_000

/** How long a case of each severity may stay open before it is escalated, in hours. */
export const DEFAULT_SLA_HOURS: Readonly<Record<RuleSeverity, number>> = { critical: 4, high: 24, medium: 72, low: 168 }

/** How many times an overdue case is escalated automatically; after the last level it stays escalated, with no further deadline. */
export const MAX_ESCALATION_LEVEL = 3

/** 1 for low up to 4 for critical: the order cases are worked in. */
export function severityRank(severity: RuleSeverity): number {
  return RULE_SEVERITIES.indexOf(severity) + 1
}

/** The worse of two severities. */
export function worseSeverity(a: RuleSeverity, b: RuleSeverity): RuleSeverity {
  return severityRank(b) > severityRank(a) ? b : a
}

/** The worst severity of a non-empty list. */
export function worstSeverity(severities: readonly RuleSeverity[]): RuleSeverity {
  return severities.reduce(worseSeverity)
}

/** When a case of the severity, started (or escalated) at `from`, is due (ISO-8601). */
export function slaDueAt(severity: RuleSeverity, from: string, hours: Readonly<Record<RuleSeverity, number>> = DEFAULT_SLA_HOURS): string {
  return new Date(Date.parse(from) + hours[severity] * HOUR).toISOString()
}

/** Overdue from its due time on (inclusive): a case due at 12:00 is overdue at 12:00. */
export function isOverdue(dueAt: string | null, now: string): boolean {
  return dueAt !== null && Date.parse(now) >= Date.parse(dueAt)
}

/**
 * The SLA of a case a new alert joins: a worse severity raises the case's severity, and its
 * due time moves earlier when the new severity's SLA from now ends sooner; never later.
 */
export function raiseSla(current: { severity: RuleSeverity; slaDueAt: string | null }, alert: { severity: RuleSeverity; at: string }): { severity: RuleSeverity; slaDueAt: string | null } {
  if (severityRank(alert.severity) <= severityRank(current.severity)) return current
  const due = slaDueAt(alert.severity, alert.at)
  return { severity: alert.severity, slaDueAt: current.slaDueAt !== null && current.slaDueAt < due ? current.slaDueAt : due }
}

export type EscalationState = { severity: RuleSeverity; slaDueAt: string | null; escalationLevel: number; closed: boolean }

/**
 * The next automatic escalation of a case at `now`, or null when there is none: a case is
 * escalated when it is open and overdue, one level at a time. Escalating sets a new due time
 * one SLA later (none after the last level), so running again at the same time, or before the
 * new due time, escalates nothing more.
 */
export function nextEscalation(state: EscalationState, now: string): { escalationLevel: number; slaDueAt: string | null } | null {
  if (state.closed || state.escalationLevel >= MAX_ESCALATION_LEVEL || !isOverdue(state.slaDueAt, now)) return null
  const escalationLevel = state.escalationLevel + 1
  return { escalationLevel, slaDueAt: escalationLevel >= MAX_ESCALATION_LEVEL ? null : slaDueAt(state.severity, now) }
}
