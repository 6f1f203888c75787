import { createHash } from 'node:crypto'
import {
  ksCurve,
  randomHoldout,
  rocCurve,
  scoreRows,
  trainScorecard,
  type ScorecardModel,
  type SkippedColumn,
  type TrainingProgress,
} from '../../domain/scoring/scorecard/index.ts'
import type { ModelValidation, TrainingJobPhase } from '../../schemas/model.ts'
import { readTrainingCsv, type TrainingColumns } from './read-training-csv.ts'

/**
 * The CPU-bound part of training a model, with no store: read the file, train the scorecard
 * and draw its validation curves. It runs in a worker thread (train-model-worker.ts), so it
 * must not touch anything but its input.
 */
export type TrainFromCsvInput = TrainingColumns & {
  csv: Uint8Array
  holdoutFraction: number
  trainedAt: string
}

export type TrainFromCsvResult = { scorecard: ScorecardModel; validation: ModelValidation; dataSha256: string; skipped: SkippedColumn[] }

export type TrainFromCsvProgress = { phase: TrainingJobPhase; done: number; total: number }

/** The seed of the holdout draw: fixed, so the same file always gives the same model. */
export const HOLDOUT_SEED = 1

export function trainFromCsv(input: TrainFromCsvInput, onProgress: (progress: TrainFromCsvProgress) => void = () => {}): TrainFromCsvResult {
  onProgress({ phase: 'parse', done: 0, total: 1 })
  const dataSha256 = createHash('sha256').update(input.csv).digest('hex')
  const { dataset, bad, skipped } = readTrainingCsv(input.csv, input)
  const scorecard = trainScorecard({
    dataset,
    bad,
    target: { column: input.target, bad: input.bad },
    holdout: { kind: 'fraction', fraction: input.holdoutFraction, seed: HOLDOUT_SEED },
    dataSha256,
    trainedAt: input.trainedAt,
    onProgress: (progress: TrainingProgress) => onProgress(progress),
  })

  // The curves are drawn on the rows the calibration was: the holdout, or the training rows when nothing was held out.
  const isHoldout = randomHoldout(bad, input.holdoutFraction, HOLDOUT_SEED)
  const want = scorecard.calibration.rows === 'holdout' ? 1 : 0
  const scored = scoreRows(scorecard, dataset)
  const scores: number[] = []
  const labels: number[] = []
  for (let i = 0; i < bad.length; i += 1) {
    if (isHoldout[i] !== want) continue
    scores.push(scored.score[i]!)
    labels.push(bad[i]!)
  }
  const validation: ModelValidation = { rows: scorecard.calibration.rows, roc: rocCurve(scores, labels), ks: ksCurve(scores, labels), calibration: scorecard.calibration.groups }
  return { scorecard, validation, dataSha256, skipped }
}
