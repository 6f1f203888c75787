import { DAY_MS, HOUR_MS, type Invoice, type Payment, type Transaction } from '../monitoring/activity.ts'
import { bureauEvents, type BureauEvent, type BureauObservation } from '../monitoring/bureau-events.ts'
import { applyTransaction, DEFAULT_FEATURE_CONFIG, featuresAsOf, newFeatureState, type FeatureConfig, type FeatureState } from '../monitoring/features/index.ts'
import type { Money } from '../monitoring/receivables/figure.ts'
import { receivablesSummary } from '../monitoring/receivables/receivables-summary.ts'
import { compileRule, type CompiledRule } from './compile-rule.ts'
import { evaluateRule, type Evidence, type RuleHit } from './evaluate-rules.ts'
import { bureauFacts, receivablesFacts, ruleContext, type BureauFacts, type CustomerFacts, type RatingFacts, type ReceivablesFacts, type ZScoreFacts } from './rule-context.ts'
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
 *   then, bureau facts from the reports made by then (events of the last `bureauLookbackDays`).
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
  /** Held constant over the backtest. */
  rating?: RatingFacts | null
  zscore?: ZScoreFacts | null
}

export type BacktestOptions = {
  rules: readonly (RuleDocument | CompiledRule)[]
  /** In time order. Transactions of customers not in `customers` are evaluated with no customer facts. */
  transactions: readonly Transaction[]
  customers: readonly BacktestCustomer[]
  /** Epoch ms: the first day evaluated (its UTC day) and the end (exclusive). Default: the transactions' span. */
  from?: number
  to?: number
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
}

export type BacktestResult = {
  alerts: BacktestAlert[]
  /** Hits that raised nothing because an alert with their dedupe key was raised within the suppression window. */
  suppressed: number
}

export function backtest(options: BacktestOptions): BacktestResult {
  const { transactions, customers, config = DEFAULT_FEATURE_CONFIG, bureauLookbackDays = 30, receivables = 'incremental' } = options
  const rules = options.rules.map((rule) => ('expression' in rule && typeof rule.expression === 'string' ? compileRule(rule as RuleDocument) : (rule as CompiledRule)))
  const onTransaction = rules.filter((rule) => rule.document.scope === 'transaction')
  const daily = rules.filter((rule) => rule.document.scope === 'daily')
  const reads = (prefix: string) => daily.some((rule) => rule.evidence.some((e) => e.variable.startsWith(prefix)))
  const needsReceivables = reads('receivables.')
  const needsBureau = reads('bureau.')
  const needsFeatures = reads('f.')

  const from = startOfDay(options.from ?? transactions[0]?.at ?? 0)
  const to = options.to ?? (transactions.length === 0 ? from : startOfDay(transactions.at(-1)!.at) + DAY_MS)
  const byId = new Map(customers.map((c) => [c.customer.id, c]))
  const bureau = new Map<string, { records: BureauObservation[]; events: BureauEvent[] }>()
  if (needsBureau) {
    for (const c of customers) {
      const records = [...(c.bureauRecords ?? [])].sort((a, b) => Date.parse(a.reportedOn) - Date.parse(b.reportedOn))
      bureau.set(c.customer.id, { records, events: bureauEvents({ records }).events })
    }
  }
  const receivablesOf = new Map(customers.map((c) => [c.customer.id, receivablesTracker(c, config.reportingCurrency, receivables === 'exact')]))
  const states = new Map<string, FeatureState>()
  const stateOf = (customerId: string) => {
    let state = states.get(customerId)
    if (state === undefined) states.set(customerId, (state = newFeatureState(customerId)))
    return state
  }

  const alerts: BacktestAlert[] = []
  const lastAlertAt = new Map<string, number>()
  let suppressed = 0
  const raise = (hit: RuleHit, customerId: string, at: number, transactionId?: string) => {
    const last = lastAlertAt.get(hit.dedupeKey)
    if (last !== undefined && at - last < hit.suppressionHours * HOUR_MS) {
      suppressed += 1
      return
    }
    lastAlertAt.set(hit.dedupeKey, at)
    const alert: BacktestAlert = { ruleKey: hit.ruleKey, ruleId: hit.ruleId, customerId, at, severity: hit.severity, score: hit.score, dedupeKey: hit.dedupeKey, evidence: hit.evidence }
    if (transactionId !== undefined) alert.transactionId = transactionId
    alerts.push(alert)
  }

  let next = 0
  for (let day = from; day < to; day += DAY_MS) {
    const end = Math.min(day + DAY_MS, to)
    for (; next < transactions.length && transactions[next]!.at < end; next += 1) {
      const tx = transactions[next]!
      const state = stateOf(tx.customerId)
      const evaluation = applyTransaction(state, tx, config)
      if (tx.at < day) continue // before the backtest's range: it only builds up the state
      const c = byId.get(tx.customerId)
      const context = ruleContext({ tx, evaluation, customer: c?.customer ?? null, features: () => featuresAsOf(state, tx.at, config), rating: c?.rating ?? null, zscore: c?.zscore ?? null })
      for (const rule of onTransaction) {
        const hit = evaluateRule(rule, context)
        if (hit !== null) raise(hit, tx.customerId, tx.at, tx.id)
      }
    }
    if (daily.length === 0) continue
    for (const c of customers) {
      const id = c.customer.id
      const state = states.get(id)
      const context = ruleContext({
        customer: c.customer,
        features: needsFeatures && state !== undefined ? () => featuresAsOf(state, end, config) : null,
        rating: c.rating ?? null,
        zscore: c.zscore ?? null,
        receivables: needsReceivables ? receivablesOf.get(id)!(end) : null,
        bureau: needsBureau ? bureauAsOf(bureau.get(id)!, end, end - bureauLookbackDays * DAY_MS) : null,
      })
      for (const rule of daily) {
        const hit = evaluateRule(rule, context)
        if (hit !== null) raise(hit, id, end)
      }
    }
  }
  return { alerts, suppressed }
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
