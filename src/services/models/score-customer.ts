import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import type { CustomerScore } from '../../schemas/model.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { upsertModelScores } from '../../store/repositories/model-scores.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { customerFeatures } from './customer-features.ts'
import { pointsOf, scoreFeatureRecords, scoringModel } from './score-features.ts'

export type ScoreCustomerOptions = {
  store: Store
  actor: Actor
  customerId: string
  /** A model of the registry; by default the approved one (409 when none is). */
  modelId?: string | null
  /** The day ageYears is counted to (YYYY-MM-DD); today by default. */
  asOf?: string
}

/**
 * Scores one customer with a scorecard from what is stored about it now: the score, PD, the
 * three reasons that cost the most points, every feature's points and the features it lacked.
 * The score replaces the customer's previous one by this model, and is audited as
 * `model.customer_scored`, so it shows on the customer's timeline.
 */
export async function scoreCustomer({ store, actor, customerId, modelId, asOf }: ScoreCustomerOptions): Promise<CustomerScore> {
  const features = await customerFeatures({ store, customerId, asOf })
  const model = await scoringModel(store, modelId)
  const [scored] = scoreFeatureRecords(model.scorecard, [features])
  const { score, pd, reasons, missing } = scored!
  const scoredAt = new Date().toISOString()
  const result: CustomerScore = {
    modelId: model.id,
    name: model.name,
    version: model.version,
    customerId,
    score,
    pd,
    reasons,
    basePoints: model.scorecard.intercept.points,
    points: pointsOf(model.scorecard, features),
    missing,
    scoredAt,
  }
  return withTransaction(store.db, async (trx) => {
    await upsertModelScores(trx, [{ model_id: model.id, customer_id: customerId, score, pd, reasons: canonicalJson(reasons), scored_at: scoredAt }])
    await appendAuditEntry(trx, {
      actor: actorLabel(actor),
      action: 'model.customer_scored',
      entity: 'model',
      entityId: model.id,
      after: { customerId, modelId: model.id, name: model.name, version: model.version, score, pd, reasons, missing } as unknown as JsonValue,
      at: scoredAt,
    })
    return result
  })
}
