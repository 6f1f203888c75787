import type { Evidence, RuleSeverity } from '../../domain/alerts/index.ts'
import type { CaseStatus } from '../../domain/alerts/case-lifecycle.ts'
import type { AlertTable, CaseTable } from '../../store/schema.ts'

export const ALERT_STATUSES = ['new', 'assigned', 'investigating', 'escalated', 'closed'] as const
export type AlertStatus = (typeof ALERT_STATUSES)[number]

export { CASE_STATUSES, OPEN_CASE_STATUSES, type CaseStatus } from '../../domain/alerts/case-lifecycle.ts'

export const DISPOSITIONS = ['true_positive', 'false_positive', 'not_actionable'] as const
export type Disposition = (typeof DISPOSITIONS)[number]

/** An alert: a rule's hit on a customer, with the values that fired it next to the customer's baselines. */
export type Alert = {
  id: string
  ruleId: string
  ruleKey: string
  ruleVersion: number
  customerId: string
  severity: RuleSeverity
  score: number
  status: AlertStatus
  dedupeKey: string
  transaction: { source: string; id: string } | null
  /** When the hit happened (the transaction's time). */
  at: string
  raisedAt: string
  evidence: Evidence[]
  /** A shadow rule's hit: recorded, raising nothing, in no case. */
  shadow: boolean
  caseId: string | null
}

/** The alerts of one customer, worked together; one case not closed per customer. */
export type Case = {
  id: string
  customerId: string
  status: CaseStatus
  ownerId: string | null
  /** The team (queue) the case was routed to. */
  teamId: string | null
  /** The worst severity of its alerts. */
  severity: RuleSeverity
  /** When it is due (its SLA); null after the last escalation level. */
  slaDueAt: string | null
  escalationLevel: number
  escalatedAt: string | null
  openedAt: string
  closedAt: string | null
  closedBy: string | null
  disposition: Disposition | null
  note: string | null
}

export function alertFromRow(row: AlertTable): Alert {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleKey: row.rule_key,
    ruleVersion: Number(row.rule_version),
    customerId: row.customer_id,
    severity: row.severity as RuleSeverity,
    score: Number(row.score),
    status: row.status as AlertStatus,
    dedupeKey: row.dedupe_key,
    transaction: row.transaction_source === null || row.transaction_id === null ? null : { source: row.transaction_source, id: row.transaction_id },
    at: row.at,
    raisedAt: row.raised_at,
    evidence: JSON.parse(row.evidence) as Evidence[],
    shadow: Number(row.shadow) === 1,
    caseId: row.case_id,
  }
}

export function caseFromRow(row: CaseTable): Case {
  return {
    id: row.id,
    customerId: row.customer_id,
    status: row.status as CaseStatus,
    ownerId: row.owner_id,
    teamId: row.team_id,
    severity: row.severity as RuleSeverity,
    slaDueAt: row.sla_due_at,
    escalationLevel: Number(row.escalation_level),
    escalatedAt: row.escalated_at,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
    disposition: row.disposition as Disposition | null,
    note: row.note,
  }
}
