import type { ImportEncoding, ImportFormat, ImportJob, ImportSource, ImportTarget } from '../../schemas/import-job.ts'
import type { Store } from '../../store/open-store.ts'
import { failUnfinishedImportJobs, insertImportJob, updateImportJob, type ImportJobChanges } from '../../store/repositories/import-jobs.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { runImport, type ImportProgress, type ImportResult } from './run-import.ts'

export type StartImportJobOptions = {
  actor: Actor
  /** The whole file, as uploaded. */
  content: Buffer
  target: ImportTarget
  format: ImportFormat
  encoding: ImportEncoding
  from: ImportSource | null
  atomic: boolean
}

export type ImportJobRunner = {
  /**
   * Marks every job still queued or running in the store as failed: a stop cut it off, since
   * no job of this process has started yet. Runs once, before the first job is read or started.
   */
  recover(): Promise<void>
  /** Records the job (queued) and runs it in the background; answers at once. */
  start(options: StartImportJobOptions): Promise<ImportJob>
  /** Waits for every job started here to finish: for shutting down. */
  settle(): Promise<void>
}

/** The errors a job keeps: enough to fix a file, bounded so a job row stays small. */
export const JOB_ERROR_LIMIT = 1000
const PROGRESS_INTERVAL_MS = 500
const CHUNK = 1024 * 1024
export const INTERRUPTED_MESSAGE =
  'the server stopped before this import finished; batches committed before the stop have landed. Imports are upserts: upload the file again to finish it'

/**
 * Runs imports started through the API inside this process, one background task per job,
 * persisting each job's state (progress as it goes, counts and first errors at the end) in
 * import_jobs. Jobs do not outlive the process: one found queued or running when the server
 * starts answering was cut off by a stop, and is marked failed saying so (one server process
 * per database, as Fengkong runs).
 */
export function createImportJobRunner(store: Store): ImportJobRunner {
  const running = new Set<Promise<void>>()
  let recovered: Promise<void> | null = null
  const runner: ImportJobRunner = {
    recover() {
      recovered ??= failUnfinishedImportJobs(store.db, INTERRUPTED_MESSAGE, new Date().toISOString()).then(
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
      const now = new Date().toISOString()
      const job = await insertImportJob(store.db, {
        id: crypto.randomUUID(),
        target: options.target,
        format: options.format,
        encoding: options.encoding,
        source: options.from,
        atomic: options.atomic ? 1 : 0,
        size: options.content.length,
        status: 'queued',
        read: 0,
        total: null,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        failed: 0,
        errors: '[]',
        message: null,
        created_by: actorLabel(options.actor),
        created_at: now,
        started_at: null,
        finished_at: null,
        updated_at: now,
      })
      const task = runJob(store, job.id, options).finally(() => running.delete(task))
      running.add(task)
      return job
    },
    async settle() {
      await Promise.all([...running])
    },
  }
  return runner
}

async function runJob(store: Store, id: string, options: StartImportJobOptions): Promise<void> {
  const save = serialSaver(store, id)
  save({ status: 'running', started_at: new Date().toISOString() })
  let lastSaved = 0
  const onProgress = (progress: ImportProgress) => {
    if (Date.now() - lastSaved < PROGRESS_INTERVAL_MS) return
    lastSaved = Date.now()
    save(countsOf(progress))
  }
  try {
    const result = await runImport({ store, actor: options.actor, target: options.target, format: options.format, encoding: options.encoding, from: options.from, atomic: options.atomic, input: chunksOf(options.content), onProgress })
    save({ ...countsOf(result), total: result.read, errors: JSON.stringify(result.errors.slice(0, JOB_ERROR_LIMIT)), ...outcomeOf(result), finished_at: new Date().toISOString() })
  } catch (error) {
    save({ status: 'failed', message: `the import stopped: ${(error as Error).message}`, finished_at: new Date().toISOString() })
  }
  await save.done()
}

function countsOf(progress: ImportProgress | ImportResult): ImportJobChanges {
  return { read: progress.read, inserted: progress.inserted, updated: progress.updated, unchanged: progress.unchanged, failed: progress.failed }
}

function outcomeOf(result: ImportResult): ImportJobChanges {
  if (result.refused) return { status: 'failed', message: `refused: ${result.failed} of ${result.read} rows are bad${result.fileError ? ' and the file could not be read to the end' : ''}; nothing was written (atomic)` }
  if (result.fileError) return { status: 'failed', message: `the file could not be read on: ${result.fileError}` }
  return { status: 'succeeded', message: result.failed > 0 ? `${result.failed} of ${result.read} rows failed; the others landed` : `all ${result.read} rows landed` }
}

/** Saves job changes in order, one write at a time, never holding up the import (which may hold SQLite's one connection). */
function serialSaver(store: Store, id: string): ((changes: ImportJobChanges) => void) & { done(): Promise<void> } {
  let chain = Promise.resolve()
  const save = (changes: ImportJobChanges) => {
    // A lost progress write must not fail the import; the final state is written last and retried once.
    chain = chain.then(() => updateImportJob(store.db, id, changes, new Date().toISOString())).catch(() => updateImportJob(store.db, id, changes, new Date().toISOString()).catch(() => {}))
  }
  return Object.assign(save, { done: () => chain })
}

async function* chunksOf(content: Buffer): AsyncGenerator<Buffer> {
  for (let start = 0; start < content.length; start += CHUNK) yield content.subarray(start, start + CHUNK)
}

