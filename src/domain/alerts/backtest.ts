import { DAY_MS, HOUR_MS, type Invoice, type Payment, type Transaction } from '../monitoring/activity.ts'
import { bureauEvents, type BureauEvent, type BureauObservation } from '../monitoring/bureau-events.ts'
import { applyTransaction, DEFAULT_FEATURE_CONFIG, featuresAsOf, newFeatureState, type FeatureConfig, type FeatureState } from '../monitoring/features/index.ts'
import type { Money } from '../monitoring/receivables/figure.ts'
import { receivablesSummary } from '../monitoring/receivables/receivables-summary.ts'
import { compileRule, type CompiledRule } from './compile-rule.ts'
import { evaluateRule, type Evidence, type RuleHit } from './evaluate-rules.ts'
import { DEFAULT_MAX_SINGLE_NAME_SHARE, exposureTracker, portfolioExposure, portfolioFactsOf, type PortfolioFacts } from './portfolio-facts.ts'
import { bureauFacts, receivablesFacts, ruleContext, type BureauFacts, type CustomerFacts, type RatingFacts, type ReceivablesFacts, type RuleContext, type RuleContextInput, type ZScoreFacts } from './rule-context.ts'
import type { RuleDocument, RuleSeverity } from './rule.ts'

/**
 * A backtest: the rules run over a stretch of history exactly as the live engine runs them,
 * and the alerts they would have raised. Pure: no store, no clock.
 *
 * - Transactions are folded into each customer's feature state in the given (time) order with
 *   applyTransaction; after each, the rules of scope `transaction` are evaluated on a context of
 *   the transaction, its evaluation and the features as of its time (featuresAsOf, computed
 *   only when a rule reads `f.*`).
 * - Once a day (UTC), after that day's transactions, the rules of scope `daily` are evaluated
 *   for every customer as of the day's end: receivables from the invoices and payments known
 *   then, bureau facts from the reports made by then (events of the last `bureauLookbackDays`),
 *   the portfolio facts from every customer's outstanding receivables then (`customers` is the
 *   whole portfolio).
 * - Rules of scope `event` are not run here (no events are replayed).
 * - Every rule given is evaluated whatever its state (evaluateRule): a backtest of a draft works.
 * - A hit raises an alert unless an alert with the same dedupe key was raised less than the
 *   rule's suppressionHours before it.
 */
export type BacktestCustomer = {
  customer: CustomerFacts
  invoices?: readonly Invoice[]
  payments?: readonly Payment[]
  /** The credit limit, for receivables.utilisation; the receivables facts are in its currency. */
  creditLimit?: Money | null
  /** The receivables facts' currency without a limit; default the feature config's reporting currency. */
  currency?: string
  bureauRecords?: readonly BureauObservation[]
  /** The rating when `ratings` names none for the time (held constant). */
  rating?: RatingFacts | null
  /** The rating as it changed, in time order: the one in effect at a time is the last from at or before it. */
  ratings?: readonly { at: number; facts: RatingFacts }[]
  /** Held constant over the backtest. */
  zscore?: ZScoreFacts | null
}

export type BacktestOptions = {
  rules: readonly (RuleDocument | CompiledRule)[]
  /** In the order the live engine applied them (seq; time order for generated history). Transactions of customers not in `customers` are evaluated with no customer facts. */
  transactions: readonly Transaction[]
  customers: readonly BacktestCustomer[]
  /** Epoch ms: the first day evaluated (its UTC day) and the end (exclusive). Default: the transactions' span. */
  from?: number
  to?: number
  /**
   * Epoch ms: alerts before it (a daily alert: of a day before it) are evaluated — they suppress
   * later hits, as the alerts the live engine raised before a range do — but not returned.
   * Default the start of `from`'s day.
   */
  reportFrom?: number
  config?: FeatureConfig
  /** Bureau events this many days old or newer count as recent. Default 30. */
  bureauLookbackDays?: number
  /**
   * 'incremental' (the default) computes the receivables summary only on a customer's days that
   * change it (an invoice issued or falling due, a payment) and moves the days past due on by the
   * days since in between, which gives the same facts at a fraction of the cost; the payment
   * index is held from the last such day. 'exact' computes the summary every day.
   */
  receivables?: 'incremental' | 'exact'
  /** portfolio.max_single_name_share: the risk appetite's single-name limit. Default DEFAULT_MAX_SINGLE_NAME_SHARE (0.1). */
  maxSingleNameShare?: number
}

