import { invalidField } from '../../app-error.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { enqueueWebhookEvents } from '../webhooks/enqueue-webhook-event.ts'
import { caseActorOf, decideOrThrow, lockCase, saveCase } from './case-work.ts'
import { DISPOSITIONS, type Case, type Disposition } from './stored-alert.ts'

export type CloseCaseOptions = { store: Store; actor: Actor; caseId: string; disposition: Disposition; note: string }

/**
 * Closes a case that is not closed yet with a disposition (true positive, false positive, not
 * actionable) and a note saying why, and closes its alerts with it. Its owner, a supervisor, or
 * anyone when nobody owns it may close it (src/domain/alerts/case-lifecycle.ts). The customer's
 * next alert opens a new case. Audited as case.closed, with the alerts it closed, and queued
 * for the webhooks.
 */
export async function closeCase({ store, actor, caseId, disposition, note }: CloseCaseOptions): Promise<Case> {
  if (!DISPOSITIONS.includes(disposition)) throw invalidField('disposition', `must be one of ${DISPOSITIONS.join(', ')}`)
  if (typeof note !== 'string' || note.trim() === '') throw invalidField('note', 'must say why the case is closed')
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const before = await lockCase(trx, store.dialect, caseId)
    decideOrThrow(before, { kind: 'close' }, await caseActorOf(trx, actor))
    const at = new Date().toISOString()
    const after: Case = { ...before, status: 'closed', closedAt: at, closedBy: by, disposition, note: note.trim() }
    const open = await trx.selectFrom('alerts').select('id').where('case_id', '=', caseId).where('status', '!=', 'closed').execute()
    const closedAlertIds = open.map((r) => r.id).sort()
    await saveCase(trx, { before, after, action: 'case.closed', by, at, details: { closedAlertIds } as Record<string, JsonValue> })
    await enqueueWebhookEvents(trx, { at, events: [{ event: 'case.closed', data: { ...after, closedAlertIds } }] })
    return after
  })
}
