import { AppError, invalidField } from '../../app-error.ts'
import type { PolicyVersion } from '../../schemas/policy.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { updatePolicyVersion } from '../../store/repositories/policy-versions.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { lockPolicyVersion, statusOf } from './policy-version-work.ts'

export type RejectPolicyOptions = { store: Store; actor: Actor; versionId: string; reason: string }

/**
 * Rejects a version submitted for approval, saying why; it stays in the list, never active.
 * Its makers may reject it too (withdrawing it); a new draft starts from the active policy or
 * from the rejected document. Audited as policy.rejected with the reason.
 */
export async function rejectPolicy({ store, actor, versionId, reason }: RejectPolicyOptions): Promise<PolicyVersion> {
  if (typeof reason !== 'string' || reason.trim() === '') throw invalidField('reason', 'must say why the version is rejected')
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const before = await lockPolicyVersion(trx, store.dialect, versionId)
    if (before.status !== 'pending_approval') throw new AppError('conflict', `version ${before.version} is ${before.status}: only a version submitted for approval can be rejected`)
    const now = new Date().toISOString()
    const after = await updatePolicyVersion(trx, versionId, { status: 'rejected', rejected_by: by, rejected_at: now, rejection_reason: reason.trim() })
    await appendAuditEntry(trx, { actor: by, action: 'policy.rejected', entity: 'policy_version', entityId: versionId, before: statusOf(before), after: { ...statusOf(after), reason: reason.trim() }, at: now })
    return after
  })
}
