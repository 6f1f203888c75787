import type { Store } from '../../store/open-store.ts'
import { activeVersionOrThrow } from './policy-version-work.ts'

export type MyAttestation = { policyVersionId: string; version: number; attestedAt: string | null }

/** Whether the user has acknowledged the active version, and when. */
export async function getMyAttestation({ store, userId }: { store: Store; userId: string }): Promise<MyAttestation> {
  const active = await activeVersionOrThrow(store.db)
  const row = await store.db.selectFrom('policy_attestations').select('attested_at').where('policy_version_id', '=', active.id).where('user_id', '=', userId).executeTakeFirst()
  return { policyVersionId: active.id, version: active.version, attestedAt: row?.attested_at ?? null }
}
