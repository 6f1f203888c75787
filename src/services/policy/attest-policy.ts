import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { activeVersionOrThrow } from './policy-version-work.ts'

export type AttestPolicyOptions = { store: Store; actor: Actor }

export type PolicyAttestation = { policyVersionId: string; version: number; userId: string; attestedAt: string }

/**
 * The signed-in user acknowledges that they have read the active policy version. Once per
 * user and version: attesting again answers the first attestation and writes nothing.
 * Audited as policy.attested.
 */
export async function attestPolicy({ store, actor }: AttestPolicyOptions): Promise<PolicyAttestation> {
  if (actor.kind !== 'user') throw new AppError('forbidden', 'only a user can attest the policy')
  const userId = actor.userId
  return withTransaction(store.db, async (trx) => {
    const active = await activeVersionOrThrow(trx)
    const existing = await trx.selectFrom('policy_attestations').selectAll().where('policy_version_id', '=', active.id).where('user_id', '=', userId).executeTakeFirst()
    if (existing) return { policyVersionId: active.id, version: active.version, userId, attestedAt: existing.attested_at }
    const now = new Date().toISOString()
    await trx.insertInto('policy_attestations').values({ policy_version_id: active.id, user_id: userId, attested_at: now }).execute()
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'policy.attested', entity: 'policy_version', entityId: active.id, after: { policyVersionId: active.id, version: active.version, userId }, at: now })
    return { policyVersionId: active.id, version: active.version, userId, attestedAt: now }
  })
}
