import type SqliteDatabase from 'better-sqlite3'

/**
 * Bulk writes of customers on SQLite index their new rows once, before they commit, instead
 * of once a row (migration 0018 says why and what it measured). Both statements run inside
 * the writing transaction, so no other connection ever sees the deferral or a customer
 * missing from the search index. Named here so the in-thread path and a writer thread run
 * the same SQL.
 */
export const DEFER_CUSTOMER_SEARCH_INDEX = 'insert into customers_fts_deferral (id, after_rowid) select 1, coalesce(max(rowid), 0) from customers'

export const CATCH_UP_CUSTOMER_SEARCH_INDEX = [
  'insert into customers_fts (rowid, search_text) select rowid, search_text from customers where rowid > (select after_rowid from customers_fts_deferral)',
  'delete from customers_fts_deferral',
] as const

/**
 * Runs `write` (which may await, on the same connection and in its transaction) with the
 * search index deferred, then indexes every customer it inserted, even when it throws: the
 * transaction either rolls back all of it or commits an index that matches the table.
 */
export async function withDeferredCustomerSearchIndex<T>(sqlite: SqliteDatabase.Database, write: () => Promise<T>): Promise<T> {
  if (!sqlite.inTransaction) throw new Error('the customer search index may only be deferred inside a transaction')
  sqlite.prepare(DEFER_CUSTOMER_SEARCH_INDEX).run()
  try {
    return await write()
  } finally {
    for (const statement of CATCH_UP_CUSTOMER_SEARCH_INDEX) sqlite.prepare(statement).run()
  }
}
