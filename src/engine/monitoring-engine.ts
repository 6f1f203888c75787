import type { Transaction } from '../domain/monitoring/activity.ts'
import {
  DEFAULT_FEATURE_CONFIG,
  applyTransaction,
  featuresAsOf,
  newFeatureState,
  restoreState,
  snapshotState,
  type CustomerFeatures,
  type FeatureConfig,
  type FeatureState,
  type TransactionEvaluation,
} from '../domain/monitoring/features/index.ts'
import type { Store } from '../store/open-store.ts'
import { checkpointSeq, readSnapshots } from './feature-snapshots.ts'
import { SerialQueue } from './serial-queue.ts'
import { transactionLog, type TransactionLog } from './transaction-log.ts'

export type IngestOutcome = { status: 'accepted'; seq: number; evaluation: TransactionEvaluation } | { status: 'duplicate' }

/** Called for every accepted transaction, in seq order, after it has been applied to its customer's state. */
export type AcceptedListener = (event: { tx: Transaction; seq: number; evaluation: TransactionEvaluation; state: FeatureState }) => void

export type MonitoringEngineOptions = {
  store: Store
  config?: FeatureConfig
  /**
   * Snapshot the changed states after this many transactions (default 200,000): bounds the
   * replay after a crash. Taking, writing and later loading a state's snapshot costs about
   * ten times what replaying one transaction does (a state is about 1.3 KB of JSON), so while
   * the transactions since the last snapshot are fewer than ten per changed state the
   * snapshot waits: replaying them is the cheaper way back. At eight times this number it is
   * taken whatever it costs, which bounds a restart's replay.
   */
  checkpointEvery?: number
  onAccepted?: AcceptedListener
  /** On a SQLite file, commit on a writer thread (default true): see transaction-log-writer-thread.ts. */
  writerThread?: boolean
}

const REPLAY_PAGE = 10_000
/** Transactions since the last snapshot per changed state before a snapshot pays for itself (see checkpointEvery). */
const TRANSACTIONS_PER_CHANGED_STATE = 10

/**
 * The monitoring engine: every customer's feature state in memory, kept exactly equal to
 * folding the stored transaction log in seq order.
 *
 * A batch is appended to the log in one database transaction first; only what landed (not
 * repeats) is then applied to the states, in seq order. So a transaction acknowledged is
 * stored, and the states never hold anything the store does not. States are snapshotted
 * with the seq they include every `checkpointEvery` transactions and on close; opening the
 * engine loads the snapshots and replays the log after that seq, which rebuilds exactly the
 * states an uninterrupted run had — after a kill -9 too. Transactions another process
 * appended (a CLI import next to a server) are applied before the next batch, in seq order.
 */
export class MonitoringEngine {
  private readonly states = new Map<string, FeatureState>()
  private readonly dirty = new Set<string>()
  private readonly queue = new SerialQueue()
  private appliedSeq = 0
  private sinceCheckpoint = 0
  private readonly waiting: { transactions: readonly Transaction[]; resolve: (outcomes: IngestOutcome[]) => void; reject: (error: unknown) => void }[] = []
  private draining = false

  private constructor(
    private readonly store: Store,
    private readonly log: TransactionLog,
    readonly config: FeatureConfig,
    private readonly checkpointEvery: number,
    private readonly onAccepted: AcceptedListener | undefined,
  ) {}

  static async open(options: MonitoringEngineOptions): Promise<MonitoringEngine> {
    const engine = new MonitoringEngine(options.store, transactionLog(options.store, { writerThread: options.writerThread ?? true }), options.config ?? DEFAULT_FEATURE_CONFIG, options.checkpointEvery ?? 200_000, options.onAccepted)
    await engine.queue.run(() => engine.recover())
    return engine
  }

  /** The seq of the last transaction the states include. */
  get seq(): number {
    return this.appliedSeq
  }

  get customerCount(): number {
    return this.states.size
  }

  /**
   * Appends a batch (already validated, customers resolved) and applies what landed.
   * One outcome per transaction, in order: accepted with its seq and how it compares with
   * the customer's baseline, or duplicate.
   */
  ingest(transactions: readonly Transaction[]): Promise<IngestOutcome[]> {
    // Group commit: batches that arrive while one is being written go in together in the next
    // database transaction (one fsync for all), in arrival order. Under many concurrent single
    // transactions this is what keeps both the rate and the latency.
    return new Promise((resolve, reject) => {
      this.waiting.push({ transactions, resolve, reject })
      if (!this.draining) void this.drain()
    })
  }

