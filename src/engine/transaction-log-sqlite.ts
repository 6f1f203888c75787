import type SqliteDatabase from 'better-sqlite3'
import type { Transaction } from '../domain/monitoring/activity.ts'
import type { TransactionLog } from './transaction-log.ts'

/** What the plain logs provide; transaction-log.ts adds saving snapshots and closing. */
type LogReadsAndAppends = Pick<TransactionLog, 'append' | 'tail' | 'range'>
import { fromTransactionRow, TRANSACTION_COLUMNS, transactionValues, type TransactionColumns } from './transaction-row.ts'

/**
 * The transaction log on the raw better-sqlite3 handle: one prepared INSERT OR IGNORE per
 * transaction inside one IMMEDIATE transaction per batch. `changes` says whether the row
 * landed (0: its (source, id) was there already); the rowid is its seq.
 */
export const SQLITE_TRANSACTION_INSERT = `insert or ignore into transactions (${TRANSACTION_COLUMNS.join(', ')}) values (${TRANSACTION_COLUMNS.map(() => '?').join(', ')})`

export function sqliteTransactionLog(sqlite: SqliteDatabase.Database): LogReadsAndAppends {
  const insert = sqlite.prepare(SQLITE_TRANSACTION_INSERT)
  const tail = sqlite.prepare(`select seq, ${TRANSACTION_COLUMNS.join(', ')} from transactions where seq > ? order by seq limit ?`)
  const range = sqlite.prepare(`select seq, ${TRANSACTION_COLUMNS.join(', ')} from transactions where seq > ? and seq <= ? order by seq`)

  const appendBatch = sqlite.transaction((transactions: readonly Transaction[], receivedAt: number) => {
    const seqs: (number | null)[] = new Array(transactions.length)
    for (let i = 0; i < transactions.length; i += 1) {
      const result = insert.run(transactionValues(transactions[i]!, receivedAt))
      seqs[i] = result.changes === 1 ? Number(result.lastInsertRowid) : null
    }
    return seqs
  })

  return {
    async append(transactions, receivedAt) {
      // IMMEDIATE takes the write lock up front: seqs are then handed out in this batch's order.
      return appendBatch.immediate(transactions, receivedAt)
    },
    async tail(afterSeq, limit) {
      return (tail.all(afterSeq, limit) as (TransactionColumns & { seq: number })[]).map(fromTransactionRow)
    },
    async range(afterSeq, throughSeq) {
      return (range.all(afterSeq, throughSeq) as (TransactionColumns & { seq: number })[]).map(fromTransactionRow)
    },
  }
}
