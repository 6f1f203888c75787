import type SqliteDatabase from 'better-sqlite3'

type Statement = SqliteDatabase.Statement

/** What Kysely's SQLite dialect needs of a database: prepare and close. */
export type PreparingDatabase = { prepare(sql: string): Statement; close(): void }

/**
 * The better-sqlite3 handle as Kysely's SQLite dialect sees it: prepared statements reused,
 * and transactions begun IMMEDIATE (below). Kysely prepares every query it runs afresh: on a request that runs a handful of
 * small queries (the API key's user, the customer, the alerts) compiling the SQL again each
 * time was about a tenth of the request's CPU. Statements are kept by their SQL text, the
 * least recently used dropped past `capacity` (queries with `in (?, ?, …)` lists of every
 * length would otherwise grow it without end). A statement still iterating a streamed query
 * is busy and cannot run another: that caller gets a fresh one. SQLite recompiles a cached
 * statement by itself when a migration changes the schema under it.
 */
export function cachingStatements(sqlite: SqliteDatabase.Database, capacity = 500): PreparingDatabase {
  const cache = new Map<string, Statement>()
  return {
    prepare(asked) {
      // Kysely opens transactions with a plain (deferred) BEGIN. With a second connection
      // writing to the same file (the engine's writer thread, a CLI import), a deferred
      // transaction that read before that commit can no longer write (SQLITE_BUSY_SNAPSHOT,
      // which no busy timeout waits out). IMMEDIATE takes the write lock up front and waits
      // its turn instead.
      const sql = asked === 'begin' ? 'begin immediate' : asked
      const cached = cache.get(sql)
      if (cached !== undefined) {
        if (cached.busy) return sqlite.prepare(sql)
        // Map keeps insertion order: moving it to the end marks it most recently used.
        cache.delete(sql)
        cache.set(sql, cached)
        return cached
      }
      const statement = sqlite.prepare(sql)
      cache.set(sql, statement)
      if (cache.size > capacity) cache.delete(cache.keys().next().value!)
      return statement
    },
    close() {
      cache.clear()
      sqlite.close()
    },
  }
}
