import { RULE_SEVERITIES } from '../../domain/alerts/index.ts'
import { weekOf, weeklyTrend } from '../../domain/portfolio/index.ts'
import type { AlertTrends } from '../../schemas/portfolio.ts'
import type { Store } from '../../store/open-store.ts'
import { readAlertsPerDay, readDispositionsPerDay } from '../../store/repositories/portfolio.ts'

export type GetAlertTrendsOptions = { store: Store; weeks?: number; now?: number }

/** The last `weeks` weeks (Monday to Sunday, UTC, the current one included) of alerts by severity and closed cases by disposition. */
export async function getAlertTrends({ store, weeks = 12, now = Date.now() }: GetAlertTrendsOptions): Promise<AlertTrends> {
  const today = new Date(now).toISOString().slice(0, 10)
  const from = new Date(Date.parse(`${weekOf(today)}T00:00:00Z`) - (weeks - 1) * 7 * 86_400_000).toISOString().slice(0, 10)
  const fromIso = `${from}T00:00:00.000Z`
  const toIso = new Date(now).toISOString()
  const [alerts, dispositions] = await Promise.all([readAlertsPerDay(store.db, fromIso, toIso), readDispositionsPerDay(store.db, fromIso, toIso)])
  return {
    from,
    to: today,
    alerts: weeklyTrend({ counts: alerts, from, to: today, series: RULE_SEVERITIES }),
    dispositions: weeklyTrend({ counts: dispositions, from, to: today }),
  }
}
