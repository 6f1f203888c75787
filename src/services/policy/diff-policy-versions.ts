import { diffPolicies, type PolicyChange } from '../../domain/policy/index.ts'
import type { Store } from '../../store/open-store.ts'
import { getPolicyVersion } from './get-policy-version.ts'

export type DiffPolicyVersionsOptions = { store: Store; fromId: string; toId: string }

export type PolicyVersionsDiff = { from: { id: string; version: number }; to: { id: string; version: number }; changes: PolicyChange[] }

/** What changed from one version of the policy to another: one entry per field, with its value in each. */
export async function diffPolicyVersions({ store, fromId, toId }: DiffPolicyVersionsOptions): Promise<PolicyVersionsDiff> {
  const from = await getPolicyVersion({ store, versionId: fromId })
  const to = await getPolicyVersion({ store, versionId: toId })
  return { from: { id: from.id, version: from.version }, to: { id: to.id, version: to.version }, changes: diffPolicies(from.document, to.document) }
}