  private async drain(): Promise<void> {
    this.draining = true
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, this.waiting.length)
        if (group.length === 1) {
          const [only] = group
          await this.ingestNow(only!.transactions).then(only!.resolve, only!.reject)
          continue
        }
        try {
          const outcomes = await this.ingestNow(group.flatMap((entry) => entry.transactions))
          let at = 0
          for (const entry of group) {
            entry.resolve(outcomes.slice(at, at + entry.transactions.length))
            at += entry.transactions.length
          }
        } catch {
          // One bad batch must not fail the others: each goes again on its own, and only its own error is its caller's.
          for (const entry of group) await this.ingestNow(entry.transactions).then(entry.resolve, entry.reject)
        }
      }
    } finally {
      this.draining = false
    }
  }

  private ingestNow(transactions: readonly Transaction[]): Promise<IngestOutcome[]> {
    return this.queue.run(async () => {
      await this.applyTail()
      const seqs = await this.log.append(transactions, Date.now())
      const outcomes: IngestOutcome[] = seqs.map((seq) => (seq === null ? DUPLICATE : PENDING))
      if (this.landedRightAfterApplied(seqs)) {
        for (let i = 0; i < transactions.length; i += 1) {
          const seq = seqs[i]
          if (seq !== null && seq !== undefined) outcomes[i] = { status: 'accepted', seq, evaluation: this.apply(transactions[i]!, seq) }
        }
      } else {
        // Someone else's rows sit between or before ours (another process appended while this
        // batch waited for the lock, or PostgreSQL skipped seqs): apply everything up to our
        // last seq from the log, in seq order, and pick out our own evaluations on the way.
        const indexBySeq = new Map<number, number>()
        seqs.forEach((seq, i) => seq !== null && indexBySeq.set(seq, i))
        const through = Math.max(...indexBySeq.keys())
        for (const stored of await this.log.range(this.appliedSeq, through)) {
          const evaluation = this.apply(stored, stored.seq)
          const i = indexBySeq.get(stored.seq)
          if (i !== undefined) outcomes[i] = { status: 'accepted', seq: stored.seq, evaluation }
        }
      }
      if (this.checkpointDue()) await this.saveCheckpoint()
      return outcomes
    })
  }

  /** A customer's features as of `asOf` (epoch ms; default now). A customer without transactions has empty ones. */
  features(customerId: string, asOf = Date.now()): CustomerFeatures {
    return featuresAsOf(this.states.get(customerId) ?? newFeatureState(customerId), asOf, this.config)
  }

  /** The live state of a customer, for rule evaluation; never mutate it. */
  stateOf(customerId: string): FeatureState | undefined {
    return this.states.get(customerId)
  }

  /** Applies transactions other processes appended since the last batch. */
  catchUp(): Promise<number> {
    return this.queue.run(() => this.applyTail())
  }

  /** Snapshots every changed state with the seq it includes. */
  checkpoint(): Promise<void> {
    return this.queue.run(() => this.saveCheckpoint())
  }

  /** Checkpoints, so the next open replays nothing, and lets go of the log's writer. */
  async close(): Promise<void> {
    try {
      await this.checkpoint()
    } finally {
      await this.log.close()
    }
  }

  private checkpointDue(): boolean {
    if (this.sinceCheckpoint < this.checkpointEvery) return false
    return this.sinceCheckpoint >= TRANSACTIONS_PER_CHANGED_STATE * this.dirty.size || this.sinceCheckpoint >= 8 * this.checkpointEvery
  }

  /** Whether the batch's landed seqs follow the applied seq with no gap: nobody else's rows among them. */
  private landedRightAfterApplied(seqs: readonly (number | null)[]): boolean {
    let expected = this.appliedSeq + 1
    for (const seq of seqs) {
      if (seq === null) continue
      if (seq !== expected) return false
      expected += 1
    }
    return true
  }

  private apply(tx: Transaction, seq: number): TransactionEvaluation {
    let state = this.states.get(tx.customerId)
    if (!state) {
      state = newFeatureState(tx.customerId)
      this.states.set(tx.customerId, state)
    }
    const evaluation = applyTransaction(state, tx, this.config)
    this.dirty.add(tx.customerId)
    this.appliedSeq = seq
    this.sinceCheckpoint += 1
    this.onAccepted?.({ tx, seq, evaluation, state })
    return evaluation
  }

  private async recover(): Promise<void> {
    for await (const snapshot of readSnapshots(this.store)) this.states.set(snapshot.customerId, restoreState(snapshot.state))
    this.appliedSeq = await checkpointSeq(this.store)
    await this.applyTail()
  }

  private async applyTail(): Promise<number> {
    let applied = 0
    for (;;) {
      const page = await this.log.tail(this.appliedSeq, REPLAY_PAGE)
      for (const tx of page) this.apply(tx, tx.seq)
      applied += page.length
      if (page.length < REPLAY_PAGE) return applied
    }
  }

  private async saveCheckpoint(): Promise<void> {
    const snapshots = [...this.dirty].map((customerId) => ({ customerId, state: snapshotState(this.states.get(customerId)!) }))
    // A customer deleted since has no snapshot to keep, nor a state worth holding.
    for (const customerId of await this.log.saveSnapshots(snapshots, this.appliedSeq)) this.states.delete(customerId)
    this.dirty.clear()
    this.sinceCheckpoint = 0
  }
}

const DUPLICATE: IngestOutcome = { status: 'duplicate' }
// Replaced by the accepted outcome before ingest returns.
const PENDING = DUPLICATE
