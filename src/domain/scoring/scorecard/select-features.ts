import type { FeatureBinning } from './binning.ts'
import { fitLogisticRegression, type LogisticDesign, type LogisticFit } from './logistic-regression.ts'
import { binnedScoreTest } from './score-test.ts'
import type { WoeTable } from './woe.ts'

/**
 * Chooses the scorecard's features and fits the regression on their WOE values.
 *
 * 1. Features whose IV reaches `ivThreshold` (and that have at least two bins) are selected.
 * 2. A logistic regression of "bad" on their WOE is fitted (IRLS, L2). WOE grows with safety, so
 *    every coefficient must come out negative; one that does not means the feature repeats what
 *    stronger ones say, and giving it points would reward risk. The lowest-IV feature with a
 *    wrong sign is dropped and the model refitted until all signs are right.
 * 3. IV looks at one feature at a time and misses a feature that matters more next to others
 *    (the instalment as a share of income, next to the amount borrowed). So the features below
 *    the threshold are offered to the model, as in forward stepwise selection: the one whose
 *    score test (score-test.ts: its bins given the model) has the smallest p-value enters when
 *    that is below `entrySignificance` and every sign stays right; repeat until none qualifies.
 *    The bins were merged by looking at the outcome, which flatters them, so the statistic is
 *    referred to χ² with the degrees of freedom of the fine classes they were merged from (which
 *    never looked): a conservative test. The default entry level, 0.15, is the one Hosmer and
 *    Lemeshow recommend for stepwise entry (0.05 is known to miss variables that matter);
 *    0 turns this step off.
 */
export type FeatureCandidate = { name: string; binning: FeatureBinning; woe: WoeTable }

export type FeatureDecision = { selected: boolean; reason: string }

export type SelectFeaturesOptions = {
  candidates: readonly FeatureCandidate[]
  /** The dataset rows that train, in order. */
  trainIndex: Int32Array
  /** 1 where the training row (by position in `trainIndex`) is bad. */
  y: Uint8Array
  ivThreshold: number
  entrySignificance: number
  l2: number
}

export type FeatureSelection = {
  /** Indices into the candidates, in the order of the fit's coefficients. */
  selected: number[]
  fit: LogisticFit
  /** One per candidate: chosen or not, and why. */
  decisions: FeatureDecision[]
}

export function selectFeatures(options: SelectFeaturesOptions): FeatureSelection {
  const { candidates, trainIndex, y, ivThreshold, entrySignificance, l2 } = options
  const decisions: FeatureDecision[] = candidates.map((c) =>
    c.binning.bins.length < 2
      ? { selected: false, reason: 'one bin only: nothing to tell apart' }
      : { selected: c.woe.iv >= ivThreshold, reason: c.woe.iv >= ivThreshold ? `IV at least ${ivThreshold}` : `IV below ${ivThreshold}` },
  )
  let selected = candidates.map((_, k) => k).filter((k) => decisions[k]!.selected)
  selected.sort((a, b) => candidates[b]!.woe.iv - candidates[a]!.woe.iv)
  if (selected.length === 0) {
    const ivs = candidates.map((c) => `${c.name} ${c.woe.iv.toFixed(4)}`).join(', ')
    throw new Error(`no feature reaches the IV threshold ${ivThreshold} (${ivs || 'no candidate features'})`)
  }

  const design = (features: readonly number[]) => woeDesign(features.map((k) => candidates[k]!), trainIndex)
  // Refits differ from the last fit by one feature: start from its coefficients (0 for a newcomer).
  const fitOn = (features: readonly number[], from?: { features: readonly number[]; fit: LogisticFit }) =>
    fitLogisticRegression({
      design: design(features),
      y,
      l2,
      initial: from && { intercept: from.fit.intercept, coefficients: features.map((k) => from.fit.coefficients[from.features.indexOf(k)] ?? 0) },
    })
  const wrongSigns = (features: readonly number[], fit: LogisticFit) => features.filter((_, j) => fit.coefficients[j]! >= 0)

  let fit = fitOn(selected)
  for (;;) {
    const wrong = wrongSigns(selected, fit)
    if (wrong.length === 0 || selected.length === 1) break
    const weakest = wrong[wrong.length - 1]!
    decisions[weakest] = { selected: false, reason: 'IV high enough, but its coefficient took the wrong sign next to stronger features (they carry the same information)' }
    const previous = { features: selected, fit }
    selected = selected.filter((k) => k !== weakest)
    fit = fitOn(selected, previous)
  }

  // The bins were merged by looking at the outcome; the fine classes they came from were not (score-test.ts).
  const fineDegreesOfFreedom = candidates.map((c) => {
    const seen = new Uint8Array(c.binning.fine.classes)
    for (let r = 0; r < trainIndex.length; r += 1) seen[c.binning.fine.index[trainIndex[r]!]!] = 1
    return Math.max(1, seen.reduce((sum, v) => sum + v, 0) - 1)
  })
  const offered = candidates.map((_, k) => k).filter((k) => candidates[k]!.binning.bins.length >= 2 && !decisions[k]!.selected && candidates[k]!.woe.iv < ivThreshold)
  while (entrySignificance > 0 && offered.length > 0) {
    const tests = binnedScoreTest({
      design: design(selected),
      fit,
      rows: trainIndex,
      y,
      candidates: offered.map((k) => ({ index: candidates[k]!.binning.index, bins: candidates[k]!.binning.bins.length, degreesOfFreedom: fineDegreesOfFreedom[k]! })),
      l2,
    })
    const best = tests.reduce((top, test, k) => (test.pValue < tests[top]!.pValue ? k : top), 0)
    const test = tests[best]!
    if (!(test.pValue < entrySignificance)) break
    const entering = offered.splice(best, 1)[0]!
    const evidence = `score test χ² ${test.statistic.toFixed(2)} on ${test.degreesOfFreedom} df, p ${test.pValue.toPrecision(2)}`
    const trial = [...selected, entering]
    const trialFit = fitOn(trial, { features: selected, fit })
    if (wrongSigns(trial, trialFit).length > 0) {
      decisions[entering] = { selected: false, reason: `IV below ${ivThreshold}; adds to the others (${evidence}) but would take a wrong sign` }
      continue
    }
    decisions[entering] = { selected: true, reason: `IV below ${ivThreshold}, but it adds to the others (${evidence})` }
    selected = trial
    fit = trialFit
  }
  return { selected, fit, decisions }
}

/** The WOE-transformed training rows: column j is the WOE of the bin that feature j's value falls in. */
export function woeDesign(features: readonly FeatureCandidate[], trainIndex: Int32Array): LogisticDesign {
  const indexes = features.map((c) => c.binning.index)
  const woes = features.map((c) => Float64Array.from(c.woe.woe))
  const p = features.length
  return {
    rows: trainIndex.length,
    columns: p,
    fill(row, out) {
      const i = trainIndex[row]!
      for (let j = 0; j < p; j += 1) out[j] = woes[j]![indexes[j]![i]!]!
    },
  }
}
