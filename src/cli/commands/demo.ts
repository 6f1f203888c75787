import type { Command } from 'commander'
import type { Actor } from '../../services/actor.ts'
import { createDemoUsers, type DemoLogin } from '../../services/demo/create-demo-users.ts'
import { featureConfigOf, loadConfig } from '../../config.ts'
import { openMonitoring } from '../../engine/monitoring.ts'
import { seedDemoActivity } from '../../services/demo/seed-demo-activity.ts'
import { seedDemoPortfolio } from '../../services/demo/seed-demo-portfolio.ts'
import type { Store } from '../../store/open-store.ts'
import { createProgress } from '../progress.ts'
import { cliActor, DB_OPTION_HELP, withStore } from '../with-store.ts'

export const DEMO_DEFAULTS = { customers: 200, seed: 1 }

export function demoCommand(program: Command): void {
  program
    .command('demo')
    .description('generate a believable synthetic portfolio (the same for the same seed) and demo users, one per role')
    .option('--customers <n>', 'how many customers', String(DEMO_DEFAULTS.customers))
    .option('--seed <n>', 'seed of the generator', String(DEMO_DEFAULTS.seed))
    .option('--as-of <date>', "the demo's today (YYYY-MM-DD; default: today, UTC): statements, bureau reports and a year of activity end there")
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: { customers: string; seed: string; asOf?: string; db?: string }) => {
      const asOf = options.asOf ?? todayUtc()
      const customers = wholeNumber(options.customers, '--customers')
      const seed = wholeNumber(options.seed, '--seed')
      if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`--as-of must be YYYY-MM-DD, got "${asOf}"`)
      await withStore(options.db, async (store) => {
        await seedDemo({ store, actor: cliActor(), customers, seed, asOf })
      })
    })
}

export type SeedDemoOptions = { store: Store; actor: Actor; customers: number; seed: number; asOf?: string }

/** Demo users and portfolio, with a progress bar and a summary naming the logins. Shared by `demo` and `serve --demo`. */
export async function seedDemo({ store, actor, customers, seed, asOf }: SeedDemoOptions): Promise<void> {
  const logins = await createDemoUsers({ store, actor })
  const progress = createProgress('demo customers')
  const result = await seedDemoPortfolio({ store, actor, customers, seed, asOf, onProgress: (done, total) => progress.update(done, total) })
  progress.stop()
  console.log(`demo portfolio (seed ${seed}): ${result.created} customers created with ${result.records} records and ${result.relationships} ties; ${result.skipped} already present`)
  // The activity goes through an engine of this process; a server started next loads its snapshots.
  const monitoring = await openMonitoring(store, { config: featureConfigOf(loadConfig()) })
  try {
    const activityProgress = createProgress('demo activity')
    const activity = await seedDemoActivity({ store, monitoring, actor, customers, seed, asOf, onProgress: (done, total) => activityProgress.update(done, total) })
    activityProgress.stop()
    if (activity.skipped) console.log('demo activity: already present')
    else {
      console.log(
        `demo activity (12 months): ${activity.transactions.toLocaleString('en')} transactions, ${activity.invoices.toLocaleString('en')} invoices, ${activity.payments.toLocaleString('en')} payments, ${activity.bureauRecords} bureau reports; ${activity.patterns} injected risk patterns labelled in ground_truth_patterns`,
      )
    }
  } finally {
    await monitoring.close()
  }
  printLogins(logins)
}

/** Today's date in UTC: the demo's default "today", so its year of activity ends now and the monitoring windows are alive. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10)
}

export function printLogins(logins: DemoLogin[]): void {
  if (logins.length === 0) return
  console.log('\nDemo logins (passwords are random and shown only now):')
  for (const login of logins) console.log(`  ${login.role.padEnd(13)} ${login.email.padEnd(24)} ${login.password}`)
  console.log('Reset one later with: fengkong user set-password --email EMAIL --password NEW\n')
}

function wholeNumber(text: string, name: string): number {
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got "${text}"`)
  return n
}
