import { describe, expect, it } from 'vitest'
import {
  calibrationByDecile,
  parseScorecardModel,
  pdOfScore,
  scalingConstants,
  SCORECARD_FORMAT,
  scoreRows,
  type Dataset,
  type ScorecardBin,
  type ScorecardModel,
} from '../../../src/domain/scoring/scorecard/index.ts'

const bin = (rule: Partial<ScorecardBin>, points: number, missing = false): ScorecardBin =>
  ({ label: '', goods: 1, bads: 1, badRate: 0.5, woe: 0, iv: 0, missing, points, ...rule }) as ScorecardBin

/** Two features: income (numeric, 3 ranges + a missing bin) and region (categorical, "other" with B). */
function handModel(): ScorecardModel {
  return {
    format: SCORECARD_FORMAT,
    about: '',
    trainedAt: null,
    target: { column: 'bad', bad: '1' },
    data: { sha256: null, rows: 0, trainRows: 0, holdoutRows: 0, holdout: { kind: 'rows' } },
    options: { binning: { prebins: 20, minBinShare: 0.05, maxBins: 8, minCategoryShare: 0.02 }, ivThreshold: 0.02, entrySignificance: 0.05, l2: 1, woeSmoothing: 0.5 },
    scaling: scalingConstants(),
    intercept: { coefficient: 0, points: 500 },
    features: [
      {
        name: 'income',
        type: 'numeric',
        trend: 'falling',
        iv: 0.3,
        coefficient: -1,
        bins: [bin({ kind: 'range', lower: null, upper: 10 }, -10), bin({ kind: 'range', lower: 10, upper: 20 }, 5), bin({ kind: 'range', lower: 20, upper: null }, 20), bin({ kind: 'missing' }, -15, true)],
      },
      {
        name: 'region',
        type: 'categorical',
        trend: null,
        iv: 0.1,
        coefficient: -1,
        bins: [bin({ kind: 'categories', categories: ['north'], other: false }, 10), bin({ kind: 'categories', categories: ['south'], other: true }, -5, true)],
      },
    ],
    candidates: [],
    fit: { iterations: 1, converged: true, logLikelihood: 0 },
    metrics: { train: { rows: 0, bads: 0, auc: 0.5, gini: 0, ks: 0, psi: null }, holdout: null },
    calibration: { rows: 'train', groups: [] },
    scoreDistribution: { edges: [500], shares: [0.5, 0.5] },
  }
}

const data: Dataset = {
  rows: 5,
  columns: [
    { kind: 'numeric', name: 'income', values: Float64Array.from([25, 9.99, 10, NaN, 15]) },
    { kind: 'categorical', name: 'region', levels: ['north', 'south', 'east'], codes: Int32Array.from([0, 1, 2, -1, 0]) },
  ],
}

describe('scoring rows', () => {
  it('adds the base points and the points of each value\'s bin, with unseen categories in "other" and missing values in the missing bin', () => {
    const scored = scoreRows(handModel(), data)
    // 500 + 20 + 10; 500 − 10 − 5; 500 + 5 − 5 (east is unseen: "other"); 500 − 15 − 5 (both missing); 500 + 5 + 10
    expect(Array.from(scored.score)).toEqual([530, 485, 500, 480, 515])
    expect(scored.pd[2]).toBeCloseTo(pdOfScore(500, scalingConstants()), 12)
  })

  it('gives as reasons the features that cost the most points against their best bin, largest first', () => {
    const scored = scoreRows(handModel(), data)
    const reasons = (row: number) => Array.from({ length: 3 }, (_, k) => [scored.reasons[row * 3 + k], scored.pointsLost[row * 3 + k]])
    expect(reasons(0)).toEqual([[-1, 0], [-1, 0], [-1, 0]]) // best bin everywhere: no reasons
    expect(reasons(1)).toEqual([[0, 30], [1, 15], [-1, 0]]) // income lost 20 − (−10), region 10 − (−5)
    expect(reasons(3)).toEqual([[0, 35], [1, 15], [-1, 0]])
    expect(reasons(4)).toEqual([[0, 15], [-1, 0], [-1, 0]])
  })

  it('refuses data that lacks a feature or holds the wrong kind', () => {
    expect(() => scoreRows(handModel(), { rows: 5, columns: [data.columns[0]!] })).toThrow(/no column "region"/)
    const textIncome = { kind: 'categorical' as const, name: 'income', levels: ['x'], codes: Int32Array.from([0, 0, 0, 0, 0]) }
    expect(() => scoreRows(handModel(), { rows: 5, columns: [textIncome, data.columns[1]!] })).toThrow(/income is numeric/)
  })
})

describe('reading a model', () => {
  it('accepts a complete model, also after a JSON round trip', () => {
    expect(parseScorecardModel(JSON.parse(JSON.stringify(handModel()))).features).toHaveLength(2)
  })

  it.each([
    ['another format', (m: ScorecardModel) => ((m as { format: string }).format = 'fengkong-scorecard/2'), /format/],
    ['no features', (m: ScorecardModel) => (m.features = []), /non-empty/],
    ['a gap between ranges', (m: ScorecardModel) => ((m.features[0]!.bins[1] as { lower: number }).lower = 11), /must start where/],
    ['an unbounded end missing', (m: ScorecardModel) => ((m.features[0]!.bins[2] as { upper: number | null }).upper = 99), /unbounded/],
    ['two bins for missing values', (m: ScorecardModel) => (m.features[0]!.bins[0]!.missing = true), /exactly one bin must take missing/],
    ['no "other" bin', (m: ScorecardModel) => ((m.features[1]!.bins[1] as { other: boolean }).other = false), /other categories/],
    ['a category twice', (m: ScorecardModel) => ((m.features[1]!.bins[1] as { categories: string[] }).categories = ['north']), /two bins/],
    ['points that are not numbers', (m: ScorecardModel) => ((m.features[1]!.bins[0] as { points: unknown }).points = 'ten'), /finite points/],
  ])('refuses a model with %s', (_, spoil, message) => {
    const model = handModel()
    spoil(model)
    expect(() => parseScorecardModel(JSON.parse(JSON.stringify(model)))).toThrow(message)
  })
})

describe('calibration by decile', () => {
  it('cuts rows sorted by score into ten groups, riskiest first, with mean PD against the observed bad rate', () => {
    const scores = Array.from({ length: 100 }, (_, i) => 400 + i)
    const pd = scores.map((s) => (500 - s) / 100) // 1.00 down to 0.01
    const bad = scores.map((_, i) => (i < 10 || i % 10 === 0 ? 1 : 0)) // the first ten all bad, then one in ten
    const groups = calibrationByDecile(scores, pd, bad)
    expect(groups).toHaveLength(10)
    expect(groups[0]).toMatchObject({ group: 1, rows: 10, minScore: 400, maxScore: 409, observedBadRate: 1, bads: 10 })
    expect(groups[0]!.predictedPd).toBeCloseTo(0.955, 12)
    expect(groups[9]).toMatchObject({ group: 10, minScore: 490, maxScore: 499, observedBadRate: 0.1 })
  })
})
