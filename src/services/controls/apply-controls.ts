import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import { combineDecisions, decideControls, DEFAULT_CONTROL_POLICY, NO_CONTROLS, reducedLimit, setsOffAnything, type ControlDecision, type ControlPolicy, type ControlReason } from '../../domain/alerts/control-policy.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { appendAuditEntries, type AuditRecord } from '../../store/repositories/audit-ledger.ts'
import { taskKind } from '../../store/repositories/customer-record-kinds.ts'
import { insertRecord } from '../../store/repositories/customer-records.ts'
import { findCustomerById } from '../../store/repositories/customers.ts'
import type { ControlReviewTable, Database, LimitProposalTable } from '../../store/schema.ts'
import type { Alert } from '../alerts/stored-alert.ts'
import { enqueueWebhookEvents, type WebhookEvent } from '../webhooks/enqueue-webhook-event.ts'
import type { CreditHold } from './credit-hold.ts'
import { currentCreditLimit } from './current-credit-limit.ts'
import { controlReviewFromRow, limitProposalFromRow, type ControlReview, type LimitProposal } from './limit-proposal.ts'
import { placeCreditHolds, type HoldToPlace } from './place-credit-holds.ts'

export type ApplyControlsOptions = {
  alerts: readonly Alert[]
  by: string
  at: string
  policy?: ControlPolicy
}

export type AppliedControls = { holds: CreditHold[]; proposals: LimitProposal[]; reviews: ControlReview[] }

/** Statuses a review does not change: the customer is already under review, or past it. */
const KEEPS_STATUS = new Set(['under_review', 'suspended', 'closed'])
/** A control decided but not applied: why, and whether because it is in place already. */
type Skipped = { skipped: string; alreadyDone: boolean }
const isSkipped = (made: object): made is Skipped => 'skipped' in made
const DAY = 86_400_000

/**
 * Inside the transaction raising the alerts: decides, per customer, what its live alerts set off
 * under the control policy (read with the customer's current grade: its latest assessment's
 * final grade) and applies it:
 * - a credit hold, unless one is active (credit_hold.placed);
 * - a limit-reduction proposal on the active contract's limit, unless the case has one already
 *   (limit_proposal.proposed); none when no active contract carries a limit;
 * - a review, unless the case has one already: the customer's status set to under_review
 *   (customer.updated; kept when already under review, suspended or closed) and a review task
 *   due in the policy's days (task.created), recorded as a control review (review.triggered).
 * One controls.applied entry per customer says what was decided, why, and what was done or not
 * (and why not). All audited and queued for the webhooks (and emails) in the caller's
 * transaction; applying the same case's alerts again adds nothing, not even that entry.
 */