export type BacktestAlert = {
  ruleKey: string
  ruleId: string
  customerId: string
  /** Epoch ms: the transaction's time, or the end of the day for a daily rule. */
  at: number
  severity: RuleSeverity
  score: number
  dedupeKey: string
  evidence: Evidence[]
  transactionId?: string
  /** The transaction's source, with its id. */
  transactionSource?: string
}

export type BacktestResult = {
  alerts: BacktestAlert[]
  /** Hits that raised nothing because an alert with their dedupe key was raised within the suppression window. */
  suppressed: number
}

/** A backtest fed one transaction at a time (a store read in pages): `apply` each in order, then `finish`. */
export type BacktestRun = {
  apply(tx: Transaction): void
  finish(): BacktestResult
}

export function backtest(options: BacktestOptions): BacktestResult {
  const { transactions } = options
  const from = options.from ?? transactions[0]?.at ?? 0
  const to = options.to ?? (transactions.length === 0 ? startOfDay(from) : startOfDay(transactions.at(-1)!.at) + DAY_MS)
  const run = startBacktest({ ...options, from, to })
  for (const tx of transactions) run.apply(tx)
  return run.finish()
}

/**
 * The backtest as a stepper. A transaction at or after the end of the day being evaluated first
 * closes the days before its own (the daily rules run as of each day's end); one before `from`
 * only builds up its customer's state, as does one from `to` on.
 */
