import { AppError, invalidField } from '../../app-error.ts'
import { RULE_SEVERITIES } from '../../domain/alerts/rule.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'

/** A severity, or '*': every severity without a queue of its own. */
export const QUEUE_SEVERITIES = ['*', ...RULE_SEVERITIES] as const
export type QueueSeverity = (typeof QUEUE_SEVERITIES)[number]

export type CaseQueue = { severity: QueueSeverity; teamId: string; updatedBy: string; updatedAt: string }

export type SetCaseQueueOptions = { store: Store; actor: Actor; severity: QueueSeverity; /** null removes the queue. */ teamId: string | null }

/** The routing table: which team's queue new cases of each severity go to. */
export async function listCaseQueues({ store }: { store: Store }): Promise<CaseQueue[]> {
  const rows = await store.db.selectFrom('case_queues').selectAll().orderBy('severity').execute()
  return rows.map((r) => ({ severity: r.severity as QueueSeverity, teamId: r.team_id, updatedBy: r.updated_by, updatedAt: r.updated_at }))
}

/**
 * Routes new cases of a severity (or '*', the rest) to a team's queue, where they are assigned
 * round-robin to its active members who work cases; null stops routing them. Audited as
 * case_queue.set. Cases already open keep their team.
 */
export async function setCaseQueue({ store, actor, severity, teamId }: SetCaseQueueOptions): Promise<CaseQueue | null> {
  if (!QUEUE_SEVERITIES.includes(severity)) throw invalidField('severity', `must be one of ${QUEUE_SEVERITIES.join(', ')}`)
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const before = await trx.selectFrom('case_queues').selectAll().where('severity', '=', severity).executeTakeFirst()
    const at = new Date().toISOString()
    let after: CaseQueue | null = null
    if (teamId === null) {
      if (!before) throw new AppError('not_found', `no queue for severity ${severity}`)
      await trx.deleteFrom('case_queues').where('severity', '=', severity).execute()
    } else {
      const team = await trx.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst()
      if (!team) throw invalidField('teamId', 'is not a team')
      after = { severity, teamId, updatedBy: by, updatedAt: at }
      await trx
        .insertInto('case_queues')
        .values({ severity, team_id: teamId, updated_by: by, updated_at: at })
        .onConflict((oc) => oc.column('severity').doUpdateSet({ team_id: teamId, updated_by: by, updated_at: at }))
        .execute()
    }
    await appendAuditEntry(trx, { actor: by, action: 'case_queue.set', entity: 'case_queue', entityId: severity, before: before ? { severity, teamId: before.team_id } : null, after: after ? { severity, teamId } : null, at })
    return after
  })
}