export async function applyControls(trx: Kysely<Database>, { alerts, by, at, policy = DEFAULT_CONTROL_POLICY }: ApplyControlsOptions): Promise<AppliedControls> {
  // The worst grade (null: unrated) sets off the most: an alert that sets off nothing on it sets off nothing at all.
  const live = alerts.filter((alert) => !alert.shadow && setsOffAnything(decideControls(policy, { severity: alert.severity, grade: null })))
  if (live.length === 0) return { holds: [], proposals: [], reviews: [] }
  const alertsOf = new Map<string, Alert[]>()
  for (const alert of live) alertsOf.set(alert.customerId, [...(alertsOf.get(alert.customerId) ?? []), alert])
  const customerIds = [...alertsOf.keys()]
  const grades = await currentGrades(trx, customerIds)

  type Plan = { customerId: string; caseId: string | null; grade: string | null; decision: ControlDecision; alertOf: { hold?: Alert; cut?: Alert; review?: Alert } }
  const plans: Plan[] = []
  for (const customerId of customerIds) {
    const grade = grades.get(customerId) ?? null
    const own = alertsOf.get(customerId)!.map((alert) => ({ alert, decision: decideControls(policy, { severity: alert.severity, grade }) }))
    const decision = own.reduce((all, { decision }) => combineDecisions(all, decision), NO_CONTROLS)
    if (!setsOffAnything(decision)) continue
    // The alert each control is put down to: the first whose own decision is the one taken.
    const alertOf = {
      hold: own.find((o) => o.decision.creditHold)?.alert,
      cut: own.find((o) => o.decision.limitReduction?.percent === decision.limitReduction?.percent)?.alert,
      review: own.find((o) => o.decision.review?.dueDays === decision.review?.dueDays)?.alert,
    }
    plans.push({ customerId, caseId: own.find((o) => o.alert.caseId !== null)?.alert.caseId ?? null, grade, decision, alertOf })
  }
  if (plans.length === 0) return { holds: [], proposals: [], reviews: [] }

  const holdsToPlace: HoldToPlace[] = plans.flatMap((plan) => (plan.decision.creditHold ? [{ customerId: plan.customerId, alertId: plan.alertOf.hold?.id ?? null, reason: summary(plan.decision.creditHold.reasons) }] : []))
  const placed = await placeCreditHolds(trx, { holds: holdsToPlace, by, at })
  const audit: AuditRecord[] = [...placed.audit]
  const proposals: LimitProposal[] = []
  const reviews: ControlReview[] = []

  for (const plan of plans) {
    const skipped: Skipped[] = []
    const hold = placed.holds.find((h) => h.customerId === plan.customerId) ?? null
    if (plan.decision.creditHold && !hold) skipped.push({ skipped: 'credit hold: the customer is already held', alreadyDone: true })
    let proposal: LimitProposal | null = null
    if (plan.decision.limitReduction) {
      const made = await proposeLimitCut(trx, { plan: { ...plan, alert: plan.alertOf.cut ?? null, cut: plan.decision.limitReduction }, by, at })
      if (isSkipped(made)) skipped.push(made)
      else {
        proposal = made
        proposals.push(made)
        audit.push({ actor: by, action: 'limit_proposal.proposed', entity: 'limit_proposal', entityId: made.id, after: made as unknown as JsonValue, at })
      }
    }
    let review: ControlReview | null = null
    if (plan.decision.review) {
      const made = await triggerReview(trx, { plan: { ...plan, alert: plan.alertOf.review ?? null, review: plan.decision.review }, by, at })
      if (isSkipped(made)) skipped.push(made)
      else {
        review = made.review
        reviews.push(made.review)
        audit.push(...made.audit)
      }
    }
    // A later alert of a case whose controls are all in place already records nothing more.
    const isNews = hold !== null || proposal !== null || review !== null || skipped.some((s) => !s.alreadyDone)
    if (isNews) audit.push({
      actor: by,
      action: 'controls.applied',
      entity: 'case',
      entityId: plan.caseId ?? plan.customerId,
      after: {
        customerId: plan.customerId,
        caseId: plan.caseId,
        grade: plan.grade,
        policyVersion: policy.version,
        decision: plan.decision as unknown as JsonValue,
        applied: { creditHoldId: hold?.id ?? null, limitProposalId: proposal?.id ?? null, reviewId: review?.id ?? null },
        notes: skipped.map((s) => s.skipped),
      },
      at,
    })
  }
  await appendAuditEntries(trx, audit)
  const events: { event: WebhookEvent; data: unknown }[] = [
    ...placed.holds.map((data) => ({ event: 'credit_hold.placed' as const, data })),
    ...proposals.map((data) => ({ event: 'limit_proposal.proposed' as const, data })),
    ...reviews.map((data) => ({ event: 'review.triggered' as const, data })),
  ]
  await enqueueWebhookEvents(trx, { at, events })
  return { holds: placed.holds, proposals, reviews }
}

/** The final grade of each customer's latest assessment; customers never assessed are left out. */
async function currentGrades(trx: Kysely<Database>, customerIds: string[]): Promise<Map<string, string | null>> {
  const grades = new Map<string, string | null>()
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await trx.selectFrom('assessments').select(['customer_id', 'final_grade']).where('customer_id', 'in', customerIds.slice(i, i + 500)).orderBy('created_at', 'desc').orderBy('id', 'desc').execute()
    for (const row of rows) if (!grades.has(row.customer_id)) grades.set(row.customer_id, row.final_grade)
  }
  return grades
}

type PlanOf<K extends string, V> = { customerId: string; caseId: string | null; alert: Alert | null } & Record<K, V>

