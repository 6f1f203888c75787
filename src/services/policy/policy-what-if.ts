import { whatIf } from '../../domain/policy/index.ts'
import type { PolicyWhatIf } from '../../schemas/policy.ts'
import type { Store } from '../../store/open-store.ts'
import { getPolicyVersion } from './get-policy-version.ts'
import { activeVersionOrThrow } from './policy-version-work.ts'
import { readPortfolioFacts } from './read-portfolio-facts.ts'

export type PolicyWhatIfOptions = { store: Store; versionId: string }

export type { PolicyWhatIf }

/**
 * Runs a version of the policy (usually a draft) over the current portfolio beside the active
 * one: every customer's latest assessment inputs rated by both (src/domain/policy/what-if.ts).
 * It reads and changes nothing else, so it is not audited.
 */
export async function policyWhatIf({ store, versionId }: PolicyWhatIfOptions): Promise<PolicyWhatIf> {
  const candidate = await getPolicyVersion({ store, versionId })
  const active = await activeVersionOrThrow(store.db)
  const customers = await readPortfolioFacts({ store })
  return {
    active: { id: active.id, version: active.version },
    candidate: { id: candidate.id, version: candidate.version, status: candidate.status },
    ...whatIf({ customers, active: active.document, candidate: candidate.document }),
  }
}
