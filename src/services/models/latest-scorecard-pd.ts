import type { Store } from '../../store/open-store.ts'
import { findLatestApprovedModel } from '../../store/repositories/models.ts'
import { customerFeatures } from './customer-features.ts'
import { scoreFeatureRecords } from './score-features.ts'

export type LatestScorecardPdOptions = { store: Store; customerId: string; /** The day ageYears is counted to; today by default. */ asOf?: string }

export type ScorecardPd = { modelId: string; name: string; version: number; score: number; pd: number; missing: string[] }

/**
 * The approved scorecard's score and PD for a customer, computed from its features now (an
 * assessment's scorecard signal), or null when no model is approved. Stores nothing.
 */
export async function latestScorecardPd({ store, customerId, asOf }: LatestScorecardPdOptions): Promise<ScorecardPd | null> {
  const model = await findLatestApprovedModel(store.db)
  if (!model) return null
  const features = await customerFeatures({ store, customerId, asOf })
  const [scored] = scoreFeatureRecords(model.scorecard, [features])
  return { modelId: model.id, name: model.name, version: model.version, score: scored!.score, pd: scored!.pd, missing: scored!.missing }
}
