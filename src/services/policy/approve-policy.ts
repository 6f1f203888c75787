import { AppError } from '../../app-error.ts'
import type { PolicyVersion } from '../../schemas/policy.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findActivePolicyVersion, updatePolicyVersion } from '../../store/repositories/policy-versions.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { forgetActivePolicy } from './active-policy.ts'
import { assertValidPolicy, lockPolicyVersion, statusOf } from './policy-version-work.ts'

export type ApprovePolicyOptions = { store: Store; actor: Actor; versionId: string }

/**
 * Approves a submitted version and makes it the active policy: the next assessments grade and
 * limit customers by it. Four eyes: a user who created, edited or submitted the version cannot
 * approve it (403). The version active until now is superseded in the same transaction; both
 * changes are audited (policy.superseded, policy.approved).
 */
export async function approvePolicy({ store, actor, versionId }: ApprovePolicyOptions): Promise<PolicyVersion> {
  const by = actorLabel(actor)
  try {
    const approved = await withTransaction(store.db, async (trx) => {
      const version = await lockPolicyVersion(trx, store.dialect, versionId)
      const makers = new Set([version.createdBy, version.updatedBy, version.submittedBy])
      if (makers.has(by)) {
        throw new AppError('forbidden', `activating a policy needs a second user: you made or submitted version ${version.version}, so someone else with policy.approve must approve it`)
      }
      if (version.status !== 'pending_approval') throw new AppError('conflict', `version ${version.version} is ${version.status}: only a version submitted for approval can be approved`)
      const previous = await findActivePolicyVersion(trx)
      assertValidPolicy(version.document, previous?.document ?? null)
      const now = new Date().toISOString()
      if (previous) {
        const superseded = await updatePolicyVersion(trx, previous.id, { status: 'superseded', superseded_at: now })
        await appendAuditEntry(trx, { actor: by, action: 'policy.superseded', entity: 'policy_version', entityId: previous.id, before: statusOf(previous), after: { ...statusOf(superseded), replacedBy: version.id }, at: now })
      }
      const after = await updatePolicyVersion(trx, versionId, { status: 'active', approved_by: by, approved_at: now })
      await appendAuditEntry(trx, { actor: by, action: 'policy.approved', entity: 'policy_version', entityId: versionId, before: statusOf(version), after: statusOf(after), at: now })
      return after
    })
    forgetActivePolicy(store)
    return approved
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'another policy version was activated at the same moment; reload and try again')
    throw error
  }
}
