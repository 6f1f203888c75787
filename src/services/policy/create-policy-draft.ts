import { AppError } from '../../app-error.ts'
import { canonicalJson } from '../../domain/audit/index.ts'
import { diffPolicies, type RiskPolicy } from '../../domain/policy/index.ts'
import type { PolicyVersion } from '../../schemas/policy.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findActivePolicyVersion, findPolicyVersion, insertPolicyVersion, nextPolicyVersionNumber } from '../../store/repositories/policy-versions.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { assertValidPolicy, statusOf } from './policy-version-work.ts'

export type CreatePolicyDraftOptions = {
  store: Store
  actor: Actor
  /** The draft's document; left out: a copy of the active policy. */
  document?: RiskPolicy
  note?: string | null
}

/**
 * Starts a new version of the policy as a draft, numbered after every version so far, from
 * the document given (which must be valid) or as a copy of the active one. Audited as
 * policy.draft_created with the paths it changes against the active policy.
 */
export async function createPolicyDraft({ store, actor, document, note = null }: CreatePolicyDraftOptions): Promise<PolicyVersion> {
  if (document) assertValidPolicy(document)
  const by = actorLabel(actor)
  try {
    return await withTransaction(store.db, async (trx) => {
      const active = await findActivePolicyVersion(trx)
      const base = document ?? active?.document
      if (!base) throw new AppError('conflict', 'no policy version is active to copy: send a document')
      const id = crypto.randomUUID()
      const version = await nextPolicyVersionNumber(trx)
      const now = new Date().toISOString()
      const text = canonicalJson(base)
      await insertPolicyVersion(trx, {
        id,
        version,
        status: 'draft',
        document: text,
        note: note?.trim() || null,
        created_by: by,
        created_at: now,
        updated_by: by,
        updated_at: now,
        submitted_by: null,
        submitted_at: null,
        approved_by: null,
        approved_at: null,
        rejected_by: null,
        rejected_at: null,
        rejection_reason: null,
        superseded_at: null,
      })
      const created = (await findPolicyVersion(trx, id))!
      const changes = active ? diffPolicies(active.document, created.document).map((change) => change.path) : []
      await appendAuditEntry(trx, { actor: by, action: 'policy.draft_created', entity: 'policy_version', entityId: id, after: { ...statusOf(created), basedOnVersion: active?.version ?? null, changes }, at: now })
      return created
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'another draft took this version number at the same moment; try again')
    throw error
  }
}
