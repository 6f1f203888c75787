import { findColumn, type Column, type Dataset } from './dataset.ts'
import type { ScorecardFeature, ScorecardModel } from './model.ts'
import { pdOfScore } from './points.ts'
import { upperBound } from './sorted-search.ts'

/**
 * Scores rows with a scorecard: each row's score (base points plus the points of the bin each
 * feature's value falls in, to the cent), its PD, and its reason codes — the (up to) three features that
 * cost the row the most points against the best bin of that feature, largest loss first.
 */
export const REASON_CODES = 3

export type ScoredRows = {
  rows: number
  score: Float64Array
  pd: Float64Array
  /** REASON_CODES per row: indices into model.features, −1 where fewer features lost points. */
  reasons: Int16Array
  /** The points each reason lost, beside `reasons`. */
  pointsLost: Float64Array
}

/** The bin of every row's value, by the bin rules of a feature. */
export function binIndexOf(feature: ScorecardFeature, column: Column): Uint8Array {
  const missingBin = feature.bins.findIndex((bin) => bin.missing)
  if (feature.type === 'numeric') {
    if (column.kind !== 'numeric') throw new Error(`feature ${feature.name} is numeric, but its column holds text`)
    const ranges = feature.bins.flatMap((bin, b) => (bin.kind === 'range' ? [b] : []))
    const cuts = ranges.slice(1).map((b) => (feature.bins[b] as { lower: number }).lower)
    const index = new Uint8Array(column.values.length)
    const values = column.values
    for (let i = 0; i < values.length; i += 1) {
      const x = values[i]!
      index[i] = Number.isNaN(x) ? missingBin : ranges[upperBound(cuts, x)]!
    }
    return index
  }
  if (column.kind !== 'categorical') throw new Error(`feature ${feature.name} is categorical, but its column was read as numbers`)
  const binOfCategory = new Map<string, number>()
  let otherBin = missingBin
  feature.bins.forEach((bin, b) => {
    if (bin.kind !== 'categories') return
    for (const category of bin.categories) binOfCategory.set(category, b)
    if (bin.other) otherBin = b
  })
  const binOfCode = Uint8Array.from(column.levels, (level) => binOfCategory.get(level) ?? otherBin)
  const index = new Uint8Array(column.codes.length)
  const codes = column.codes
  for (let i = 0; i < codes.length; i += 1) {
    const code = codes[i]!
    index[i] = code < 0 ? missingBin : binOfCode[code]!
  }
  return index
}

export function scoreRows(model: ScorecardModel, dataset: Dataset): ScoredRows {
  const n = dataset.rows
  const features = model.features
  const indexes = features.map((feature) => binIndexOf(feature, findColumn(dataset, feature.name)))
  const points = features.map((feature) => Float64Array.from(feature.bins, (bin) => bin.points))
  const lost = points.map((p) => {
    const best = Math.max(...p)
    return p.map((value) => best - value)
  })
  const score = new Float64Array(n)
  const pd = new Float64Array(n)
  const reasons = new Int16Array(n * REASON_CODES).fill(-1)
  const pointsLost = new Float64Array(n * REASON_CODES)
  const base = model.intercept.points
  for (let i = 0; i < n; i += 1) {
    let total = base
    const at = i * REASON_CODES
    for (let f = 0; f < features.length; f += 1) {
      const bin = indexes[f]![i]!
      total += points[f]![bin]!
      const loss = lost[f]![bin]!
      if (loss <= 0) continue
      // Insert into this row's top three, kept in falling order (earlier features win ties).
      let k = REASON_CODES - 1
      if (reasons[at + k]! >= 0 && pointsLost[at + k]! >= loss) continue
      while (k > 0 && (reasons[at + k - 1]! < 0 || pointsLost[at + k - 1]! < loss)) {
        reasons[at + k] = reasons[at + k - 1]!
        pointsLost[at + k] = pointsLost[at + k - 1]!
        k -= 1
      }
      reasons[at + k] = f
      pointsLost[at + k] = loss
    }
    // Points carry two decimals; rounding the sum keeps float noise out of the score (580.81, not 580.8099999…).
    const rounded = Math.round(total * 100) / 100
    score[i] = rounded
    pd[i] = pdOfScore(rounded, model.scaling)
  }
  return { rows: n, score, pd, reasons, pointsLost }
}
