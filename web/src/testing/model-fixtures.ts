import type { ModelDetail, ModelSummary } from '../api/types.ts'

/** Registry entries as GET /api/v1/models sends them (the shape agreed for issue #4). */
export function modelSummary(overrides: Partial<ModelSummary> = {}): ModelSummary {
  return {
    id: 'm1',
    name: 'SME application',
    version: 1,
    status: 'draft',
    trainedBy: 'user:u1',
    trainedAt: '2025-03-01T06:05:00.000Z',
    dataSha256: 'a'.repeat(64),
    rows: 5000,
    target: 'class',
    bad: 'bad',
    metrics: {
      train: { rows: 3500, bads: 350, auc: 0.812, gini: 0.624, ks: 0.471, psi: null },
      holdout: { rows: 1500, bads: 150, auc: 0.7912, gini: 0.5824, ks: 0.4433, psi: 0.031 },
    },
    approvedBy: null,
    approvedAt: null,
    retiredAt: null,
    ...overrides,
  }
}

export function modelDetail(overrides: Partial<ModelDetail> = {}): ModelDetail {
  const summary = modelSummary()
  return {
    ...summary,
    scorecard: {
      format: 'fengkong-scorecard/1',
      about: '',
      trainedAt: summary.trainedAt,
      target: { column: 'class', bad: 'bad' },
      data: { sha256: summary.dataSha256, rows: 5000, trainRows: 3500, holdoutRows: 1500, holdout: { kind: 'fraction', fraction: 0.3, seed: 1 } },
      options: { binning: { prebins: 20, minBinShare: 0.05, maxBins: 8, minCategoryShare: 0.02 }, ivThreshold: 0.02, entrySignificance: 0.15, l2: 1, woeSmoothing: 0.5 },
      scaling: { basePoints: 600, baseOdds: 50, pdo: 20, factor: 28.85, offset: 487.12 },
      intercept: { coefficient: -2.2, points: 512.3 },
      features: [
        {
          name: 'yearsTrading',
          type: 'numeric',
          trend: 'falling',
          iv: 0.2113,
          coefficient: -0.9,
          bins: [
            { kind: 'range', lower: null, upper: 3, label: '< 3', missing: true, goods: 800, bads: 150, badRate: 0.158, woe: -0.52, iv: 0.07, points: -13.5 },
            { kind: 'range', lower: 3, upper: null, label: '>= 3', missing: false, goods: 2350, bads: 200, badRate: 0.078, woe: 0.27, iv: 0.04, points: 7 },
          ],
        },
      ],
      candidates: [],
      fit: { iterations: 6, converged: true, logLikelihood: -1000 },
      metrics: summary.metrics,
      calibration: { rows: 'holdout', groups: [] },
      scoreDistribution: { edges: [], shares: [1] },
    },
    validation: {
      rows: 'holdout',
      roc: [
        { fpr: 0, tpr: 0 },
        { fpr: 0.2, tpr: 0.6 },
        { fpr: 1, tpr: 1 },
      ],
      ks: [
        { score: 500, cumBad: 0.4, cumGood: 0.1 },
        { score: 600, cumBad: 0.9, cumGood: 0.5 },
        { score: 700, cumBad: 1, cumGood: 1 },
      ],
      calibration: [],
    },
    ...overrides,
  }
}
