import { AppError } from '../../app-error.ts'
import type { PolicyVersion } from '../../schemas/policy.ts'
import type { Store } from '../../store/open-store.ts'
import { findPolicyVersion } from '../../store/repositories/policy-versions.ts'
import { activeVersionOrThrow } from './policy-version-work.ts'

export type GetPolicyVersionOptions = { store: Store; versionId: string }

/** One version of the policy with its document. */
export async function getPolicyVersion({ store, versionId }: GetPolicyVersionOptions): Promise<PolicyVersion> {
  const version = await findPolicyVersion(store.db, versionId)
  if (!version) throw new AppError('not_found', `no policy version ${versionId}`)
  return version
}

/** The active version with its document. */
export async function getActivePolicy({ store }: { store: Store }): Promise<PolicyVersion> {
  return activeVersionOrThrow(store.db)
}
