import type { Transaction } from '../../domain/monitoring/activity.ts'
import { compileRule, evaluateRules, ruleContext, type CompiledRule, type CustomerFacts, type RatingFacts, type RuleDocument } from '../../domain/alerts/index.ts'
import { DEFAULT_FEATURE_CONFIG, featuresAsOf, type FeatureConfig } from '../../domain/monitoring/features/index.ts'
import type { AcceptedListener } from '../../engine/monitoring-engine.ts'
import { SerialQueue } from '../../engine/serial-queue.ts'
import type { Store } from '../../store/open-store.ts'
import type { HeldCustomers } from '../controls/held-customers.ts'
import { customerIdPages, readCurrentRatings, readCustomerFacts } from '../rules/rule-facts.ts'
import { raiseAlerts, type PendingAlert } from './raise-alerts.ts'
import type { Alert } from './stored-alert.ts'

export type LiveAlerts = {
  /** The engine's listener: evaluates the transaction rules synchronously and keeps the hits in memory. */
  onAccepted: AcceptedListener
  /** Loads the rules (and the customers' facts when a rule reads them); call before the engine replays. */
  open(): Promise<void>
  /** Reads the facts of a batch's customers again before the engine applies it (when a rule reads them): a customer changed or created since is seen as it is. */
  prepare(transactions: readonly Transaction[]): Promise<void>
  /** Loads the active and shadow rules again (after a rule was saved or changed state). */
  reload(): Promise<void>
  /** Writes the hits kept since the last flush as alerts (raiseAlerts); returns the alerts written. */
  flush(): Promise<Alert[]>
  /** The live alerts a transaction raised in a recent flush, taken once (for the single-transaction response). */
  takeRaised(transaction: { source: string; id: string }): Alert[]
  /** The rules evaluated now. */
  readonly rules: readonly CompiledRule[]
}

export type CreateLiveAlertsOptions = {
  store: Store
  config?: FeatureConfig
  /** Told of the credit holds the alerts place. */
  held?: Pick<HeldCustomers, 'add'>
}

/** How many transactions' raised alerts are kept for takeRaised before the oldest are dropped. */
const RECENT = 10_000

/**
 * Live evaluation of the stored rules on every accepted transaction. The hot path stays in
 * memory: the listener builds the rule context (the features computed from the customer's
 * state only when a rule reads f.*), runs the active and shadow rules of scope transaction,
 * and queues the hits; nothing touches the store until flush, which the ingest path awaits
 * once per batch. A transaction without a hit costs no round trip. Flushes run one at a time;
 * a failed flush keeps its hits for the next one.
 *
 * The customer's facts and current rating (customer.*, rating.*) come from a cache read the way
 * the backtest reads them (rule-facts.ts): every customer's at open, and the batch's customers
 * again before each batch (prepare, one query each) — only while a live rule reads them, so a
 * pack that reads none costs nothing.
 */
export function createLiveAlerts({ store, config = DEFAULT_FEATURE_CONFIG, held }: CreateLiveAlertsOptions): LiveAlerts {
  let rules: CompiledRule[] = []
  let pending: PendingAlert[] = []
  const recent = new Map<string, Alert[]>()
  const queue = new SerialQueue()
  let evaluationError: unknown = null
  let needsFacts = false
  let factsLoaded = false
  const facts = new Map<string, CustomerFacts>()
  const ratings = new Map<string, RatingFacts>()

  async function refreshFacts(ids: readonly string[]): Promise<void> {
    const read = await readCustomerFacts(store, ids)
    const rated = await readCurrentRatings(store, ids)
    for (const id of ids) {
      const fact = read.get(id)
      if (fact) facts.set(id, fact)
      else facts.delete(id)
      const rating = rated.get(id)
      if (rating) ratings.set(id, rating)
      else ratings.delete(id)
    }
  }

  async function reload(): Promise<void> {
    const rows = await store.db.selectFrom('rules').select('document').where('state', 'in', ['active', 'shadow']).orderBy('key').orderBy('version').execute()
    rules = rows.map((row) => compileRule(JSON.parse(row.document) as RuleDocument)).filter((rule) => rule.document.scope === 'transaction')
    needsFacts = rules.some(readsCustomerFacts)
    if (needsFacts && !factsLoaded) {
      for await (const ids of customerIdPages(store)) await refreshFacts(ids)
      factsLoaded = true
    }
  }

  const onAccepted: AcceptedListener = ({ tx, evaluation, state }) => {
    if (rules.length === 0) return
    // Read now: the state moves on with the customer's next transaction.
    // Without a rule reading them, only customer.id is known (the other fields would read null).
    const customer = facts.get(tx.customerId) ?? ({ id: tx.customerId } as CustomerFacts)
    const context = ruleContext({ tx, evaluation, customer, features: () => featuresAsOf(state, tx.at, config), rating: ratings.get(tx.customerId) ?? null })
    try {
      for (const hit of evaluateRules(rules, context)) pending.push({ hit, customerId: tx.customerId, transaction: { source: tx.source, id: tx.id }, at: tx.at })
    } catch (error) {
      // Never into the engine: it is mid-batch. The error waits for the next flush to report it.
      evaluationError ??= error
    }
  }

  return {
    onAccepted,
    open: reload,
    reload: () => queue.run(reload),
    prepare: async (transactions) => {
      if (!needsFacts) return
      await refreshFacts([...new Set(transactions.map((tx) => tx.customerId))])
    },
    flush: () =>
      queue.run(async () => {
        if (evaluationError !== null) {
          const error = evaluationError
          evaluationError = null
          throw new Error('evaluating the live rules failed', { cause: error })
        }
        if (pending.length === 0) return []
        const batch = pending
        pending = []
        let alerts: Alert[]
        try {
          alerts = await raiseAlerts({ store, pending: batch, held })
        } catch (error) {
          pending = [...batch, ...pending]
          throw error
        }
        for (const alert of alerts) {
          if (alert.shadow || alert.transaction === null) continue
          const key = transactionKey(alert.transaction)
          recent.set(key, [...(recent.get(key) ?? []), alert])
        }
        for (const key of recent.keys()) {
          if (recent.size <= RECENT) break
          recent.delete(key)
        }
        return alerts
      }),
    takeRaised(transaction) {
      const key = transactionKey(transaction)
      const alerts = recent.get(key) ?? []
      recent.delete(key)
      return alerts
    },
    get rules() {
      return rules
    },
  }
}

/** Whether a rule reads the customer's fields beyond its id, or its rating (in its expression or dedupe key). */
function readsCustomerFacts(rule: CompiledRule): boolean {
  const text = `${rule.document.expression} ${rule.document.dedupeKey}`
  return /\bcustomer\.(?!id\b)|\brating\./.test(text)
}

const transactionKey = ({ source, id }: { source: string; id: string }) => `${source}\u0000${id}`
