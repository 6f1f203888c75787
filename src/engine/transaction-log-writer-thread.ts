import type SqliteDatabase from 'better-sqlite3'
import { SQLITE_PRAGMAS } from '../store/open-store.ts'
import { SqliteWriter } from '../store/sqlite-writer.ts'
import { CHECKPOINT, SQLITE_CHECKPOINT_UPDATE, SQLITE_SNAPSHOT_UPSERT } from './feature-snapshots.ts'
import type { TransactionLog } from './transaction-log.ts'
import { sqliteTransactionLog, SQLITE_TRANSACTION_INSERT } from './transaction-log-sqlite.ts'
import { TRANSACTION_COLUMNS, writeTransactionValues } from './transaction-row.ts'

const WIDTH = TRANSACTION_COLUMNS.length

/**
 * The SQLite transaction log with its writes on a writer thread (sqlite-writer.ts): the same
 * INSERT OR IGNORE per transaction and the same snapshot upserts, in one IMMEDIATE
 * transaction per batch, committed off the engine's thread. The engine awaits the commit
 * before it applies or acknowledges anything, so nothing changes in what is durable; what
 * changes is that the event loop keeps serving (and an import keeps parsing) meanwhile.
 * Reads (the tail after a restart, another process's rows) stay on the caller's connection.
 */
export function writerThreadTransactionLog(sqlite: SqliteDatabase.Database): TransactionLog {
  // Started on the first write: an engine opened only to read features never starts a thread
  // (nor opens a second connection that could outlive the caller's).
  let started: SqliteWriter | null = null
  const writer = () =>
    (started ??= new SqliteWriter({
      path: sqlite.name,
      pragmas: SQLITE_PRAGMAS,
      statements: { append: SQLITE_TRANSACTION_INSERT, snapshot: SQLITE_SNAPSHOT_UPSERT, checkpoint: SQLITE_CHECKPOINT_UPDATE },
    }))
  const { tail, range } = sqliteTransactionLog(sqlite)
  return {
    tail,
    range,
    async append(transactions, receivedAt) {
      const values: unknown[] = new Array(transactions.length * WIDTH)
      let at = 0
      for (const tx of transactions) at = writeTransactionValues(values, at, tx, receivedAt)
      const [{ changes, rowids }] = (await writer().run([{ statement: 'append', width: WIDTH, values: JSON.stringify(values) }])) as [{ changes: Int32Array; rowids: Float64Array }]
      return Array.from(changes, (changed, i) => (changed === 1 ? rowids[i]! : null))
    },
    async saveSnapshots(snapshots, throughSeq) {
      const now = Date.now()
      const values: unknown[] = new Array(snapshots.length * 4)
      snapshots.forEach((snapshot, i) => {
        values[i * 4] = snapshot.customerId
        values[i * 4 + 1] = snapshot.state
        values[i * 4 + 2] = now
        values[i * 4 + 3] = snapshot.customerId
      })
      const [saved] = await writer().run([
        { statement: 'snapshot', width: 4, values },
        { statement: 'checkpoint', width: 3, values: [throughSeq, now, CHECKPOINT] },
      ])
      return snapshots.filter((_, i) => saved!.changes[i] === 0).map((snapshot) => snapshot.customerId)
    },
    close: async () => {
      await started?.close()
    },
  }
}
