import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { queueTeamOf, takeTurn } from './case-routing.ts'
import { assertCaseWorker, caseActorOf, decideOrThrow, lockCase, notifyAboutCase, saveCase } from './case-work.ts'
import type { Case } from './stored-alert.ts'

export type AssignCaseOptions = {
  store: Store
  actor: Actor
  caseId: string
  /** The user to assign it to; without one, the case goes to its queue and the member whose turn it is takes it. */
  ownerId?: string
}

/**
 * Assigns a case that is not closed: to a user (who must be active and work cases), or to its
 * queue — the team it was routed to, else the queue of its severity — round-robin. A new case
 * becomes assigned; an escalated one stays escalated with its new owner. Audited as
 * case.assigned; the new owner finds it in their inbox unless they assigned it themselves.
 */
export async function assignCase({ store, actor, caseId, ownerId }: AssignCaseOptions): Promise<Case> {
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const before = await lockCase(trx, store.dialect, caseId)
    const caseActor = await caseActorOf(trx, actor)
    const at = new Date().toISOString()
    let teamId = before.teamId
    let target = ownerId
    if (target === undefined) {
      teamId ??= await queueTeamOf(trx, before.severity)
      if (teamId === null) throw new AppError('conflict', `case ${caseId} has no queue: no team takes cases of severity ${before.severity}`)
      // Refused before the turn is taken, so a refusal does not skip anyone.
      decideOrThrow(before, { kind: 'assign', ownerId: '\u0000queue', viaQueue: true }, caseActor)
      target = (await takeTurn(trx, { teamId, at })) ?? undefined
      if (target === undefined) throw new AppError('conflict', `the queue of case ${caseId} has no active member to take it`)
    } else {
      await assertCaseWorker(trx, target)
    }
    const decision = decideOrThrow(before, { kind: 'assign', ownerId: target, viaQueue: ownerId === undefined }, caseActor)
    const after: Case = { ...before, status: decision.status, ownerId: decision.ownerId, teamId }
    await saveCase(trx, { before, after, action: 'case.assigned', by, at, details: { viaQueue: ownerId === undefined } })
    if (after.ownerId !== null && !(actor.kind === 'user' && actor.userId === after.ownerId)) {
      await notifyAboutCase(trx, { kase: after, kind: 'case.assigned', title: 'Case assigned to you', userIds: [after.ownerId], at, payload: { by } })
    }
    return after
  })
}
