import { AppError, type ErrorDetail } from '../../app-error.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import { validatePolicy, versionNameProblems, type RiskPolicy } from '../../domain/policy/index.ts'
import type { PolicyVersion } from '../../schemas/policy.ts'
import type { Store } from '../../store/open-store.ts'
import { findActivePolicyVersion, findPolicyVersion } from '../../store/repositories/policy-versions.ts'
import type { Database } from '../../store/schema.ts'
import type { Kysely } from 'kysely'

/** What the ledger keeps of a version's status change. */
export function statusOf(version: PolicyVersion): { [key: string]: JsonValue } {
  return {
    id: version.id,
    version: version.version,
    status: version.status,
    createdBy: version.createdBy,
    updatedBy: version.updatedBy,
    submittedBy: version.submittedBy,
    approvedBy: version.approvedBy,
    rejectedBy: version.rejectedBy,
  }
}

/** Throws a 400 naming every field of the document that is wrong; with `active`, also the version names that must change. */
export function assertValidPolicy(document: RiskPolicy, active: RiskPolicy | null = null): void {
  const problems = [...validatePolicy(document), ...(active ? versionNameProblems(active, document) : [])]
  if (problems.length === 0) return
  const details: ErrorDetail[] = problems.map(({ path, message }) => ({ path: `document.${path}`, message }))
  throw new AppError('validation_failed', `the policy is not valid: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`, { details })
}

/** The version, held for update until the transaction ends; 404 when there is none. */
export async function lockPolicyVersion(trx: Kysely<Database>, dialect: Store['dialect'], id: string): Promise<PolicyVersion> {
  const version = await findPolicyVersion(trx, id, { lock: dialect })
  if (!version) throw new AppError('not_found', `no policy version ${id}`)
  return version
}

export async function activeVersionOrThrow(db: Kysely<Database>): Promise<PolicyVersion> {
  const active = await findActivePolicyVersion(db)
  if (!active) throw new AppError('conflict', 'no policy version is active')
  return active
}
