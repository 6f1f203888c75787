import { canonicalJson } from '../../domain/audit/index.ts'
import type { PortfolioScore } from '../../schemas/model.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { upsertModelScores } from '../../store/repositories/model-scores.ts'
import type { ModelScoreTable } from '../../store/schema.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { portfolioFeatures } from './customer-features.ts'
import { scoreFeatureRecords, scoringModel } from './score-features.ts'

export type ScorePortfolioOptions = {
  store: Store
  actor: Actor
  modelId: string
  /** The day ageYears is counted to (YYYY-MM-DD); today by default. */
  asOf?: string
}

/**
 * Scores every customer with one model: features are read a page of customers at a time
 * (three queries a page) and scored a page at a time; then, in one transaction, every
 * customer's score replaces its previous one by this model and one `model.portfolio_scored`
 * entry records the counts. Answers how many were scored, the mean PD and the spread of the
 * scores by decile.
 */
export async function scorePortfolio({ store, actor, modelId, asOf }: ScorePortfolioOptions): Promise<PortfolioScore> {
  const model = await scoringModel(store, modelId)
  const scoredAt = new Date().toISOString()
  const rows: ModelScoreTable[] = []
  const missingCounts: Record<string, number> = {}
  for await (const page of portfolioFeatures({ store, asOf })) {
    const scored = scoreFeatureRecords(model.scorecard, page.map((customer) => customer.features))
    scored.forEach(({ score, pd, reasons, missing }, i) => {
      rows.push({ model_id: model.id, customer_id: page[i]!.customerId, score, pd, reasons: canonicalJson(reasons), scored_at: scoredAt })
      for (const feature of missing) missingCounts[feature] = (missingCounts[feature] ?? 0) + 1
    })
  }
  const meanPd = rows.length === 0 ? null : rows.reduce((sum, row) => sum + row.pd, 0) / rows.length
  const summary: PortfolioScore = { modelId: model.id, name: model.name, version: model.version, scored: rows.length, meanPd, scoredAt, distribution: byDecile(rows) }
  return withTransaction(store.db, async (trx) => {
    await upsertModelScores(trx, rows)
    await appendAuditEntry(trx, {
      actor: actorLabel(actor),
      action: 'model.portfolio_scored',
      entity: 'model',
      entityId: model.id,
      after: { modelId: model.id, name: model.name, version: model.version, scored: rows.length, meanPd, missing: missingCounts },
      at: scoredAt,
    })
    return summary
  })
}

/** The scores cut into ten groups of (nearly) equal size, lowest (riskiest) first; fewer when there are fewer customers. */
function byDecile(rows: readonly ModelScoreTable[]): PortfolioScore['distribution'] {
  const sorted = [...rows].sort((a, b) => a.score - b.score)
  const n = sorted.length
  const groups: PortfolioScore['distribution'] = []
  for (let g = 0; g < 10; g += 1) {
    const part = sorted.slice(Math.floor((g * n) / 10), Math.floor(((g + 1) * n) / 10))
    if (part.length === 0) continue
    groups.push({ decile: g + 1, customers: part.length, minScore: part[0]!.score, maxScore: part[part.length - 1]!.score, meanPd: part.reduce((sum, row) => sum + row.pd, 0) / part.length })
  }
  return groups
}
