import type { PolicyVersionSummary } from '../../schemas/policy.ts'
import type { Store } from '../../store/open-store.ts'
import { listPolicyVersions as listVersions } from '../../store/repositories/policy-versions.ts'

export type PolicyVersionList = {
  items: PolicyVersionSummary[]
  /** `user:<id>` → the user's name (else email), for every user who made, submitted, approved or rejected a version. */
  actorNames: Record<string, string>
}

/** Every version of the policy, newest first, without their documents, with the names of the users behind them. */
export async function listPolicyVersions({ store }: { store: Store }): Promise<PolicyVersionList> {
  const items = (await listVersions(store.db)).map(({ document: _document, ...summary }) => summary)
  const labels = new Set(items.flatMap((v) => [v.createdBy, v.updatedBy, v.submittedBy, v.approvedBy, v.rejectedBy]).filter((label): label is string => label?.startsWith('user:') ?? false))
  const ids = [...labels].map((label) => label.slice('user:'.length))
  const users = ids.length === 0 ? [] : await store.db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute()
  return { items, actorNames: Object.fromEntries(users.map((user) => [`user:${user.id}`, user.name || user.email])) }
}
