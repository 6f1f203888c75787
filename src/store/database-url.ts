/**
 * Parses the one setting that picks a store. `sqlite:PATH` (or `sqlite::memory:`) for the
 * embedded default, `postgres://…` / `postgresql://…` for PostgreSQL. A `schema` query
 * parameter on a PostgreSQL URL puts every table in that schema (created when missing),
 * which is how test runs and several tenants share one database without colliding.
 */
export type DatabaseTarget =
  | { dialect: 'sqlite'; path: string }
  | { dialect: 'postgres'; connectionString: string; schema: string | null }

export const DEFAULT_DATABASE_URL = 'sqlite:./data/fengkong.db'

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '')
    if (path === '') throw new Error(`database URL "${url}" names no file: use sqlite:./data/fengkong.db or sqlite::memory:`)
    return { dialect: 'sqlite', path }
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const parsed = new URL(url)
    const schema = parsed.searchParams.get('schema')
    if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`schema "${schema}" in the database URL must be lower-case letters, digits and underscores`)
    }
    parsed.searchParams.delete('schema')
    return { dialect: 'postgres', connectionString: parsed.toString(), schema }
  }
  throw new Error(`database URL "${redact(url)}" is not understood: use sqlite:PATH or postgres://USER@HOST:PORT/DATABASE`)
}

/** The URL with any password replaced, for logs and messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
}