export function startBacktest(options: Omit<BacktestOptions, 'transactions' | 'from' | 'to'> & { from: number; to: number }): BacktestRun {
  const { customers, config = DEFAULT_FEATURE_CONFIG, bureauLookbackDays = 30, receivables = 'incremental', maxSingleNameShare = DEFAULT_MAX_SINGLE_NAME_SHARE } = options
  const rules = options.rules.map(compiled)
  const onTransaction = rules.filter((rule) => rule.document.scope === 'transaction')
  const daily = rules.filter((rule) => rule.document.scope === 'daily')
  const needsFeatures = readsAny(daily, 'f.')
  // Every customer's outstanding as of each day's end, for the portfolio facts: only when a daily rule reads them.
  const exposures = readsAny(daily, 'portfolio.') ? customers.map((c) => [c.customer.id, exposureTracker(c, config)] as const) : null
  const first = startOfDay(options.from)
  const { to } = options
  const reportFrom = options.reportFrom ?? first
  const byId = new Map(customers.map((c) => [c.customer.id, c]))
  const dailyOf = new Map(customers.map((c) => [c.customer.id, dailyContextOf(c, { rules: daily, config, bureauLookbackDays, receivables })]))
  const states = new Map<string, FeatureState>()
  const stateOf = (customerId: string) => {
    let state = states.get(customerId)
    if (state === undefined) states.set(customerId, (state = newFeatureState(customerId)))
    return state
  }

  const alerts: BacktestAlert[] = []
  const lastAlertAt = new Map<string, number>()
  let suppressed = 0
  const raise = (hit: RuleHit, customerId: string, at: number, tx?: Transaction) => {
    // A daily alert is at its day's end: it belongs to the day evaluated.
    const isReported = (tx === undefined ? at - 1 : at) >= reportFrom
    const last = lastAlertAt.get(hit.dedupeKey)
    if (last !== undefined && at - last < hit.suppressionHours * HOUR_MS) {
      if (isReported) suppressed += 1
      return
    }
    lastAlertAt.set(hit.dedupeKey, at)
    if (!isReported) return
    const alert: BacktestAlert = { ruleKey: hit.ruleKey, ruleId: hit.ruleId, customerId, at, severity: hit.severity, score: hit.score, dedupeKey: hit.dedupeKey, evidence: hit.evidence }
    if (tx !== undefined) {
      alert.transactionId = tx.id
      alert.transactionSource = tx.source
    }
    alerts.push(alert)
  }

  let day = first
  const closeDaysBefore = (at: number) => {
    for (; day < to && day + DAY_MS <= at; day += DAY_MS) {
      if (daily.length === 0) continue
      const end = Math.min(day + DAY_MS, to)
      const exposure = exposures === null ? null : portfolioExposure(exposures.map(([id, outstandingAt]) => [id, outstandingAt(end)]))
      for (const c of customers) {
        const id = c.customer.id
        const state = states.get(id)
        const portfolio = exposure === null ? null : portfolioFactsOf(exposure, id, maxSingleNameShare)
        const context = dailyOf.get(id)!(end, needsFeatures && state !== undefined ? () => featuresAsOf(state, end, config) : null, portfolio)
        for (const rule of daily) {
          const hit = evaluateRule(rule, context)
          if (hit !== null) raise(hit, id, end)
        }
      }
    }
  }

  return {
    apply(tx) {
      const state = stateOf(tx.customerId)
      if (tx.at >= to) {
        applyTransaction(state, tx, config)
        return
      }
      closeDaysBefore(tx.at)
      const evaluation = applyTransaction(state, tx, config)
      if (tx.at < first || onTransaction.length === 0) return // before the backtest's range: it only builds up the state
      const c = byId.get(tx.customerId)
      const context = ruleContext({ tx, evaluation, customer: c?.customer ?? null, features: () => featuresAsOf(state, tx.at, config), rating: c === undefined ? null : ratingAsOf(c, tx.at), zscore: c?.zscore ?? null })
      for (const rule of onTransaction) {
        const hit = evaluateRule(rule, context)
        if (hit !== null) raise(hit, tx.customerId, tx.at, tx)
      }
    },
    finish() {
      closeDaysBefore(Infinity)
      return { alerts, suppressed }
    },
  }
}

export type DailyContextOptions = {
  /** The daily rules: what they read decides which facts are computed. */
  rules: readonly CompiledRule[]
  config?: FeatureConfig
  bureauLookbackDays?: number
  receivables?: 'incremental' | 'exact'
}

/**
 * A customer's daily rule contexts: called with each day's end (increasing, for 'incremental'),
 * its features and its portfolio facts as of then (portfolioFactsOf), it gives the context the
 * rules of scope `daily` see. What the backtest and the live daily evaluation both use, so the
 * two see the same facts: receivables from the invoices and payments known then, bureau facts
 * from the reports made by then (events of the last `bureauLookbackDays`), the rating in effect then.
 */
export function dailyContextOf(c: BacktestCustomer, { rules, config = DEFAULT_FEATURE_CONFIG, bureauLookbackDays = 30, receivables = 'incremental' }: DailyContextOptions): (end: number, features: RuleContextInput['features'], portfolio?: PortfolioFacts | null) => RuleContext {
  const needsReceivables = readsAny(rules, 'receivables.')
  const receivablesAsOf = needsReceivables ? receivablesTracker(c, config.reportingCurrency, receivables === 'exact') : null
  let bureau: { records: BureauObservation[]; events: BureauEvent[] } | null = null
  if (readsAny(rules, 'bureau.')) {
    const records = [...(c.bureauRecords ?? [])].sort((a, b) => Date.parse(a.reportedOn) - Date.parse(b.reportedOn))
    bureau = { records, events: bureauEvents({ records }).events }
  }
  return (end, features, portfolio = null) =>
    ruleContext({
      customer: c.customer,
      features,
      rating: ratingAsOf(c, end - 1),
      zscore: c.zscore ?? null,
      receivables: receivablesAsOf === null ? null : receivablesAsOf(end),
      bureau: bureau === null ? null : bureauAsOf(bureau, end, end - bureauLookbackDays * DAY_MS),
      portfolio,
    })
}

