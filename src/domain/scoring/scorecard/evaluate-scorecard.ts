import { auc, gini } from './auc.ts'
import type { Dataset } from './dataset.ts'
import { kolmogorovSmirnov } from './ks.ts'
import type { ScorecardModel } from './model.ts'
import { psiAgainst } from './psi.ts'
import { scoreRows } from './score-rows.ts'

/**
 * How well a scorecard ranks rows whose outcome is known: AUC, Gini, KS, and the PSI of their
 * scores against the training distribution saved in the model.
 */
export type ScorecardEvaluation = { auc: number; gini: number; ks: number; psi: number; rows: number }

export function evaluateScorecard(model: ScorecardModel, dataset: Dataset, bad: Uint8Array): ScorecardEvaluation {
  if (bad.length !== dataset.rows) throw new Error(`the target has ${bad.length} values for ${dataset.rows} rows`)
  const scored = scoreRows(model, dataset)
  const metrics = rankingMetrics(scored.pd, bad)
  return { auc: metrics.auc, gini: metrics.gini, ks: metrics.ks, psi: psiAgainst(model.scoreDistribution, scored.score), rows: dataset.rows }
}

/** AUC, Gini and KS of PDs against outcomes (1 = bad). */
export function rankingMetrics(pd: ArrayLike<number>, bad: ArrayLike<number>): { rows: number; bads: number; auc: number; gini: number; ks: number } {
  let bads = 0
  for (let i = 0; i < bad.length; i += 1) bads += bad[i] === 1 ? 1 : 0
  if (bads === 0 || bads === bad.length) throw new Error(`ranking needs both bads and goods (${bad.length} rows, ${bads} bad)`)
  const area = auc(pd, bad)
  return { rows: pd.length, bads, auc: area, gini: gini(area), ks: kolmogorovSmirnov(pd, bad).ks }
}
