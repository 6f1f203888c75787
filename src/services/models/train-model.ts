import { AppError, invalidField } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import type { ModelSummary } from '../../schemas/model.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { insertModel, nextModelVersion, toModelSummary } from '../../store/repositories/models.ts'
import type { ModelTable } from '../../store/schema.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { checkTrainingHeader } from './read-training-csv.ts'
import type { TrainFromCsvInput, TrainFromCsvProgress, TrainFromCsvResult } from './train-from-csv.ts'
import { siblingModule, startWorker } from './worker-thread.ts'

export type TrainModelOptions = {
  store: Store
  actor: Actor
  /** The registry name; each training of a name is its next version. */
  name: string
  /** The training file as uploaded: CSV, UTF-8, header line first. */
  csv: Uint8Array
  target: string
  bad: string
  holdoutFraction?: number
  /** Columns that are not features (ids, dates, outcomes known only later). */
  exclude?: readonly string[]
  /** Told as the training moves through parse, bin, select, fit, validate and save. */
  onProgress?: (progress: TrainFromCsvProgress) => void
}

export const DEFAULT_HOLDOUT_FRACTION = 0.3
export const MODEL_NAME_MAX = 100

/**
 * Trains a scorecard from a CSV file and registers it as a draft: the next version of its
 * name, with the file's SHA-256, its metrics and validation curves, audited as
 * `model.trained`. The training itself (train-from-csv.ts) runs in a worker thread, so a
 * large file does not stall the server; what can be checked from the header is checked
 * here first, as a 400.
 */
export async function trainModel(options: TrainModelOptions): Promise<ModelSummary> {
  const request = checkTrainingRequest(options)
  const report = options.onProgress ?? (() => {})
  const trainedAt = new Date().toISOString()
  const result = await trainInWorker({ ...request, csv: options.csv, trainedAt }, report)
  report({ phase: 'save', done: 0, total: 1 })
  const summary = await saveModel(options.store, actorLabel(options.actor), request.name, result, trainedAt)
  report({ phase: 'save', done: 1, total: 1 })
  return summary
}

export type TrainingRequest = { name: string; target: string; bad: string; holdoutFraction: number; exclude: string[] }

/** The request with defaults filled in, once the name, fraction and header have passed their checks (400 otherwise). */
export function checkTrainingRequest(options: Pick<TrainModelOptions, 'name' | 'csv' | 'target' | 'bad' | 'holdoutFraction' | 'exclude'>): TrainingRequest {
  const name = options.name.trim()
  if (name === '' || name.length > MODEL_NAME_MAX) throw invalidField('name', `must be 1–${MODEL_NAME_MAX} characters`)
  if (options.bad.trim() === '') throw invalidField('bad', 'must name the outcome value that means bad')
  const holdoutFraction = options.holdoutFraction ?? DEFAULT_HOLDOUT_FRACTION
  if (!(holdoutFraction >= 0 && holdoutFraction < 1)) throw invalidField('holdoutFraction', 'must be at least 0 and below 1')
  const exclude = [...new Set((options.exclude ?? []).map((column) => column.trim()).filter((column) => column !== ''))]
  const target = options.target.trim()
  checkTrainingHeader(options.csv, { target, bad: options.bad, exclude })
  return { name, target, bad: options.bad.trim(), holdoutFraction, exclude }
}

const WORKER = siblingModule(import.meta.url, 'train-model-worker')

type WorkerMessage = { kind: 'progress'; progress: TrainFromCsvProgress } | { kind: 'done'; result: TrainFromCsvResult } | { kind: 'failed'; message: string }

function trainInWorker(input: TrainFromCsvInput, onProgress: (progress: TrainFromCsvProgress) => void): Promise<TrainFromCsvResult> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(WORKER, input)
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      outcome()
      void worker.terminate()
    }
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.progress)
      // A problem with the data (a column, a line, no bads) is the caller's to fix: a 400.
      else if (message.kind === 'failed') settle(() => reject(new AppError('validation_failed', message.message)))
      else settle(() => resolve(message.result))
    })
    worker.on('error', (error) => settle(() => reject(new Error(`the training worker failed: ${error.message}`, { cause: error }))))
    worker.on('exit', (code) => settle(() => reject(new Error(`the training worker stopped (exit code ${code}) before it finished`))))
  })
}

async function saveModel(store: Store, trainedBy: string, name: string, result: TrainFromCsvResult, trainedAt: string): Promise<ModelSummary> {
  const { scorecard } = result
  // Two trainings of one name may finish at once; the later one takes the version after.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await withTransaction(store.db, async (trx) => {
        const row: ModelTable = {
          id: crypto.randomUUID(),
          name,
          version: await nextModelVersion(trx, name),
          status: 'draft',
          trained_by: trainedBy,
          trained_at: trainedAt,
          data_sha256: result.dataSha256,
          rows: scorecard.data.rows,
          target: scorecard.target.column,
          bad: scorecard.target.bad,
          metrics: canonicalJson(scorecard.metrics),
          scorecard: canonicalJson(scorecard),
          validation: canonicalJson(result.validation),
          approved_by: null,
          approved_at: null,
          retired_at: null,
        }
        await insertModel(trx, row)
        const summary = toModelSummary(row)
        await appendAuditEntry(trx, { actor: trainedBy, action: 'model.trained', entity: 'model', entityId: row.id, after: summary as unknown as JsonValue, at: trainedAt })
        return summary
      })
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error
    }
  }
}
