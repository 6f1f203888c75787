import type { Kysely } from 'kysely'
import type { Transaction } from '../domain/monitoring/activity.ts'
import type { Database } from '../store/schema.ts'
import type { TransactionLog } from './transaction-log.ts'

/** What the plain logs provide; transaction-log.ts adds saving snapshots and closing. */
type LogReadsAndAppends = Pick<TransactionLog, 'append' | 'tail' | 'range'>
import { fromTransactionRow, transactionColumns } from './transaction-row.ts'

/** Rows per INSERT statement: far below PostgreSQL's 65,535 bound parameters at 16 columns. */
const PER_STATEMENT = 2000

/**
 * The transaction log through Kysely (PostgreSQL): multi-row INSERT … ON CONFLICT DO NOTHING
 * RETURNING, so the rows that landed come back with their seq and the rest were repeats. A
 * key repeated within one batch lands once, the first time.
 */
export function kyselyTransactionLog(db: Kysely<Database>): LogReadsAndAppends {
  return {
    async append(transactions, receivedAt) {
      return db.transaction().execute(async (trx) => {
        const seqs: (number | null)[] = new Array(transactions.length).fill(null)
        for (let start = 0; start < transactions.length; start += PER_STATEMENT) {
          const chunk = transactions.slice(start, start + PER_STATEMENT)
          const landed = await trx
            .insertInto('transactions')
            .values(chunk.map((tx) => transactionColumns(tx, receivedAt)))
            .onConflict((conflict) => conflict.columns(['source', 'id']).doNothing())
            .returning(['seq', 'source', 'id'])
            .execute()
          const seqByKey = new Map(landed.map((row) => [keyOf(row.source, row.id), Number(row.seq)]))
          chunk.forEach((tx: Transaction, offset) => {
            const key = keyOf(tx.source, tx.id)
            const seq = seqByKey.get(key)
            if (seq !== undefined) {
              seqs[start + offset] = seq
              seqByKey.delete(key) // a later copy in the same batch is a repeat
            }
          })
        }
        return seqs
      })
    },
    async tail(afterSeq, limit) {
      const rows = await db.selectFrom('transactions').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute()
      return rows.map(fromTransactionRow)
    },
    async range(afterSeq, throughSeq) {
      const rows = await db.selectFrom('transactions').selectAll().where('seq', '>', afterSeq).where('seq', '<=', throughSeq).orderBy('seq').execute()
      return rows.map(fromTransactionRow)
    },
  }
}

function keyOf(source: string, id: string): string {
  return `${source}\u0000${id}`
}
