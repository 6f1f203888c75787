import { AppError } from '../../app-error.ts'
import { canonicalJson } from '../../domain/audit/index.ts'
import { diffPolicies, type RiskPolicy } from '../../domain/policy/index.ts'
import type { PolicyVersion } from '../../schemas/policy.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { updatePolicyVersion } from '../../store/repositories/policy-versions.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { assertValidPolicy, lockPolicyVersion, statusOf } from './policy-version-work.ts'

export type UpdatePolicyDraftOptions = { store: Store; actor: Actor; versionId: string; document: RiskPolicy; note?: string | null }

/**
 * Replaces a draft's document (which must be valid) and, when given, its note. Only a draft
 * can change; whoever edits it becomes one of its makers and so cannot approve it. Audited as
 * policy.draft_updated with the paths that changed.
 */
export async function updatePolicyDraft({ store, actor, versionId, document, note }: UpdatePolicyDraftOptions): Promise<PolicyVersion> {
  assertValidPolicy(document)
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const before = await lockPolicyVersion(trx, store.dialect, versionId)
    if (before.status !== 'draft') throw new AppError('conflict', `version ${before.version} is ${before.status}: only a draft can be edited; start a new draft instead`)
    const now = new Date().toISOString()
    const after = await updatePolicyVersion(trx, versionId, {
      document: canonicalJson(document),
      ...(note === undefined ? {} : { note: note?.trim() || null }),
      updated_by: by,
      updated_at: now,
    })
    const changes = diffPolicies(before.document, after.document).map((change) => change.path)
    await appendAuditEntry(trx, { actor: by, action: 'policy.draft_updated', entity: 'policy_version', entityId: versionId, before: statusOf(before), after: { ...statusOf(after), changes }, at: now })
    return after
  })
}
