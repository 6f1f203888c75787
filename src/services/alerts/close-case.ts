import { AppError, invalidField } from '../../app-error.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { enqueueWebhookEvents } from '../webhooks/enqueue-webhook-event.ts'
import { caseFromRow, DISPOSITIONS, type Case, type Disposition } from './stored-alert.ts'

export type CloseCaseOptions = { store: Store; actor: Actor; caseId: string; disposition: Disposition; note: string }

/**
 * Closes an open case with a disposition (true positive, false positive, not actionable) and a
 * note saying why, and closes its alerts with it. The customer's next alert opens a new case.
 * Audited as case.closed, with the alerts it closed, and queued for the webhooks.
 */
export async function closeCase({ store, actor, caseId, disposition, note }: CloseCaseOptions): Promise<Case> {
  if (!DISPOSITIONS.includes(disposition)) throw invalidField('disposition', `must be one of ${DISPOSITIONS.join(', ')}`)
  if (typeof note !== 'string' || note.trim() === '') throw invalidField('note', 'must say why the case is closed')
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    let select = trx.selectFrom('cases').selectAll().where('id', '=', caseId)
    if (store.dialect === 'postgres') select = select.forUpdate()
    const row = await select.executeTakeFirst()
    if (!row) throw new AppError('not_found', `no case ${caseId}`)
    const before = caseFromRow(row)
    if (before.status !== 'open') throw new AppError('conflict', `case ${caseId} is already closed`)
    const at = new Date().toISOString()
    const after: Case = { ...before, status: 'closed', closedAt: at, closedBy: by, disposition, note: note.trim() }
    await trx.updateTable('cases').set({ status: 'closed', closed_at: at, closed_by: by, disposition, note: after.note }).where('id', '=', caseId).execute()
    const closed = await trx.updateTable('alerts').set({ status: 'closed' }).where('case_id', '=', caseId).where('status', '!=', 'closed').returning('id').execute()
    const closedAlertIds = closed.map((r) => r.id).sort()
    await appendAuditEntry(trx, {
      actor: by,
      action: 'case.closed',
      entity: 'case',
      entityId: caseId,
      before: before as unknown as JsonValue,
      after: { ...after, closedAlertIds } as unknown as JsonValue,
      at,
    })
    await enqueueWebhookEvents(trx, { at, events: [{ event: 'case.closed', data: { ...after, closedAlertIds } }] })
    return after
  })
}
