import { AppError } from '../../app-error.ts'
import {
  compareWithGroundTruth,
  compileRule,
  DEFAULT_DEDUPE_KEY,
  DEFAULT_PACK_TARGETS,
  startBacktest,
  validateRule,
  type BacktestAlert,
  type GroundTruthCase,
  type Ratio,
  type RuleDocument,
  type RuleScope,
  type RuleState,
} from '../../domain/alerts/index.ts'
import { DAY_MS, HOUR_MS } from '../../domain/monitoring/activity.ts'
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from '../../domain/monitoring/features/index.ts'
import { transactionLog } from '../../engine/transaction-log.ts'
import type { Store } from '../../store/open-store.ts'
import { customerIdPages, readBacktestCustomers, readMaxSingleNameShare } from './rule-facts.ts'
import { ruleFromRow } from './stored-rule.ts'

/**
 * A rule to backtest: a stored version by id, a stored key (its active version, else its newest),
 * or a document given inline (id, version and state may be left out), with where the request
 * holds it for the error details of an invalid one (default `rules.<index>.document`).
 */
export type BacktestRuleInput =
  | { ruleId: string }
  | { key: string }
  | { document: Partial<Pick<RuleDocument, 'id' | 'version' | 'state' | 'dedupeKey'>> & Omit<RuleDocument, 'id' | 'version' | 'state' | 'dedupeKey'>; path?: string }

export type BacktestRulesOptions = {
  store: Store
  rules: readonly BacktestRuleInput[]
  /** Epoch ms, whole UTC days: the first day and the end (exclusive). */
  from: number
  to: number
  /** The live engine's feature config: the same one, or the features differ. */
  config?: FeatureConfig
  /** How long after a labelled case's end an alert still finds it. Default 7 days. */
  graceDays?: number
  /** Transactions read per page. */
  pageSize?: number
  /** portfolio.max_single_name_share; default the active risk policy's (the one the live daily run reads today, for every day of the range). */
  maxSingleNameShare?: number
}

export type RuleBacktest = {
  from: string
  to: string
  rules: { id: string; key: string; version: number; state: RuleState; scope: RuleScope }[]
  /** Transactions in the range the rules saw. */
  transactions: number
  /** Every time a rule fired: the alerts and the suppressed hits. */
  hits: number
  /** Hits that raised nothing: an alert of the same dedupe key within the rule's suppression window. */
  suppressed: number
  customersAffected: number
  byRule: { ruleKey: string; alerts: number; customers: number }[]
  /** Every day of the range, YYYY-MM-DD (UTC), with its alerts (by the alert's time; a daily rule's alert at a day's end counts on that day). */
  perDay: { day: string; alerts: number }[]
  /** Against the labelled cases (ground_truth_patterns) overlapping the range; null when there are none. */
  groundTruth: { cases: number; recall: Ratio; precision: Ratio; precisionAll: Ratio; byPattern: { pattern: string; recall: Ratio }[] } | null
  /** In the order raised. */
  alerts: BacktestAlert[]
}

const PAGE = 10_000

/**
 * The rules run over the stored history of a range exactly as live evaluation ran them: every
 * transaction in seq order (the order the engine applied them; those before the range build up
 * the features only), every day's daily rules for every customer as of the day's end, with the
 * customers' facts, receivables, bureau reports and ratings read the way the live paths read
 * them (rule-facts.ts), every customer in the store making up the portfolio of the portfolio.* facts. Hits before the range are evaluated from as far back as the longest
 * suppression window, so an alert raised just before the range suppresses as it did live.
 * Transactions are read a page at a time; the customers' invoices, payments and reports are held.
 * Reads only: nothing is raised or audited.
 */
