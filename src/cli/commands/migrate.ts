import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { redact } from '../../store/database-url.ts'
import { migrateToLatest } from '../../store/migrate.ts'
import { openStore } from '../../store/open-store.ts'
import { DB_OPTION_HELP } from '../with-store.ts'

export function migrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('bring the database schema to the latest version (serve also does this on start)')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: { db?: string }) => {
      const { databaseUrl } = loadConfig({ databaseUrl: options.db })
      const store = await openStore(databaseUrl)
      try {
        const report = await migrateToLatest(store)
        for (const name of report.applied) console.log(`applied ${name}`)
        console.log(`${redact(databaseUrl)} is at ${report.current.at(-1) ?? '(empty)'} (${report.current.length} migrations)`)
      } finally {
        await store.close()
      }
    })
}
