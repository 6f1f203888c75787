import type { BinningOptions, BinRule } from './binning.ts'
import type { CalibrationGroup } from './calibration.ts'
import type { ScalingConstants } from './points.ts'
import type { ScoreDistribution } from './psi.ts'

/**
 * A trained scorecard as it is saved (JSON) and read back. It explains every point: a row's
 * score is `intercept.points` plus, for each feature, the `points` of the bin its value falls
 * in; PD = 1 / (1 + odds) with odds = baseOdds · 2^((score − basePoints) / pdo).
 */
export const SCORECARD_FORMAT = 'fengkong-scorecard/1'

export const SCORECARD_ABOUT =
  'A credit scorecard. score = intercept.points + the points of the one bin each feature\'s value falls in ' +
  '(numeric bins hold lower <= x < upper, null meaning unbounded; categorical bins list their categories; ' +
  'missing values go to the bin with missing=true, categories listed nowhere to the bin with other=true). ' +
  'odds(good:bad) = scaling.baseOdds * 2^((score - scaling.basePoints) / scaling.pdo), PD = 1 / (1 + odds). ' +
  'points = -scaling.factor * coefficient * woe, woe = ln(share of goods / share of bads) in the bin (training rows). ' +
  'scoreDistribution holds the training scores\' decile bins for the population stability index.'

export type ScorecardBin = BinRule & {
  label: string
  /** Missing values fall in this bin. */
  missing: boolean
  goods: number
  bads: number
  badRate: number
  woe: number
  /** This bin's part of the feature's information value. */
  iv: number
  points: number
}

export type ScorecardFeature = {
  name: string
  type: 'numeric' | 'categorical'
  trend: 'rising' | 'falling' | null
  iv: number
  coefficient: number
  bins: ScorecardBin[]
}

export type CandidateFeature = {
  name: string
  type: 'numeric' | 'categorical'
  iv: number
  bins: number
  selected: boolean
  reason: string
}

export type ScorecardMetrics = { rows: number; bads: number; auc: number; gini: number; ks: number; psi: number | null }

export type HoldoutDescription = { kind: 'fraction'; fraction: number; seed: number } | { kind: 'column'; column: string } | { kind: 'rows' }

export type ScorecardModel = {
  format: typeof SCORECARD_FORMAT
  about: string
  trainedAt: string | null
  target: { column: string; bad: string }
  data: { sha256: string | null; rows: number; trainRows: number; holdoutRows: number; holdout: HoldoutDescription }
  options: { binning: BinningOptions; ivThreshold: number; entrySignificance: number; l2: number; woeSmoothing: number }
  scaling: ScalingConstants
  intercept: { coefficient: number; points: number }
  features: ScorecardFeature[]
  candidates: CandidateFeature[]
  fit: { iterations: number; converged: boolean; logLikelihood: number }
  metrics: { train: ScorecardMetrics; holdout: ScorecardMetrics | null }
  calibration: { rows: 'holdout' | 'train'; groups: CalibrationGroup[] }
  scoreDistribution: ScoreDistribution
}

/**
 * Reads a model from parsed JSON, checking what scoring relies on: the format, the scaling,
 * and for every feature a complete set of bins (numeric ranges that tile the line in order,
 * categorical bins with one `other`, exactly one bin for missing values) with finite points.
 */
