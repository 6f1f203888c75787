import { AppError } from '../../app-error.ts'
import type { PolicyVersion } from '../../schemas/policy.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findActivePolicyVersion, updatePolicyVersion } from '../../store/repositories/policy-versions.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { assertValidPolicy, lockPolicyVersion, statusOf } from './policy-version-work.ts'

export type SubmitPolicyOptions = { store: Store; actor: Actor; versionId: string }

/**
 * Sends a draft for approval: from now on it cannot be edited, and a second user — none of
 * the users who created, edited or submitted it — approves or rejects it. The document is
 * checked again, with the rule that a changed scale or set of weights has a new version name.
 * Audited as policy.submitted.
 */
export async function submitPolicy({ store, actor, versionId }: SubmitPolicyOptions): Promise<PolicyVersion> {
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const before = await lockPolicyVersion(trx, store.dialect, versionId)
    if (before.status !== 'draft') throw new AppError('conflict', `version ${before.version} is ${before.status}: only a draft can be submitted`)
    assertValidPolicy(before.document, (await findActivePolicyVersion(trx))?.document ?? null)
    const now = new Date().toISOString()
    const after = await updatePolicyVersion(trx, versionId, { status: 'pending_approval', submitted_by: by, submitted_at: now })
    await appendAuditEntry(trx, { actor: by, action: 'policy.submitted', entity: 'policy_version', entityId: versionId, before: statusOf(before), after: statusOf(after), at: now })
    return after
  })
}