/** The proposal made, or why none was. */
async function proposeLimitCut(trx: Kysely<Database>, { plan, by, at }: { plan: PlanOf<'cut', { percent: number; reasons: ControlReason[] }>; by: string; at: string }): Promise<LimitProposal | Skipped> {
  if (plan.caseId !== null) {
    const existing = await trx.selectFrom('limit_proposals').select('id').where('case_id', '=', plan.caseId).executeTakeFirst()
    if (existing) return { skipped: `limit cut: case already has proposal ${existing.id}`, alreadyDone: true }
  }
  const limit = await currentCreditLimit(trx, plan.customerId)
  if (!limit) return { skipped: 'limit cut: no active contract carries a credit limit', alreadyDone: false }
  const row: LimitProposalTable = {
    id: randomUUID(),
    customer_id: plan.customerId,
    contract_id: limit.contractId,
    case_id: plan.caseId,
    alert_id: plan.alert?.id ?? null,
    current_limit: limit.amount,
    proposed_limit: reducedLimit(limit.amount, plan.cut.percent),
    currency: limit.currency,
    cut_percent: plan.cut.percent,
    reason: summary(plan.cut.reasons),
    reasons: canonicalJson(plan.cut.reasons as unknown as JsonValue),
    status: 'proposed',
    proposed_at: at,
    proposed_by: by,
    decided_at: null,
    decided_by: null,
    note: null,
  }
  await trx.insertInto('limit_proposals').values(row).execute()
  return limitProposalFromRow(row)
}

/** The review started with its audit records, or why none was. */
async function triggerReview(
  trx: Kysely<Database>,
  { plan, by, at }: { plan: PlanOf<'review', { dueDays: number; reasons: ControlReason[] }>; by: string; at: string },
): Promise<{ review: ControlReview; audit: AuditRecord[] } | Skipped> {
  if (plan.caseId !== null) {
    const existing = await trx.selectFrom('control_reviews').select('id').where('case_id', '=', plan.caseId).executeTakeFirst()
    if (existing) return { skipped: `review: case already has review ${existing.id}`, alreadyDone: true }
  }
  const before = await findCustomerById(trx, plan.customerId)
  if (!before) return { skipped: 'review: the customer is gone', alreadyDone: false }
  const audit: AuditRecord[] = []
  if (!KEEPS_STATUS.has(before.status)) {
    const row = await trx.updateTable('customers').set({ status: 'under_review', version: before.version + 1, updated_at: at }).where('id', '=', plan.customerId).returningAll().executeTakeFirstOrThrow()
    const after = await findCustomerById(trx, row.id)
    audit.push({ actor: by, action: 'customer.updated', entity: 'customer', entityId: plan.customerId, before: before as unknown as JsonValue, after: after as unknown as JsonValue, at })
  }
  const caseOwner = plan.caseId ? await trx.selectFrom('cases').select('owner_id').where('id', '=', plan.caseId).executeTakeFirst() : undefined
  const dueOn = new Date(Date.parse(at) + plan.review.dueDays * DAY).toISOString().slice(0, 10)
  const reason = summary(plan.review.reasons)
  const task = await insertRecord(trx, taskKind, {
    id: randomUUID(),
    customer_id: plan.customerId,
    title: plan.alert ? `Review: ${plan.alert.severity} alert ${plan.alert.ruleKey}` : 'Review the customer',
    description: `Started by the control policy.\n${plan.review.reasons.map((r) => `- ${r.text}`).join('\n')}`,
    due_on: dueOn,
    assignee_id: caseOwner?.owner_id ?? before.ownerId ?? null,
    status: 'open',
    created_by: by,
    completed_at: null,
    created_at: at,
    updated_at: at,
  })
  audit.push({ actor: by, action: 'task.created', entity: 'task', entityId: task.id, after: task as unknown as JsonValue, at })
  const row: ControlReviewTable = {
    id: randomUUID(),
    customer_id: plan.customerId,
    case_id: plan.caseId,
    alert_id: plan.alert?.id ?? null,
    task_id: task.id,
    status_before: before.status,
    due_on: dueOn,
    reason,
    reasons: canonicalJson(plan.review.reasons as unknown as JsonValue),
    triggered_at: at,
    triggered_by: by,
  }
  await trx.insertInto('control_reviews').values(row).execute()
  const review = controlReviewFromRow(row)
  audit.push({ actor: by, action: 'review.triggered', entity: 'control_review', entityId: review.id, after: review as unknown as JsonValue, at })
  return { review, audit }
}

const summary = (reasons: readonly ControlReason[]) => reasons.map((reason) => reason.text).join('; ')