export function parseScorecardModel(json: unknown): ScorecardModel {
  const model = json as ScorecardModel
  const fail = (message: string): never => {
    throw new Error(`not a usable scorecard model: ${message}`)
  }
  if (typeof json !== 'object' || json === null) fail('expected a JSON object')
  if (model.format !== SCORECARD_FORMAT) fail(`format is ${JSON.stringify(model.format)}, expected "${SCORECARD_FORMAT}"`)
  const scaling = model.scaling
  if (!scaling || ![scaling.basePoints, scaling.baseOdds, scaling.pdo, scaling.factor, scaling.offset].every(Number.isFinite)) fail('scaling needs finite basePoints, baseOdds, pdo, factor and offset')
  if (!model.intercept || !Number.isFinite(model.intercept.points)) fail('intercept.points must be a number')
  if (!Array.isArray(model.features) || model.features.length === 0) fail('features must be a non-empty list')
  const names = new Set<string>()
  for (const feature of model.features) {
    const where = `feature ${JSON.stringify(feature?.name)}`
    if (typeof feature?.name !== 'string' || names.has(feature.name)) fail(`${where}: every feature needs a distinct name`)
    names.add(feature.name)
    if (feature.type !== 'numeric' && feature.type !== 'categorical') fail(`${where}: type must be numeric or categorical`)
    if (!Array.isArray(feature.bins) || feature.bins.length === 0) fail(`${where}: bins must be a non-empty list`)
    if (feature.bins.some((bin) => !Number.isFinite(bin?.points))) fail(`${where}: every bin needs finite points`)
    if (feature.bins.filter((bin) => bin.missing === true).length !== 1) fail(`${where}: exactly one bin must take missing values`)
    if (feature.type === 'numeric') checkRanges(feature, fail)
    else checkCategories(feature, fail)
  }
  const distribution = model.scoreDistribution
  if (!distribution || !Array.isArray(distribution.edges) || !Array.isArray(distribution.shares) || distribution.shares.length !== distribution.edges.length + 1) {
    fail('scoreDistribution needs edges and one more share than edges')
  }
  if (!model.target || typeof model.target.column !== 'string' || typeof model.target.bad !== 'string') fail('target needs column and bad')
  return model
}

function checkRanges(feature: ScorecardFeature, fail: (message: string) => never): void {
  const ranges = feature.bins.filter((bin) => bin.kind === 'range')
  if (feature.bins.some((bin) => bin.kind !== 'range' && bin.kind !== 'missing')) fail(`feature ${feature.name}: a numeric feature has range bins and at most a missing bin`)
  if (ranges.length === 0 || ranges[0]!.lower !== null || ranges[ranges.length - 1]!.upper !== null) fail(`feature ${feature.name}: the ranges must start and end unbounded`)
  for (let b = 1; b < ranges.length; b += 1) {
    const upper = ranges[b - 1]!.upper
    if (typeof upper !== 'number' || upper !== ranges[b]!.lower || (b > 1 && upper <= (ranges[b - 1]!.lower as number))) fail(`feature ${feature.name}: range ${b + 1} must start where range ${b} ends, in ascending order`)
  }
}

function checkCategories(feature: ScorecardFeature, fail: (message: string) => never): void {
  const seen = new Set<string>()
  let others = 0
  for (const bin of feature.bins) {
    if (bin.kind === 'missing') continue
    if (bin.kind !== 'categories' || !Array.isArray(bin.categories)) return fail(`feature ${feature.name}: a categorical feature has category bins and at most a missing bin`)
    for (const category of bin.categories) {
      if (seen.has(category)) fail(`feature ${feature.name}: category ${JSON.stringify(category)} is in two bins`)
      seen.add(category)
    }
    if (bin.other) others += 1
  }
  if (others !== 1) fail(`feature ${feature.name}: exactly one bin must take other categories`)
}

/** A bin's values in words: `< 12`, `[12, 24)`, `>= 24`, `A, B`, `(other)`, `(missing)`. */
export function binLabel(rule: BinRule, missing: boolean): string {
  let label: string
  if (rule.kind === 'missing') return '(missing)'
  if (rule.kind === 'range') {
    if (rule.lower === null && rule.upper === null) label = 'any value'
    else if (rule.lower === null) label = `< ${rule.upper}`
    else if (rule.upper === null) label = `>= ${rule.lower}`
    else label = `[${rule.lower}, ${rule.upper})`
  } else {
    label = [...rule.categories, ...(rule.other ? ['(other)'] : [])].join(', ')
  }
  return missing ? `${label}, (missing)` : label
}
