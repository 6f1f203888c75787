import { userInfo } from 'node:os'
import { loadConfig } from '../config.ts'
import type { Actor } from '../services/actor.ts'
import { migrateToLatest } from '../store/migrate.ts'
import { openStore, type Store } from '../store/open-store.ts'

/** Opens the store named by --db (else FENGKONG_DB, else the default), migrated, and closes it after. */
export async function withStore<T>(db: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(loadConfig({ databaseUrl: db }).databaseUrl)
  try {
    await migrateToLatest(store)
    return await work(store)
  } finally {
    await store.close()
  }
}

/** The person at the terminal, as the audit ledger names them. */
export function cliActor(): Actor {
  let name = 'unknown'
  try {
    name = userInfo().username
  } catch {
    // Some containers run as a uid with no passwd entry.
  }
  return { kind: 'cli', name }
}

export const DB_OPTION_HELP = 'database URL: sqlite:PATH or postgres://… (default: $FENGKONG_DB, else sqlite:./data/fengkong.db)'