/** Whether any of the rules reads a variable of the prefix ('f.', 'receivables.', …). */
export function readsAny(rules: readonly CompiledRule[], prefix: string): boolean {
  return rules.some((rule) => rule.evidence.some((e) => e.variable.startsWith(prefix)))
}

/** The rating in effect at `at`: the last of `ratings` from at or before it, else `rating`. */
export function ratingAsOf(c: Pick<BacktestCustomer, 'rating' | 'ratings'>, at: number): RatingFacts | null {
  let found: RatingFacts | null = c.rating ?? null
  for (const entry of c.ratings ?? []) {
    if (entry.at > at) break
    found = entry.facts
  }
  return found
}

function compiled(rule: RuleDocument | CompiledRule): CompiledRule {
  return 'expression' in rule && typeof rule.expression === 'string' ? compileRule(rule as RuleDocument) : (rule as CompiledRule)
}

/**
 * The customer's receivables facts as of each day's end, asked for in increasing order. Between
 * two days that change the ledger (an invoice issued, a payment, an invoice falling due: its day
 * and the two after, whatever the rounding of whole days), every open invoice stays open and an
 * overdue one ages one day a day: the maximum and the weighted days past due move on by the days
 * elapsed, the amounts do not move.
 */
function receivablesTracker(c: BacktestCustomer, reportingCurrency: string, exact: boolean): (asOf: number) => ReceivablesFacts | null {
  const invoices = c.invoices ?? []
  const payments = c.payments ?? []
  const limit = c.creditLimit ?? null
  const currency = limit?.currency ?? c.currency ?? reportingCurrency
  const firstIssued = invoices.reduce((first, invoice) => Math.min(first, invoice.issuedAt), Infinity)
  const changes = new Set<number>()
  for (const invoice of invoices) {
    changes.add(dayOf(invoice.issuedAt))
    for (let d = 0; d <= 2; d += 1) changes.add(dayOf(invoice.dueAt) + d)
  }
  for (const payment of payments) changes.add(dayOf(payment.at))
  let last: { day: number; facts: ReceivablesFacts } | null = null
  return (asOf) => {
    if (!(firstIssued <= asOf)) return null
    const day = dayOf(asOf - 1)
    if (!exact && last !== null) {
      let changed = false
      for (let d = last.day + 1; d <= day && !changed; d += 1) changed = changes.has(d)
      if (!changed) {
        const elapsed = day - last.day
        const { facts } = last
        const aged = (dpd: number | null) => (dpd === null || dpd <= 0 ? dpd : dpd + elapsed)
        const next = { ...facts, maxDpd: aged(facts.maxDpd), weightedDpd: aged(facts.weightedDpd) }
        last = { day, facts: next }
        return next
      }
    }
    const facts = receivablesFacts(receivablesSummary({ invoices, payments, asOf, limit }), currency)
    last = { day, facts }
    return facts
  }
}

function dayOf(at: number): number {
  return Math.floor(at / DAY_MS)
}

function bureauAsOf(history: { records: BureauObservation[]; events: BureauEvent[] }, asOf: number, since: number): BureauFacts | null {
  // A report dated D (midnight UTC) is first seen at the end of day D, not at the end of the day before.
  const records = history.records.filter((record) => Date.parse(record.reportedOn) < asOf)
  if (records.length === 0) return null
  return bureauFacts({ records, events: history.events.filter((event) => event.at < asOf), since })
}

function startOfDay(at: number): number {
  return Math.floor(at / DAY_MS) * DAY_MS
}
