import type { Kysely } from 'kysely'
import { AppError } from '../../app-error.ts'
import { decideCaseAction, type CaseAction, type CaseActor, type CaseDecision } from '../../domain/alerts/case-lifecycle.ts'
import { severityRank } from '../../domain/alerts/sla.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import { isRole, roleHasPermission } from '../../domain/identity/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { insertNotifications, type NewNotification } from '../../store/repositories/notifications.ts'
import type { Database } from '../../store/schema.ts'
import type { Actor } from '../actor.ts'
import { caseFromRow, type Case } from './stored-alert.ts'

/**
 * What the case-work use cases share: reading a case under a lock, deciding an action with
 * the lifecycle (src/domain/alerts/case-lifecycle.ts), writing the case with its alerts'
 * status and the audit entry, and who to tell.
 */

/** The case, locked for the rest of the transaction on PostgreSQL (SQLite's write lock serialises anyway). */
export async function lockCase(trx: Kysely<Database>, dialect: Store['dialect'], caseId: string): Promise<Case> {
  let select = trx.selectFrom('cases').selectAll().where('id', '=', caseId)
  if (dialect === 'postgres') select = select.forUpdate()
  const row = await select.executeTakeFirst()
  if (!row) throw new AppError('not_found', `no case ${caseId}`)
  return caseFromRow(row)
}

/** The actor as the lifecycle sees it: a user with their role, or the system (CLI and timers included). */
export async function caseActorOf(db: Kysely<Database>, actor: Actor): Promise<CaseActor> {
  if (actor.kind !== 'user') return { kind: 'system' }
  const user = await db.selectFrom('users').select(['id', 'role', 'active']).where('id', '=', actor.userId).executeTakeFirst()
  if (!user || Number(user.active) !== 1 || !isRole(user.role)) throw new AppError('forbidden', 'only an active user works cases')
  return { kind: 'user', userId: user.id, role: user.role }
}

/** The lifecycle's answer, or its refusal as an AppError (409 or 403). */
export function decideOrThrow(before: Case, action: CaseAction, actor: CaseActor): Extract<CaseDecision, { ok: true }> {
  const decision = decideCaseAction(before, action, actor)
  if (!decision.ok) throw new AppError(decision.code, `case ${before.id}: ${decision.reason}`)
  return decision
}

/** An active user who may work cases (their role has alerts.work), or a 400 naming the field. */
export async function assertCaseWorker(db: Kysely<Database>, userId: string, field = 'ownerId'): Promise<{ id: string; name: string; email: string }> {
  const user = await db.selectFrom('users').select(['id', 'name', 'email', 'role', 'active']).where('id', '=', userId).executeTakeFirst()
  if (!user || Number(user.active) !== 1 || !isRole(user.role) || !roleHasPermission(user.role, 'alerts.work')) {
    throw new AppError('validation_failed', `${field} must be an active user who works cases`, { details: [{ path: field, message: 'is not an active user who works cases' }] })
  }
  return user
}

/** Writes the case as it is after a change, moves its alerts that are not closed to its status, and audits the change. */
export async function saveCase(trx: Kysely<Database>, { before, after, action, by, at, details = {} }: { before: Case; after: Case; action: string; by: string; at: string; details?: Record<string, JsonValue> }): Promise<Case> {
  await trx
    .updateTable('cases')
    .set({
      status: after.status,
      owner_id: after.ownerId,
      team_id: after.teamId,
      severity: after.severity,
      severity_rank: severityRank(after.severity),
      sla_due_at: after.slaDueAt,
      escalation_level: after.escalationLevel,
      escalated_at: after.escalatedAt,
      closed_at: after.closedAt,
      closed_by: after.closedBy,
      disposition: after.disposition,
      note: after.note,
    })
    .where('id', '=', after.id)
    .execute()
  if (after.status !== before.status) await trx.updateTable('alerts').set({ status: after.status }).where('case_id', '=', after.id).where('status', '!=', 'closed').execute()
  await appendAuditEntry(trx, { actor: by, action, entity: 'case', entityId: after.id, before: before as unknown as JsonValue, after: { ...after, ...details } as unknown as JsonValue, at })
  return after
}

/** The customer's name, for the titles of notifications. */
export async function customerNameOf(db: Kysely<Database>, customerId: string): Promise<string> {
  const row = await db.selectFrom('customers').select('name').where('id', '=', customerId).executeTakeFirst()
  return row?.name ?? customerId
}

/**
 * Who hears of an escalation: the owner, and the team's risk managers (the team leads) —
 * every active risk manager when the case has no team or its team has none. Never the actor.
 */
export async function escalationRecipients(db: Kysely<Database>, kase: Case, actorUserId: string | null): Promise<string[]> {
  const managers = db.selectFrom('users').select('id').where('active', '=', 1).where('role', '=', 'risk_manager')
  let leads = kase.teamId === null ? [] : await managers.where('team_id', '=', kase.teamId).orderBy('id').execute()
  if (leads.length === 0) leads = await managers.orderBy('id').execute()
  const ids = [...(kase.ownerId ? [kase.ownerId] : []), ...leads.map((u) => u.id)]
  return [...new Set(ids)].filter((id) => id !== actorUserId)
}

/** Notifications about a case, all with the same payload. */
export async function notifyAboutCase(
  trx: Kysely<Database>,
  { kase, kind, title, userIds, at, payload = {} }: { kase: Case; kind: NewNotification['kind']; title: string; userIds: readonly string[]; at: string; payload?: Record<string, JsonValue> },
): Promise<void> {
  const customerName = await customerNameOf(trx, kase.customerId)
  await insertNotifications(
    trx,
    userIds.map((userId) => ({ userId, kind, title: `${title}: ${customerName}`, caseId: kase.id, payload: { caseId: kase.id, customerId: kase.customerId, customerName, severity: kase.severity, ...payload } })),
    at,
  )
}
