import { DEFAULT_AS_OF } from '../../demo/generate-portfolio.ts'
import { OPEN_CASE_STATUSES } from '../../domain/alerts/case-lifecycle.ts'
import { DAY_MS } from '../../domain/monitoring/activity.ts'
import type { FeatureConfig } from '../../domain/monitoring/features/index.ts'
import type { Monitoring } from '../../engine/monitoring.ts'
import type { Store } from '../../store/open-store.ts'
import { lastDailyRun, runDailyRules } from '../alerts/run-daily-rules.ts'

export type RunDemoDailyRulesOptions = {
  store: Store
  /** The engine the activity went through: the daily rules reading f.* read its features. */
  monitoring: Monitoring
  config?: FeatureConfig
  /** The demo's today (YYYY-MM-DD): the days before it are run. */
  asOf?: string
  /** How many days up to the demo's today. */
  days?: number
  onProgress?: (done: number, total: number) => void
}

export type RunDemoDailyRulesResult = {
  /** Days run now; 0 when the daily rules had already run up to the demo's today. */
  days: number
  /** Live alerts the daily rules raised (shadow ones not counted). */
  alerts: number
  /** The store's alerts and cases open afterwards, whatever raised them. */
  totals: { alerts: number; openCases: number }
}

export const DEMO_DAILY_DAYS = 30

/**
 * The daily rules (days past due, bureau drops, rating downgrades, utilisation, Z-score,
 * concentration) for each of the last `days` days before the demo's today, as `fengkong serve`
 * runs them shortly after each midnight (runDailyRules), so their alerts and cases are there
 * when the demo opens. Days up to the last one the daily rules ran for are not run again (the
 * server's catch-up then starts after them); a day run again would raise nothing twice anyway.
 */
export async function runDemoDailyRules({ store, monitoring, config, asOf = DEFAULT_AS_OF, days = DEMO_DAILY_DAYS, onProgress }: RunDemoDailyRulesOptions): Promise<RunDemoDailyRulesResult> {
  const today = Date.parse(`${asOf.slice(0, 10)}T00:00:00.000Z`)
  const last = await lastDailyRun(store)
  const dates: string[] = []
  for (let day = today - days * DAY_MS; day < today; day += DAY_MS) if (last === null || day + DAY_MS > last) dates.push(new Date(day).toISOString().slice(0, 10))
  // A customer without transactions has no features, as in a backtest and in the server.
  const features = async (customerId: string, at: number) => {
    const f = await monitoring.engine.features(customerId, at)
    return f.totalCount === 0 ? null : f
  }
  let alerts = 0
  for (const [index, date] of dates.entries()) {
    const run = await runDailyRules({ store, date, config, features })
    alerts += run.alerts.filter((alert) => !alert.shadow).length
    onProgress?.(index + 1, dates.length)
  }
  return { days: dates.length, alerts, totals: await alertTotals(store) }
}

async function alertTotals(store: Store): Promise<RunDemoDailyRulesResult['totals']> {
  const alerts = await store.db.selectFrom('alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('shadow', '=', 0).executeTakeFirstOrThrow()
  const cases = await store.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', OPEN_CASE_STATUSES).executeTakeFirstOrThrow()
  return { alerts: Number(alerts.n), openCases: Number(cases.n) }
}
