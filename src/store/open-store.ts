import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.ts'
import type { Database } from './schema.ts'
import { cachingStatements } from './sqlite-statement-cache.ts'

export type Store = {
  db: Kysely<Database>
  dialect: DatabaseTarget['dialect']
  /** The raw better-sqlite3 handle, for the few measured hot paths that need prepared statements. */
  sqlite: SqliteDatabase.Database | null
  /** The PostgreSQL schema every table lives in, when the URL named one. */
  schema: string | null
  close(): Promise<void>
}

// PostgreSQL sends bigint (int8) and numeric as strings; our counters fit in a double.
const pgTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === 20) return (value: string) => Number(value)
    return pg.types.getTypeParser(oid, format as 'text')
  },
}

export async function openStore(url: string): Promise<Store> {
  const target = parseDatabaseUrl(url)
  return target.dialect === 'sqlite' ? openSqlite(target.path) : openPostgres(target.connectionString, target.schema)
}

/** Every connection to an embedded database, the writer thread's too (sqlite-writer.ts). */
export const SQLITE_PRAGMAS = [
  'journal_mode = WAL',
  // FULL: a write acknowledged to a caller survives power loss, not only a process crash.
  'synchronous = FULL',
  'foreign_keys = ON',
  'busy_timeout = 5000',
  // A 64 MB page cache (the default is 2 MB). An import batch updates every index of the
  // customers table at random keys; with the small cache the dirty pages spilled and were
  // written again and again within one transaction. Measured: a 50,000-customer import in
  // batches of 5,000 went from 8,177 to 9,150 rows/s. It is a ceiling, not an allocation.
  'cache_size = -65536',
  // Statement journals (and temporary tables) in memory. A statement that runs a trigger (the
  // customers' search index) keeps a journal of the pages it changes, in case the trigger
  // fails; on disk that is a temporary file created and removed for every statement. Measured:
  // single-row inserts of 100,000 customers went from 10,000 to 29,700 rows/s.
  'temp_store = MEMORY',
] as const

function openSqlite(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new SqliteDatabase(path)
  for (const pragma of SQLITE_PRAGMAS) sqlite.pragma(pragma)
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) })
  return { db, dialect: 'sqlite', sqlite, schema: null, close: () => db.destroy() }
}

async function openPostgres(connectionString: string, schema: string | null): Promise<Store> {
  const pool = new pg.Pool({
    connectionString,
    types: pgTypes,
    max: 10,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  try {
    if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db)
    else await sql`select 1`.execute(db)
  } catch (error) {
    await db.destroy()
    throw new Error(`cannot reach PostgreSQL: ${(error as Error).message}`, { cause: error })
  }
  return { db, dialect: 'postgres', sqlite: null, schema, close: () => db.destroy() }
}
