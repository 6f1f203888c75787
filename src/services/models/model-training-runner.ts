import type { TrainingJob } from '../../schemas/model.ts'
import type { Store } from '../../store/open-store.ts'
import { failUnfinishedTrainingJobs, insertTrainingJob, updateTrainingJob, type TrainingJobChanges } from '../../store/repositories/model-training-jobs.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { checkTrainingRequest, trainModel, type TrainModelOptions } from './train-model.ts'
import type { TrainFromCsvProgress } from './train-from-csv.ts'

export type StartTrainingOptions = Omit<TrainModelOptions, 'store' | 'onProgress'>

export type ModelTrainingRunner = {
  /** Marks every job still queued or running in the store as failed: a stop cut it off. Runs once. */
  recover(): Promise<void>
  /** Checks the request (400 on a bad name, fraction or header), records the job (queued) and trains in the background; answers at once. */
  start(options: StartTrainingOptions): Promise<TrainingJob>
  /** Waits for every job started here to finish: for shutting down. */
  settle(): Promise<void>
}

export const INTERRUPTED_TRAINING = 'the server stopped before this training finished; upload the file again to train it'
const PROGRESS_INTERVAL_MS = 200

/**
 * Runs trainings started through the API as jobs, one at a time (each already uses a core of
 * its own in a worker thread), keeping each job's phase and progress in model_training_jobs.
 * Jobs do not outlive the process: one found queued or running at start was cut off by a stop.
 */
export function createModelTrainingRunner(store: Store): ModelTrainingRunner {
  let queue: Promise<void> = Promise.resolve()
  let recovered: Promise<void> | null = null
  const runner: ModelTrainingRunner = {
    recover() {
      recovered ??= failUnfinishedTrainingJobs(store.db, INTERRUPTED_TRAINING, new Date().toISOString()).then(
        () => {},
        (error: unknown) => {
          recovered = null
          throw error
        },
      )
      return recovered
    },
    async start(options) {
      await runner.recover()
      checkTrainingRequest(options)
      const now = new Date().toISOString()
      const job = await insertTrainingJob(store.db, {
        id: crypto.randomUUID(),
        status: 'queued',
        phase: null,
        done: 0,
        total: 0,
        model_id: null,
        error: null,
        created_by: actorLabel(options.actor),
        created_at: now,
        updated_at: now,
      })
      queue = queue.then(() => runJob(store, job.id, options))
      return job
    },
    settle() {
      return queue
    },
  }
  return runner
}

async function runJob(store: Store, id: string, options: StartTrainingOptions): Promise<void> {
  const save = serialSaver(store, id)
  save({ status: 'running' })
  let lastPhase: string | null = null
  let lastSaved = 0
  const onProgress = ({ phase, done, total }: TrainFromCsvProgress) => {
    // A new phase is always saved; progress within one at most every PROGRESS_INTERVAL_MS.
    if (phase === lastPhase && Date.now() - lastSaved < PROGRESS_INTERVAL_MS) return
    lastPhase = phase
    lastSaved = Date.now()
    save({ phase, done, total })
  }
  try {
    const model = await trainModel({ ...options, store, onProgress })
    save({ status: 'succeeded', phase: 'save', done: 1, total: 1, model_id: model.id })
  } catch (error) {
    save({ status: 'failed', error: (error as Error).message })
  }
  await save.done()
}

/** Saves job changes in order, one write at a time, never holding up the training. */
function serialSaver(store: Store, id: string): ((changes: TrainingJobChanges) => void) & { done(): Promise<void> } {
  let chain = Promise.resolve()
  const save = (changes: TrainingJobChanges) => {
    // A lost progress write must not fail the job; each write is retried once.
    chain = chain.then(() => updateTrainingJob(store.db, id, changes, new Date().toISOString())).catch(() => updateTrainingJob(store.db, id, changes, new Date().toISOString()).catch(() => {}))
  }
  return Object.assign(save, { done: () => chain })
}
