import { randomUUID } from 'node:crypto'
import { AppError, invalidField } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { MIN_JUSTIFICATION_LENGTH } from '../../domain/scoring/index.ts'
import { routeApproval, type ApprovalKind } from '../../domain/workflow/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findCustomerById } from '../../store/repositories/customers.ts'
import type { ApprovalRequestTable } from '../../store/schema.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { currentCreditLimit } from '../controls/current-credit-limit.ts'
import { activePolicy } from '../policy/active-policy.ts'
import { approvalRequestFromRow, type ApprovalRequest } from './approval-request-record.ts'
import { latestAssessments } from './customer-grade.ts'

export type Money = { amount: number; currency: string }

/** What is asked; fields that do not belong to the kind are refused. */
export type ApprovalRequestInput = {
  kind: ApprovalKind
  customerId: string
  /** limit_change: the new limit (required); onboarding: the limit proposed with it (optional). */
  limit?: Money
  /** rating_override: the assessment, the grade and why. */
  assessmentId?: string
  grade?: string
  justification?: string
  /** Why it is asked; hold_release: required, it becomes the lift note. */
  note?: string | null
}

export type RequestApprovalOptions = { store: Store; actor: Actor; input: ApprovalRequestInput; now?: () => Date }

const FIELDS_OF: Record<ApprovalKind, readonly string[]> = {
  limit_change: ['limit'],
  rating_override: ['assessmentId', 'grade', 'justification'],
  onboarding: ['limit'],
  hold_release: [],
}

/**
 * Asks for an approval: checks what is asked against the customer, routes it by the active
 * policy's approval matrix (the role and number of different approvers, with the route's
 * explanation, kept on the request) and stores it pending. At most one pending request per
 * customer and kind (409). Audited as approval.requested.
 */
export async function requestApproval({ store, actor, input, now = () => new Date() }: RequestApprovalOptions): Promise<ApprovalRequest> {
  const { kind, customerId } = input
  const note = typeof input.note === 'string' && input.note.trim() !== '' ? input.note.trim() : null
  for (const field of ['limit', 'assessmentId', 'grade', 'justification'] as const) {
    if (input[field] !== undefined && !FIELDS_OF[kind].includes(field)) throw invalidField(field, `does not belong to a ${kind} request`)
  }
  if (input.limit !== undefined && (!Number.isSafeInteger(input.limit.amount) || input.limit.amount < 0)) throw invalidField('limit.amount', 'must be whole minor units ≥ 0')
  const by = actorLabel(actor)
  const policy = await activePolicy(store)
  const matrix = policy.policy.approvalMatrix

  return withTransaction(store.db, async (trx) => {
    const customer = await findCustomerById(trx, customerId)
    if (!customer) throw new AppError('not_found', `no customer ${customerId}`)
    const payload: Record<string, JsonValue> = {}
    switch (kind) {
      case 'limit_change':
        if (!input.limit) throw invalidField('limit', 'a limit change needs the new limit')
        payload.limit = input.limit
        break
      case 'onboarding':
        if (customer.status !== 'onboarding') throw new AppError('conflict', `customer ${customer.name} is ${customer.status}, not onboarding`, { details: [{ path: 'status', message: `is ${customer.status}` }] })
        if (input.limit) payload.limit = input.limit
        break
      case 'rating_override': {
        if (!input.assessmentId) throw invalidField('assessmentId', 'a rating override names the assessment')
        if (!input.grade) throw invalidField('grade', 'a rating override names the grade')
        const justification = input.justification?.trim() ?? ''
        if (justification.length < MIN_JUSTIFICATION_LENGTH) throw invalidField('justification', `must say why in at least ${MIN_JUSTIFICATION_LENGTH} characters`)
        const assessment = await trx.selectFrom('assessments').select('customer_id').where('id', '=', input.assessmentId).executeTakeFirst()
        if (!assessment || assessment.customer_id !== customerId) throw invalidField('assessmentId', `is not an assessment of customer ${customerId}`)
        Object.assign(payload, { assessmentId: input.assessmentId, grade: input.grade, justification })
        break
      }
      case 'hold_release': {
        if (note === null) throw invalidField('note', 'must say why the hold should be lifted')
        const hold = await trx.selectFrom('credit_holds').select('id').where('customer_id', '=', customerId).where('lifted_at', 'is', null).executeTakeFirst()
        if (!hold) throw new AppError('conflict', `customer ${customer.name} has no active credit hold`)
        payload.holdId = hold.id
        break
      }
    }

    const grade = (await latestAssessments(trx, [customerId])).get(customerId)?.grade ?? null
    const current = await currentCreditLimit(trx, customerId)
    const money: Money = input.limit ?? (current && current.currency === matrix.currency ? { amount: current.amount, currency: current.currency } : { amount: 0, currency: matrix.currency })
    const route = routeApproval(matrix, { kind, amount: money.amount, currency: money.currency, grade })
    if (!route.routed) throw new AppError('conflict', `policy version ${policy.version} cannot route this request: ${route.reason}`)

    const at = now().toISOString()
    const row: ApprovalRequestTable = {
      id: randomUUID(),
      kind,
      customer_id: customerId,
      payload: canonicalJson(payload),
      amount: money.amount,
      currency: money.currency,
      grade,
      policy_version: policy.version,
      required_role: route.role,
      approvers_needed: route.approvers,
      route_explanation: route.explanation,
      status: 'pending',
      requested_by: by,
      requested_at: at,
      decided_at: null,
      note,
      outcome: null,
    }
    try {
      await trx.insertInto('approval_requests').values(row).execute()
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `customer ${customer.name} already has a pending ${kind} request`)
      throw error
    }
    const request = approvalRequestFromRow(row, [])
    await appendAuditEntry(trx, { actor: by, action: 'approval.requested', entity: 'approval_request', entityId: row.id, after: request as unknown as JsonValue, at })
    return request
  })
}