export async function backtestRules({ store, rules: inputs, from, to, config = DEFAULT_FEATURE_CONFIG, graceDays = 7, pageSize = PAGE, maxSingleNameShare }: BacktestRulesOptions): Promise<RuleBacktest> {
  if (!(from % DAY_MS === 0 && to % DAY_MS === 0)) throw new AppError('validation_failed', 'from and to must be whole UTC days', { details: [{ path: from % DAY_MS === 0 ? 'to' : 'from', message: 'must be a date, YYYY-MM-DD' }] })
  if (!(to > from)) throw new AppError('validation_failed', 'to must be after from', { details: [{ path: 'to', message: 'must be after from' }] })
  if (to - from > 3 * 366 * DAY_MS) throw new AppError('validation_failed', 'a backtest covers at most three years', { details: [{ path: 'to', message: 'at most three years after from' }] })
  if (inputs.length === 0) throw new AppError('validation_failed', 'name a rule to backtest', { details: [{ path: 'rules', message: 'at least one' }] })
  const documents = await Promise.all(inputs.map((input, i) => documentOf(store, input, i)))
  const compiled = documents.map((document) => compileRule(document))
  const lookback = Math.ceil((Math.max(...documents.map((d) => d.suppressionHours)) * HOUR_MS) / DAY_MS) * DAY_MS

  const ids: string[] = []
  for await (const page of customerIdPages(store)) ids.push(...page)
  const customers = await readBacktestCustomers(store, ids)
  const run = startBacktest({ rules: compiled, customers, from: from - lookback, to, reportFrom: from, config, maxSingleNameShare: maxSingleNameShare ?? (await readMaxSingleNameShare(store)) })
  const log = transactionLog(store)
  let transactions = 0
  for (let after = 0; ; ) {
    const page = await log.tail(after, pageSize)
    for (const tx of page) {
      run.apply(tx)
      if (tx.at >= from && tx.at < to) transactions += 1
    }
    if (page.length < pageSize) break
    after = page.at(-1)!.seq
  }
  const { alerts, suppressed } = run.finish()

  const perDay = new Map<number, number>()
  for (let day = from; day < to; day += DAY_MS) perDay.set(day, 0)
  for (const alert of alerts) {
    // A daily rule's alert is at its day's end (the next midnight): it counts on the day evaluated.
    const day = Math.floor((alert.transactionId === undefined ? alert.at - 1 : alert.at) / DAY_MS) * DAY_MS
    perDay.set(day, (perDay.get(day) ?? 0) + 1)
  }
  const byRule = documents.map((document) => {
    const mine = alerts.filter((alert) => alert.ruleId === document.id)
    return { ruleKey: document.key, alerts: mine.length, customers: new Set(mine.map((alert) => alert.customerId)).size }
  })
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    rules: documents.map(({ id, key, version, state, scope }) => ({ id, key, version, state, scope })),
    transactions,
    hits: alerts.length + suppressed,
    suppressed,
    customersAffected: new Set(alerts.map((alert) => alert.customerId)).size,
    byRule,
    perDay: [...perDay].map(([day, count]) => ({ day: new Date(day).toISOString().slice(0, 10), alerts: count })),
    groundTruth: await groundTruthOf(store, { alerts, documents, from, to, graceMs: graceDays * DAY_MS }),
    alerts,
  }
}

async function groundTruthOf(store: Store, { alerts, documents, from, to, graceMs }: { alerts: BacktestAlert[]; documents: RuleDocument[]; from: number; to: number; graceMs: number }): Promise<RuleBacktest['groundTruth']> {
  const rows = await store.db.selectFrom('ground_truth_patterns').select(['customer_id', 'pattern', 'from_at', 'to_at']).where('from_at', '<', to).where('to_at', '>=', from).orderBy('from_at').orderBy('id').execute()
  if (rows.length === 0) return null
  const cases: GroundTruthCase[] = rows.map((row) => ({ customerId: row.customer_id, pattern: row.pattern, from: Number(row.from_at), to: Number(row.to_at) }))
  // The default pack's rules are judged on the patterns they aim at; without any such rule, every alert is judged against every case.
  const aimed = documents.filter((d) => DEFAULT_PACK_TARGETS[d.key] !== undefined)
  const targets = aimed.length === 0 ? undefined : Object.fromEntries(aimed.map((d) => [d.key, DEFAULT_PACK_TARGETS[d.key]!]))
  const comparison = compareWithGroundTruth(alerts, cases, { targets, graceMs })
  return { cases: cases.length, recall: comparison.recall, precision: comparison.precision, precisionAll: comparison.precisionAll, byPattern: comparison.byPattern.map(({ pattern, recall }) => ({ pattern, recall })) }
}

async function documentOf(store: Store, input: BacktestRuleInput, index: number): Promise<RuleDocument> {
  if ('ruleId' in input) {
    const row = await store.db.selectFrom('rules').selectAll().where('id', '=', input.ruleId).executeTakeFirst()
    if (!row) throw new AppError('not_found', `no rule ${input.ruleId}`)
    return ruleFromRow(row).document
  }
  if ('key' in input) {
    const rows = await store.db.selectFrom('rules').selectAll().where('key', '=', input.key).orderBy('version', 'desc').execute()
    const row = rows.find((r) => r.state === 'active') ?? rows[0]
    if (!row) throw new AppError('not_found', `no rule with the key ${input.key}`)
    return ruleFromRow(row).document
  }
  const given = input.document
  const document = { ...given, id: given.id ?? `backtest.${given.key}`, version: given.version ?? 1, state: given.state ?? 'draft', dedupeKey: given.dedupeKey ?? DEFAULT_DEDUPE_KEY }
  const problems = validateRule(document)
  if (problems.length > 0) {
    const prefix = input.path ?? `rules.${index}.document`
    const details = problems.map(({ path, message }) => ({ path: path === '' ? prefix : `${prefix}.${path}`, message }))
    throw new AppError('validation_failed', details.map((d) => `${d.path} ${d.message}`).join('; '), { details })
  }
  return document as RuleDocument
}
