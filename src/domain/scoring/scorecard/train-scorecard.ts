import { binCategorical, binNumeric, DEFAULT_BINNING_OPTIONS, type BinningOptions } from './binning.ts'
import { calibrationByDecile } from './calibration.ts'
import type { Dataset } from './dataset.ts'
import { rankingMetrics } from './evaluate-scorecard.ts'
import { randomHoldout } from './holdout-split.ts'
import { binLabel, SCORECARD_ABOUT, SCORECARD_FORMAT, type HoldoutDescription, type ScorecardFeature, type ScorecardModel } from './model.ts'
import { DEFAULT_POINTS_SCALING, scalingConstants, type PointsScaling } from './points.ts'
import { psiAgainst, scoreDistribution } from './psi.ts'
import { scoreRows } from './score-rows.ts'
import { selectFeatures, type FeatureCandidate } from './select-features.ts'
import { weightOfEvidence } from './woe.ts'

/**
 * Trains a credit scorecard the standard bank way: bin every candidate feature on the training
 * rows (binning.ts), compute each bin's WOE and the feature's IV (woe.ts), select features and
 * fit a logistic regression of "bad" on their WOE with an L2 penalty (select-features.ts,
 * logistic-regression.ts), scale the result to points (points.ts), and validate on the rows
 * held out: AUC, Gini, KS, PSI and calibration by decile.
 */
export type HoldoutOption =
  | { kind: 'fraction'; fraction: number; seed: number }
  /** Rows marked by a split column; `isHoldout` is 1 on the rows to validate on. */
  | { kind: 'column'; column: string; isHoldout: Uint8Array }
  /** Rows chosen by the caller. */
  | { kind: 'rows'; isHoldout: Uint8Array }

export type TrainScorecardOptions = {
  /** The candidate features: every column is one (leave the target and any split column out). */
  dataset: Dataset
  /** 1 on the rows that went bad. */
  bad: Uint8Array
  target: { column: string; bad: string }
  holdout?: HoldoutOption
  binning?: Partial<BinningOptions>
  ivThreshold?: number
  /** Features below the IV threshold may still enter when the score test's p-value is below this; 0 turns it off. */
  entrySignificance?: number
  l2?: number
  scaling?: Partial<PointsScaling>
  /** The SHA-256 of the training file, recorded in the model. */
  dataSha256?: string | null
  trainedAt?: string | null
  /** Told as each phase starts (and, while binning, after each feature), for a progress display. */
  onProgress?: (progress: TrainingProgress) => void
}

export type TrainingPhase = 'bin' | 'select' | 'fit' | 'validate'
/** `done` of `total` steps of the phase: features while binning, else 0 of 1. */
export type TrainingProgress = { phase: TrainingPhase; done: number; total: number }

export const DEFAULT_HOLDOUT_FRACTION = 0.3
export const DEFAULT_HOLDOUT: HoldoutOption = { kind: 'fraction', fraction: DEFAULT_HOLDOUT_FRACTION, seed: 1 }
export const DEFAULT_IV_THRESHOLD = 0.02
export const DEFAULT_ENTRY_SIGNIFICANCE = 0.15
export const DEFAULT_L2 = 1
/** Added to every cell of a feature's table when one is empty (woe.ts). */
export const WOE_SMOOTHING = 0.5

