import { compileRule, dailyContextOf, evaluateRules, portfolioFactsOf, readsAny, type CompiledRule, type RuleDocument } from '../../domain/alerts/index.ts'
import { DAY_MS } from '../../domain/monitoring/activity.ts'
import { DEFAULT_FEATURE_CONFIG, type CustomerFeatures, type FeatureConfig } from '../../domain/monitoring/features/index.ts'
import type { Store } from '../../store/open-store.ts'
import type { HeldCustomers } from '../controls/held-customers.ts'
import { customerIdPages, readBacktestCustomers, readMaxSingleNameShare, readPortfolioExposure } from '../rules/rule-facts.ts'
import { raiseAlerts, type PendingAlert } from './raise-alerts.ts'
import type { Alert } from './stored-alert.ts'

export type RunDailyRulesOptions = {
  store: Store
  /** The UTC day evaluated, YYYY-MM-DD: its rules run as of its end (the next midnight). */
  date: string
  config?: FeatureConfig
  /**
   * A customer's features as of a time (the live engine's), for daily rules reading f.*; null
   * for a customer without transactions. Without it such rules read null.
   */
  features?: (customerId: string, asOf: number) => Promise<CustomerFeatures | null>
  /** Told of the credit holds the alerts place. */
  held?: Pick<HeldCustomers, 'add'>
  /** Customers read and evaluated per page. */
  pageSize?: number
  /** portfolio.max_single_name_share; default the active risk policy's. */
  maxSingleNameShare?: number
}

export type DailyRulesRun = { date: string; rules: number; customers: number; hits: number; alerts: Alert[] }

/** The row of monitoring_checkpoints whose through_seq holds the end (epoch ms) of the latest day the daily rules ran for. */
export const DAILY_RULES_CHECKPOINT = 'daily-rules'

/**
 * The live daily evaluation: the active and shadow rules of scope `daily`, for every customer,
 * as of the end of a UTC day — with the same domain function as the backtest (dailyContextOf)
 * over the facts read the same way (rule-facts.ts), so the two raise the same alerts. When a rule
 * reads portfolio.*, every customer's outstanding receivables as of the day's end are added up
 * first (one more pass over the customers' receivables). The hits are raised through raiseAlerts (suppression, cases, holds, audit, webhooks), at the day's end.
 *
 * Idempotent: a hit of a rule on a customer for a day that already has its alert (same rule,
 * customer and time, no transaction) is dropped, so running a day again raises nothing twice.
 * Records the day in the checkpoint DAILY_RULES_CHECKPOINT (never moving it back).
 */
export async function runDailyRules({ store, date, config = DEFAULT_FEATURE_CONFIG, features, held, pageSize = 500, maxSingleNameShare }: RunDailyRulesOptions): Promise<DailyRulesRun> {
  const day = Date.parse(`${date}T00:00:00.000Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(day)) throw new Error(`not a date (YYYY-MM-DD): ${date}`)
  const end = day + DAY_MS
  const rules = await dailyRules(store)
  const result: DailyRulesRun = { date, rules: rules.length, customers: 0, hits: 0, alerts: [] }
  if (rules.length > 0) {
    const needsFeatures = readsAny(rules, 'f.')
    const at = new Date(end).toISOString()
    const exposure = readsAny(rules, 'portfolio.') ? await readPortfolioExposure(store, { asOf: end, config, pageSize }) : null
    const maxShare = exposure === null ? 0 : (maxSingleNameShare ?? (await readMaxSingleNameShare(store)))
    for await (const ids of customerIdPages(store, pageSize)) {
      const customers = await readBacktestCustomers(store, ids)
      const done = await alreadyRaised(store, ids, at)
      const pending: PendingAlert[] = []
      for (const c of customers) {
        const id = c.customer.id
        const portfolio = exposure === null ? null : portfolioFactsOf(exposure, id, maxShare)
        const context = dailyContextOf(c, { rules, config, receivables: 'exact' })(end, needsFeatures && features ? await features(id, end) : null, portfolio)
        for (const hit of evaluateRules(rules, context)) {
          result.hits += 1
          if (!done.has(`${hit.ruleId}\u0000${id}`)) pending.push({ hit, customerId: id, transaction: null, at: end })
        }
      }
      result.customers += customers.length
      result.alerts.push(...(await raiseAlerts({ store, pending, held })))
    }
  }
  await recordDay(store, end)
  return result
}

/** The end (epoch ms) of the latest day the daily rules ran for; null when they never ran. */
export async function lastDailyRun(store: Store): Promise<number | null> {
  const row = await store.db.selectFrom('monitoring_checkpoints').select('through_seq').where('name', '=', DAILY_RULES_CHECKPOINT).executeTakeFirst()
  return row ? Number(row.through_seq) : null
}

async function dailyRules(store: Store): Promise<CompiledRule[]> {
  const rows = await store.db.selectFrom('rules').select('document').where('state', 'in', ['active', 'shadow']).orderBy('key').orderBy('version').execute()
  return rows.map((row) => JSON.parse(row.document) as RuleDocument).filter((document) => document.scope === 'daily').map((document) => compileRule(document))
}

async function alreadyRaised(store: Store, ids: readonly string[], at: string): Promise<Set<string>> {
  const rows = await store.db.selectFrom('alerts').select(['rule_id', 'customer_id']).where('at', '=', at).where('transaction_id', 'is', null).where('customer_id', 'in', ids).execute()
  return new Set(rows.map((row) => `${row.rule_id}\u0000${row.customer_id}`))
}

async function recordDay(store: Store, end: number): Promise<void> {
  const last = await lastDailyRun(store)
  if (last === null) await store.db.insertInto('monitoring_checkpoints').values({ name: DAILY_RULES_CHECKPOINT, through_seq: end, updated_at: Date.now() }).execute()
  else if (end > last) await store.db.updateTable('monitoring_checkpoints').set({ through_seq: end, updated_at: Date.now() }).where('name', '=', DAILY_RULES_CHECKPOINT).execute()
}
