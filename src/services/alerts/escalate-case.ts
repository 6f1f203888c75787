import type { Kysely } from 'kysely'
import { invalidField } from '../../app-error.ts'
import { MAX_ESCALATION_LEVEL, slaDueAt } from '../../domain/alerts/sla.ts'
import type { Store } from '../../store/open-store.ts'
import type { Database } from '../../store/schema.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { caseActorOf, decideOrThrow, escalationRecipients, lockCase, notifyAboutCase, saveCase } from './case-work.ts'
import type { Case } from './stored-alert.ts'

export type EscalateCaseOptions = { store: Store; actor: Actor; caseId: string; note?: string }

/**
 * Escalates a case by hand, one level up: it becomes escalated, and is due again one SLA of
 * its severity later (no further due time at the last level). Audited as case.escalated with
 * the reason manual and the note; the owner and the team's risk managers are told in their inbox.
 */
export async function escalateCase({ store, actor, caseId, note }: EscalateCaseOptions): Promise<Case> {
  if (note !== undefined && note.trim() === '') throw invalidField('note', 'must not be blank')
  return withTransaction(store.db, async (trx) => {
    const before = await lockCase(trx, store.dialect, caseId)
    decideOrThrow(before, { kind: 'escalate' }, await caseActorOf(trx, actor))
    const escalationLevel = before.escalationLevel + 1
    const at = new Date().toISOString()
    return applyEscalation(trx, {
      before,
      next: { escalationLevel, slaDueAt: escalationLevel >= MAX_ESCALATION_LEVEL ? null : slaDueAt(before.severity, at) },
      by: actorLabel(actor),
      actorUserId: actor.kind === 'user' ? actor.userId : null,
      at,
      reason: 'manual',
      note: note?.trim() ?? null,
    })
  })
}

/** Writes an escalation (manual or overdue), audits it and notifies. */
export async function applyEscalation(
  trx: Kysely<Database>,
  { before, next, by, actorUserId, at, reason, note }: { before: Case; next: { escalationLevel: number; slaDueAt: string | null }; by: string; actorUserId: string | null; at: string; reason: 'manual' | 'overdue'; note: string | null },
): Promise<Case> {
  const after: Case = { ...before, status: 'escalated', escalationLevel: next.escalationLevel, slaDueAt: next.slaDueAt, escalatedAt: at }
  await saveCase(trx, { before, after, action: 'case.escalated', by, at, details: { reason, escalationNote: note } })
  await notifyAboutCase(trx, {
    kase: after,
    kind: 'case.escalated',
    title: reason === 'overdue' ? `Case overdue, escalated to level ${after.escalationLevel}` : `Case escalated to level ${after.escalationLevel}`,
    userIds: await escalationRecipients(trx, after, actorUserId),
    at,
    payload: { reason, level: after.escalationLevel, by },
  })
  return after
}
