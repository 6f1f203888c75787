import type { Command } from 'commander'
import type { Actor } from '../../services/actor.ts'
import { createDemoUsers, type DemoLogin } from '../../services/demo/create-demo-users.ts'
import { featureConfigOf, loadConfig } from '../../config.ts'
import { openMonitoring, type AcceptedSink } from '../../engine/monitoring.ts'
import { createLiveAlerts } from '../../services/alerts/live-alerts.ts'
import { assessDemoCustomers } from '../../services/demo/assess-demo-customers.ts'
import { installDemoRules } from '../../services/demo/install-demo-rules.ts'
import { runDemoDailyRules } from '../../services/demo/run-demo-daily-rules.ts'
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

/**
 * Demo users, portfolio, the default rule pack (active), a year of activity raising its alerts
 * and cases live, an assessment of every customer and the last 30 days of daily rules: one
 * summary line a step, a progress bar where a step takes a while, and the logins. Shared by
 * `demo` and `serve --demo`; running it again adds nothing.
 */
export async function seedDemo({ store, actor, customers, seed, asOf }: SeedDemoOptions): Promise<void> {
  const logins = await createDemoUsers({ store, actor })
  const progress = createProgress('demo customers')
  const result = await seedDemoPortfolio({ store, actor, customers, seed, asOf, onProgress: (done, total) => progress.update(done, total) })
  progress.stop()
  console.log(`demo portfolio (seed ${seed}): ${result.created} customers created with ${result.records} records and ${result.relationships} ties; ${result.skipped} already present`)
  // The rules go in before the activity, so its transactions raise their alerts as live ones do.
  const rules = await installDemoRules({ store, actor })
  console.log(`demo rules: ${rules.installed} rules of the default pack installed and active; ${rules.skipped} already present`)
  // The activity goes through an engine of this process, with the live alerts listening; a server started next loads its snapshots.
  const config = featureConfigOf(loadConfig())
  const live = createLiveAlerts({ store, config })
  let liveAlerts = 0
  const alerts: AcceptedSink = {
    onAccepted: live.onAccepted,
    open: live.open,
    prepare: live.prepare,
    flush: async () => {
      const raised = await live.flush()
      liveAlerts += raised.filter((alert) => !alert.shadow).length
      return raised
    },
  }
  const monitoring = await openMonitoring(store, { config, alerts })
  try {
    const activityProgress = createProgress('demo activity')
    const activity = await seedDemoActivity({ store, monitoring, actor, customers, seed, asOf, onProgress: (done, total) => activityProgress.update(done, total) })
    activityProgress.stop()
    if (activity.skipped) console.log('demo activity: already present')
    else {
      console.log(
        `demo activity (12 months): ${activity.transactions.toLocaleString('en')} transactions, ${activity.invoices.toLocaleString('en')} invoices, ${activity.payments.toLocaleString('en')} payments, ${activity.bureauRecords} bureau reports; ${activity.patterns} injected risk patterns labelled in ground_truth_patterns; ${liveAlerts} alerts raised live`,
      )
    }
    const assessProgress = createProgress('demo assessments')
    const assessed = await assessDemoCustomers({ store, actor, customers, seed, asOf, onProgress: (done, total) => assessProgress.update(done, total) })
    assessProgress.stop()
    console.log(`demo assessments: ${assessed.assessed} customers assessed (${assessed.graded} graded, ${assessed.withLimit} with a credit limit); ${assessed.skipped} already present`)
    const dailyProgress = createProgress('demo daily rules')
    const daily = await runDemoDailyRules({ store, monitoring, config, asOf, onProgress: (done, total) => dailyProgress.update(done, total) })
    dailyProgress.stop()
    const totals = `the store holds ${daily.totals.alerts.toLocaleString('en')} alerts in ${daily.totals.openCases.toLocaleString('en')} open cases`
    console.log(daily.days === 0 ? `demo daily rules: already run; ${totals}` : `demo daily rules (last ${daily.days} days): ${daily.alerts} alerts raised; ${totals}`)
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
