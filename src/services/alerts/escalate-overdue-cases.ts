import { MAX_ESCALATION_LEVEL, nextEscalation } from '../../domain/alerts/sla.ts'
import type { Store } from '../../store/open-store.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { lockCase } from './case-work.ts'
import { applyEscalation } from './escalate-case.ts'
import type { Case } from './stored-alert.ts'

export type EscalateOverdueCasesOptions = {
  store: Store
  /** The clock: what counts as overdue is decided against it (tests pass a fake one). */
  now: Date
  /** Cases escalated per call at most (the oldest due first); the next call takes the rest. */
  limit?: number
}

/**
 * Escalates every case that is not closed and whose due time has come, one level each
 * (src/domain/alerts/sla.ts: nextEscalation). Each escalation sets the next due time one SLA
 * later, so a case is escalated once per level: calling again at the same time escalates
 * nothing more. Each case in its own transaction, re-read under a lock, so a case closed or
 * escalated meanwhile is left alone. Audited as case.escalated by system with the reason
 * overdue; the owner and the team's risk managers are told in their inbox. Returns the cases
 * escalated.
 */
export async function escalateOverdueCases({ store, now, limit = 500 }: EscalateOverdueCasesOptions): Promise<Case[]> {
  const at = now.toISOString()
  const due = await store.db
    .selectFrom('cases')
    .select('id')
    .where('status', '!=', 'closed')
    .where('sla_due_at', 'is not', null)
    .where('sla_due_at', '<=', at)
    .where('escalation_level', '<', MAX_ESCALATION_LEVEL)
    .orderBy('sla_due_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  const escalated: Case[] = []
  for (const { id } of due) {
    const after = await withTransaction(store.db, async (trx) => {
      const before = await lockCase(trx, store.dialect, id)
      const next = nextEscalation({ ...before, closed: before.status === 'closed' }, at)
      if (next === null) return null
      return applyEscalation(trx, { before, next, by: 'system', actorUserId: null, at, reason: 'overdue', note: null })
    })
    if (after) escalated.push(after)
  }
  return escalated
}
