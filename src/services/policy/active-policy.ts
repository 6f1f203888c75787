import type { Kysely } from 'kysely'
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../../domain/policy/index.ts'
import type { Store } from '../../store/open-store.ts'
import type { Database } from '../../store/schema.ts'

export type ActivePolicy = {
  /** Null only when the store holds no active version (the migration seeds one; see docs/policy.md). */
  id: string | null
  version: number
  policy: RiskPolicy
}

/** What an assessment uses when no version is active: the default policy, version 0. */
const BUILT_IN: ActivePolicy = { id: null, version: 0, policy: DEFAULT_RISK_POLICY }

/** The parsed active document per database, so an assessment does not parse the policy again. */
const cache = new WeakMap<Kysely<Database>, ActivePolicy>()

/**
 * The active policy, as assessments use it. One small query per call reads which version is
 * active; its document is parsed only when that changed, so a version activated by another
 * process (the CLI, a second server) is picked up at the next assessment. Activating a
 * version here also forgets the cached one (forgetActivePolicy).
 */
export async function activePolicy(store: Pick<Store, 'db'>): Promise<ActivePolicy> {
  const head = await store.db.selectFrom('policy_versions').select(['id', 'version']).where('status', '=', 'active').executeTakeFirst()
  if (!head) return BUILT_IN
  const cached = cache.get(store.db)
  if (cached && cached.id === head.id) return cached
  const row = await store.db.selectFrom('policy_versions').select(['id', 'version', 'document']).where('id', '=', head.id).executeTakeFirstOrThrow()
  const active: ActivePolicy = { id: row.id, version: Number(row.version), policy: JSON.parse(row.document) as RiskPolicy }
  cache.set(store.db, active)
  return active
}

/** Drops the cached document: called when a version is activated. */
export function forgetActivePolicy(store: Pick<Store, 'db'>): void {
  cache.delete(store.db)
}
