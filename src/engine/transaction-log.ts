import type { Transaction } from '../domain/monitoring/activity.ts'
import type { Store } from '../store/open-store.ts'
import { saveSnapshots, type Snapshot } from './feature-snapshots.ts'
import { kyselyTransactionLog } from './transaction-log-kysely.ts'
import { sqliteTransactionLog } from './transaction-log-sqlite.ts'
import { writerThreadTransactionLog } from './transaction-log-writer-thread.ts'
import type { StoredTransaction } from './transaction-row.ts'

/**
 * The append-only log of accepted transactions, in `seq` order. Appending is idempotent:
 * a transaction whose (source, id) is already stored is not written again and comes back
 * as null, so a repeated delivery is acknowledged and never counted twice.
 */
export type TransactionLog = {
  /** Writes the batch in one database transaction; per transaction its seq, or null for a repeat. */
  append(transactions: readonly Transaction[], receivedAt: number): Promise<(number | null)[]>
  /** Transactions after `afterSeq`, in seq order, at most `limit`. */
  tail(afterSeq: number, limit: number): Promise<StoredTransaction[]>
  /** Transactions with afterSeq < seq <= throughSeq, in seq order. */
  range(afterSeq: number, throughSeq: number): Promise<StoredTransaction[]>
  /** Saves feature states with the seq they include, in one transaction (see feature-snapshots.ts); the ids of customers gone meanwhile come back. */
  saveSnapshots(snapshots: readonly Snapshot[], throughSeq: number): Promise<string[]>
  close(): Promise<void>
}

export type TransactionLogOptions = {
  /** Write from a worker thread when the store is a SQLite file (the engine's default): commits never block the caller's event loop. */
  writerThread?: boolean
}

/** Raw prepared statements on SQLite (the measured hot path; writes on a writer thread when asked), Kysely on PostgreSQL. */
export function transactionLog(store: Store, options: TransactionLogOptions = {}): TransactionLog {
  if (store.sqlite && options.writerThread && !store.sqlite.memory) return writerThreadTransactionLog(store.sqlite)
  const reads = store.sqlite ? sqliteTransactionLog(store.sqlite) : kyselyTransactionLog(store.db)
  return { ...reads, saveSnapshots: (snapshots, throughSeq) => saveSnapshots(store, snapshots, throughSeq), close: async () => {} }
}
