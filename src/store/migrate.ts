import { Migrator, type MigrationResultSet } from 'kysely'
import { MIGRATIONS } from './migrations/index.ts'
import type { Store } from './open-store.ts'

export type MigrationReport = { applied: string[]; current: string[] }

/** Brings the store to the latest schema. Safe to run at every start and from several processes. */
export async function migrateToLatest(store: Store): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => MIGRATIONS },
    // Named, so the migrator never mistakes another schema's bookkeeping tables for its own.
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  })
  const result: MigrationResultSet = await migrator.migrateToLatest()
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${(result.error as Error).message}`, { cause: result.error })
  }
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
  const current = (await migrator.getMigrations()).filter((m) => m.executedAt).map((m) => m.name)
  return { applied, current }
}
