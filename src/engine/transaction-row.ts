import type { Selectable } from 'kysely'
import type { Transaction } from '../domain/monitoring/activity.ts'
import type { TransactionTable } from '../store/schema.ts'

/** The columns of `transactions` in the order the raw SQLite statements bind them. */
export const TRANSACTION_COLUMNS = [
  'source',
  'id',
  'customer_id',
  'at',
  'amount',
  'currency',
  'direction',
  'type',
  'channel',
  'counterparty_id',
  'counterparty_name',
  'counterparty_country',
  'counterparty_account',
  'category',
  'description',
  'received_at',
] as const

/** A stored transaction's columns, as the table declares them (seq aside). */
export type TransactionColumns = Omit<Selectable<TransactionTable>, 'seq'>

export type StoredTransaction = Transaction & { seq: number; receivedAt: number }

/** A transaction's values in TRANSACTION_COLUMNS order, as the raw SQLite statements bind them. */
export function transactionValues(tx: Transaction, receivedAt: number): unknown[] {
  const values = new Array<unknown>(TRANSACTION_COLUMNS.length)
  writeTransactionValues(values, 0, tx, receivedAt)
  return values
}

/** Writes the same values into `into` from `at` (a batch of rows in one flat array, without an array per row); returns where the next row starts. */
export function writeTransactionValues(into: unknown[], at: number, tx: Transaction, receivedAt: number): number {
  const counterparty = tx.counterparty
  into[at] = tx.source
  into[at + 1] = tx.id
  into[at + 2] = tx.customerId
  into[at + 3] = tx.at
  into[at + 4] = tx.amount
  into[at + 5] = tx.currency
  into[at + 6] = tx.direction
  into[at + 7] = tx.type
  into[at + 8] = tx.channel
  into[at + 9] = counterparty ? counterparty.id : null
  into[at + 10] = counterparty ? counterparty.name : null
  into[at + 11] = counterparty ? counterparty.country : null
  into[at + 12] = counterparty ? counterparty.account : null
  into[at + 13] = tx.category
  into[at + 14] = tx.description
  into[at + 15] = receivedAt
  return at + TRANSACTION_COLUMNS.length
}

export function transactionColumns(tx: Transaction, receivedAt: number): TransactionColumns {
  const counterparty = tx.counterparty
  return {
    source: tx.source,
    id: tx.id,
    customer_id: tx.customerId,
    at: tx.at,
    amount: tx.amount,
    currency: tx.currency,
    direction: tx.direction,
    type: tx.type,
    channel: tx.channel,
    counterparty_id: counterparty?.id ?? null,
    counterparty_name: counterparty?.name ?? null,
    counterparty_country: counterparty?.country ?? null,
    counterparty_account: counterparty?.account ?? null,
    category: tx.category,
    description: tx.description,
    received_at: receivedAt,
  }
}

export function fromTransactionRow(row: TransactionColumns & { seq: number }): StoredTransaction {
  const hasCounterparty = row.counterparty_id !== null || row.counterparty_name !== null || row.counterparty_country !== null || row.counterparty_account !== null
  return {
    seq: Number(row.seq),
    source: row.source,
    id: row.id,
    customerId: row.customer_id,
    at: Number(row.at),
    amount: Number(row.amount),
    currency: row.currency,
    direction: row.direction as Transaction['direction'],
    type: row.type as Transaction['type'],
    channel: row.channel,
    counterparty: hasCounterparty ? { id: row.counterparty_id, name: row.counterparty_name, country: row.counterparty_country, account: row.counterparty_account } : null,
    category: row.category,
    description: row.description,
    receivedAt: Number(row.received_at),
  }
}
