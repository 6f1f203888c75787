import { Worker } from 'node:worker_threads'

/**
 * Rows for one named statement: `values` holds `width` parameters per row, row after row;
 * or the JSON text of that array, for batches of many small values (a structured clone of
 * 80,000 numbers and short strings costs the sender several milliseconds; JSON.stringify
 * a fraction of that, and the parse happens on the writer thread).
 */
export type WriterStep = {
  /** A statement the writer was opened with, by name; or `sql`, prepared on its first use and kept. */
  statement?: string
  sql?: string
  /** Parameters per row; 0 runs the statement once, with none. */
  width: number
  values: unknown[] | string
  /**
   * Every row must change exactly this many rows, else the whole message rolls back with
   * WRITE_CONFLICT: how a writer that planned its batch outside the transaction checks that
   * what it read (a version, the audit ledger's head) is still what the store holds.
   */
  expectChanges?: number
  /**
   * For a plain one-row `insert into … values (?, …)` given as `sql`: insert this many rows a
   * statement (the rest one by one). Each statement has a cost of its own beyond its rows (a
   * trigger's statement journal, the VDBE program); rows inserted so report no rowid (0).
   */
  rowsPerStatement?: number
  /**
   * Parameters the same in every row, as [position, value] pairs: `values` then holds only the
   * others, row after row. An import batch repeats its time, actor, country, status… in every
   * row; each repeated string would be copied to the thread and made again there.
   */
  fixed?: readonly (readonly [number, unknown])[]
}

/** The code of the error a step's `expectChanges` raises. */
export const WRITE_CONFLICT = 'FENGKONG_WRITE_CONFLICT'
/** Per row: how many rows the statement changed and the last inserted rowid. */
export type WriterStepResult = { changes: Int32Array; rowids: Float64Array }

export type SqliteWriterOptions = {
  /** The database file (not :memory:: the writer opens its own connection to it). */
  path: string
  /** Applied to the writer's connection as to every other: WAL, synchronous, foreign keys, busy timeout. */
  pragmas: readonly string[]
  /** The only SQL the writer runs, by name: prepared once when it starts. */
  statements: Record<string, string>
}

type Pending = { resolve: (results: WriterStepResult[]) => void; reject: (error: Error) => void }

/**
 * A writer thread for a SQLite database file. better-sqlite3 is synchronous: a commit with
 * `synchronous = FULL` waits for its fsync on the thread that asked for it, and on the
 * server's thread that wait holds every other request. Here the commits (and the WAL
 * checkpoints they trigger) run on a worker thread with its own connection, so the caller
 * awaits them while its event loop goes on serving, parsing the next batch, or applying the
 * last one. A message's steps are one IMMEDIATE transaction: all land or none; the promise
 * resolves once they are committed, so an acknowledgement after it survives a crash.
 *
 * The thread keeps the process alive only while it has work: an idle writer never holds a
 * finished CLI command open, and a busy one is never abandoned mid-write.
 */
export class SqliteWriter {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private failure: Error | null = null
  private readonly exited: Promise<void>

  constructor(options: SqliteWriterOptions) {
    this.worker = new Worker(new URL('./sqlite-writer.worker.mjs', import.meta.url), {
      workerData: { path: options.path, pragmas: options.pragmas, statements: options.statements, conflictCode: WRITE_CONFLICT },
    })
    this.worker.on('message', (message: { id: number; results?: WriterStepResult[]; error?: { message: string; code?: string } }) => {
      const waiting = this.pending.get(message.id)
      if (!waiting) return
      this.pending.delete(message.id)
      if (this.pending.size === 0) this.worker.unref()
      if (message.error) waiting.reject(Object.assign(new Error(message.error.message), message.error.code ? { code: message.error.code } : {}))
      else waiting.resolve(message.results!)
    })
    this.worker.on('error', (error) => this.fail(error))
    this.exited = new Promise((resolve) => this.worker.once('exit', () => {
      this.fail(new Error('the SQLite writer thread stopped'))
      resolve()
    }))
    // After the listeners: adding a 'message' listener refs the worker's port again.
    this.worker.unref()
  }

  /** Runs the steps in one transaction on the writer thread; resolves when it is committed. */
  run(steps: readonly WriterStep[]): Promise<WriterStepResult[]> {
    if (this.failure) return Promise.reject(this.failure)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      if (this.pending.size === 1) this.worker.ref()
      this.worker.postMessage({ id, steps })
    })
  }

  /** Closes the writer's connection and ends the thread, after the work already sent: the thread takes messages in order. */
  async close(): Promise<void> {
    if (this.failure) return
    this.worker.ref()
    this.worker.postMessage({ close: true })
    await this.exited
  }

  private fail(error: Error): void {
    this.failure ??= error
    for (const waiting of this.pending.values()) waiting.reject(error)
    this.pending.clear()
  }
}