export function trainScorecard(options: TrainScorecardOptions): ScorecardModel {
  const { dataset, bad } = options
  const n = dataset.rows
  if (bad.length !== n) throw new Error(`the target has ${bad.length} values for ${n} rows`)
  const binning: BinningOptions = { ...DEFAULT_BINNING_OPTIONS, ...options.binning }
  const ivThreshold = options.ivThreshold ?? DEFAULT_IV_THRESHOLD
  const entrySignificance = options.entrySignificance ?? DEFAULT_ENTRY_SIGNIFICANCE
  const l2 = options.l2 ?? DEFAULT_L2
  const scaling = scalingConstants({ ...DEFAULT_POINTS_SCALING, ...options.scaling })
  const holdout = options.holdout ?? DEFAULT_HOLDOUT
  if (!(ivThreshold >= 0)) throw new Error(`the IV threshold must be at least 0, got ${ivThreshold}`)
  if (!(entrySignificance >= 0 && entrySignificance < 1)) throw new Error(`the entry significance must be at least 0 and below 1, got ${entrySignificance}`)
  if (!(l2 >= 0)) throw new Error(`l2 must be at least 0, got ${l2}`)

  const isHoldout = holdout.kind === 'fraction' ? randomHoldout(bad, holdout.fraction, holdout.seed) : holdout.isHoldout
  if (isHoldout.length !== n) throw new Error(`the holdout marks ${isHoldout.length} rows of ${n}`)
  const train = Uint8Array.from(isHoldout, (held) => (held === 1 ? 0 : 1))
  const trainIndex = indexWhere(train, 1)
  const trainY = Uint8Array.from(trainIndex, (i) => bad[i]!)
  const trainBads = trainY.reduce((sum, y) => sum + y, 0)
  if (trainBads === 0 || trainBads === trainIndex.length) throw new Error(`the training rows need both bads and goods (${trainIndex.length} rows, ${trainBads} bad)`)

  const report = options.onProgress ?? (() => {})
  const columns = dataset.columns.length
  report({ phase: 'bin', done: 0, total: columns })
  const candidates: FeatureCandidate[] = dataset.columns.map((column, k) => {
    const featureBinning = column.kind === 'numeric' ? binNumeric(column.values, bad, train, binning) : binCategorical(column.codes, column.levels, bad, train, binning)
    report({ phase: 'bin', done: k + 1, total: columns })
    return { name: column.name, binning: featureBinning, woe: weightOfEvidence(featureBinning.bins, WOE_SMOOTHING) }
  })
  report({ phase: 'select', done: 0, total: 1 })
  const selection = selectFeatures({ candidates, trainIndex, y: trainY, ivThreshold, entrySignificance, l2 })
  const { fit } = selection
  report({ phase: 'fit', done: 0, total: 1 })

  const features: ScorecardFeature[] = selection.selected.map((k, j) => {
    const candidate = candidates[k]!
    const coefficient = fit.coefficients[j]!
    return {
      name: candidate.name,
      type: dataset.columns[k]!.kind,
      trend: candidate.binning.trend,
      iv: round(candidate.woe.iv, 6),
      coefficient,
      bins: candidate.binning.bins.map((bin, b) => ({
        label: binLabel(bin, bin.missing),
        ...bin,
        badRate: round(bin.bads / Math.max(1, bin.goods + bin.bads), 6),
        woe: round(candidate.woe.woe[b]!, 6),
        iv: round(candidate.woe.ivByBin[b]!, 6),
        points: round(-scaling.factor * coefficient * candidate.woe.woe[b]!, 2),
      })),
    }
  })
  const model: ScorecardModel = {
    format: SCORECARD_FORMAT,
    about: SCORECARD_ABOUT,
    trainedAt: options.trainedAt ?? null,
    target: options.target,
    data: { sha256: options.dataSha256 ?? null, rows: n, trainRows: trainIndex.length, holdoutRows: n - trainIndex.length, holdout: describe(holdout) },
    options: { binning, ivThreshold, entrySignificance, l2, woeSmoothing: WOE_SMOOTHING },
    scaling,
    intercept: { coefficient: fit.intercept, points: round(scaling.offset - scaling.factor * fit.intercept, 2) },
    features,
    candidates: candidates.map((candidate, k) => ({
      name: candidate.name,
      type: dataset.columns[k]!.kind,
      iv: round(candidate.woe.iv, 6),
      bins: candidate.binning.bins.length,
      ...selection.decisions[k]!,
    })),
    fit: { iterations: fit.iterations, converged: fit.converged, logLikelihood: fit.logLikelihood },
    metrics: { train: { rows: 0, bads: 0, auc: 0, gini: 0, ks: 0, psi: null }, holdout: null },
    calibration: { rows: 'train', groups: [] },
    scoreDistribution: { edges: [], shares: [1] },
  }
  report({ phase: 'validate', done: 0, total: 1 })
  validate(model, { rows: n, columns: selection.selected.map((k) => dataset.columns[k]!) }, bad, train)
  return model
}

/**
 * Fills in the model's metrics, calibration and score distribution by scoring the rows with the
 * model as saved (points rounded), so that `model evaluate` on the same rows agrees exactly.
 */
function validate(model: ScorecardModel, dataset: Dataset, bad: Uint8Array, train: Uint8Array): void {
  const scored = scoreRows(model, dataset)
  const part = (want: number) => {
    const rows = indexWhere(train, want)
    return { score: Float64Array.from(rows, (i) => scored.score[i]!), pd: Float64Array.from(rows, (i) => scored.pd[i]!), y: Uint8Array.from(rows, (i) => bad[i]!) }
  }
  const trainPart = part(1)
  const holdoutPart = part(0)
  model.scoreDistribution = scoreDistribution(trainPart.score)
  model.metrics.train = { ...rankingMetrics(trainPart.pd, trainPart.y), psi: null }
  const holdoutHasBoth = holdoutPart.y.includes(1) && holdoutPart.y.includes(0)
  if (holdoutHasBoth) model.metrics.holdout = { ...rankingMetrics(holdoutPart.pd, holdoutPart.y), psi: round(psiAgainst(model.scoreDistribution, holdoutPart.score), 6) }
  const shown = holdoutPart.y.length > 0 ? holdoutPart : trainPart
  model.calibration = { rows: shown === holdoutPart ? 'holdout' : 'train', groups: calibrationByDecile(shown.score, shown.pd, shown.y) }
}

function describe(holdout: HoldoutOption): HoldoutDescription {
  if (holdout.kind === 'fraction') return { kind: 'fraction', fraction: holdout.fraction, seed: holdout.seed }
  if (holdout.kind === 'column') return { kind: 'column', column: holdout.column }
  return { kind: 'rows' }
}

function indexWhere(mask: Uint8Array, value: number): Int32Array {
  let count = 0
  for (let i = 0; i < mask.length; i += 1) if (mask[i] === value) count += 1
  const index = new Int32Array(count)
  for (let i = 0, k = 0; i < mask.length; i += 1) if (mask[i] === value) index[k++] = i
  return index
}

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits))
}
