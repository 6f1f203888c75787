import type { Transaction } from '../domain/monitoring/activity.ts'
import type { Store } from '../store/open-store.ts'
import { kyselyTransactionLog } from './transaction-log-kysely.ts'
import { sqliteTransactionLog } from './transaction-log-sqlite.ts'
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
}

/** Raw prepared statements on SQLite (the measured hot path), Kysely on PostgreSQL. */
export function transactionLog(store: Store): TransactionLog {
  return store.sqlite ? sqliteTransactionLog(store.sqlite) : kyselyTransactionLog(store.db)
}
