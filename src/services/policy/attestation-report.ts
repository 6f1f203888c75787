import type { Store } from '../../store/open-store.ts'
import { activeVersionOrThrow } from './policy-version-work.ts'

export type AttestationUser = { id: string; email: string; name: string; role: string }

export type AttestationReport = {
  policyVersionId: string
  version: number
  /** Active users who acknowledged the active version, by when. */
  attested: (AttestationUser & { attestedAt: string })[]
  /** Active users who have not: the ones to chase. */
  notAttested: AttestationUser[]
}

/** Who among the active users has acknowledged the active policy version, and who has not, each by email. */
export async function attestationReport({ store }: { store: Store }): Promise<AttestationReport> {
  const active = await activeVersionOrThrow(store.db)
  const users = await store.db
    .selectFrom('users')
    .leftJoin('policy_attestations', (join) => join.onRef('policy_attestations.user_id', '=', 'users.id').on('policy_attestations.policy_version_id', '=', active.id))
    .select(['users.id', 'users.email', 'users.name', 'users.role', 'policy_attestations.attested_at'])
    .where('users.active', '=', 1)
    .orderBy('users.email')
    .execute()
  const report: AttestationReport = { policyVersionId: active.id, version: active.version, attested: [], notAttested: [] }
  for (const { attested_at: attestedAt, ...user } of users) {
    if (attestedAt) report.attested.push({ ...user, attestedAt })
    else report.notAttested.push(user)
  }
  return report
}
