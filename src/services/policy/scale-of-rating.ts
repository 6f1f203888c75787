import type { Kysely } from 'kysely'
import type { RiskPolicy } from '../../domain/policy/index.ts'
import { DEFAULT_MASTER_SCALE, type MasterScale } from '../../domain/scoring/index.ts'
import type { Database } from '../../store/schema.ts'

/**
 * The master scale a stored rating was graded on: the scale of the policy version the
 * assessment names (inputs.policyVersion), else the newest policy version whose scale has the
 * rating's scale version, else the built-in default (assessments made before the policy).
 */
export async function scaleOfRating(db: Kysely<Database>, { scaleVersion, policyVersion }: { scaleVersion: string; policyVersion: number | null }): Promise<MasterScale> {
  let query = db.selectFrom('policy_versions').select('document').orderBy('version', 'desc')
  if (policyVersion !== null) query = query.where('version', '=', policyVersion)
  for (const row of await query.execute()) {
    const scale = (JSON.parse(row.document) as RiskPolicy).masterScale
    if (scale.version === scaleVersion) return scale
  }
  return DEFAULT_MASTER_SCALE
}
