import type { Store } from '../../store/open-store.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { caseActorOf, decideOrThrow, lockCase, saveCase } from './case-work.ts'
import type { Case } from './stored-alert.ts'

export type InvestigateCaseOptions = { store: Store; actor: Actor; caseId: string }

/**
 * Starts investigating a case: its owner (or a supervisor) moves it to investigating; a user
 * who starts on a case nobody owns takes it. Audited as case.investigating.
 */
export async function investigateCase({ store, actor, caseId }: InvestigateCaseOptions): Promise<Case> {
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const before = await lockCase(trx, store.dialect, caseId)
    const decision = decideOrThrow(before, { kind: 'investigate' }, await caseActorOf(trx, actor))
    const after: Case = { ...before, status: decision.status, ownerId: decision.ownerId }
    return saveCase(trx, { before, after, action: 'case.investigating', by, at: new Date().toISOString() })
  })
}
