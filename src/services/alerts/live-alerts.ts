import { compileRule, evaluateRules, ruleContext, type CompiledRule, type CustomerFacts, type RuleDocument } from '../../domain/alerts/index.ts'
import { DEFAULT_FEATURE_CONFIG, featuresAsOf, type FeatureConfig } from '../../domain/monitoring/features/index.ts'
import type { AcceptedListener } from '../../engine/monitoring-engine.ts'
import { SerialQueue } from '../../engine/serial-queue.ts'
import type { Store } from '../../store/open-store.ts'
import type { HeldCustomers } from '../controls/held-customers.ts'
import { raiseAlerts, type PendingAlert } from './raise-alerts.ts'
import type { Alert } from './stored-alert.ts'

export type LiveAlerts = {
  /** The engine's listener: evaluates the transaction rules synchronously and keeps the hits in memory. */
  onAccepted: AcceptedListener
  /** Loads the rules; call before the engine replays. */
  open(): Promise<void>
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
 */
export function createLiveAlerts({ store, config = DEFAULT_FEATURE_CONFIG, held }: CreateLiveAlertsOptions): LiveAlerts {
  let rules: CompiledRule[] = []
  let pending: PendingAlert[] = []
  const recent = new Map<string, Alert[]>()
  const queue = new SerialQueue()
  let evaluationError: unknown = null

  async function reload(): Promise<void> {
    const rows = await store.db.selectFrom('rules').select('document').where('state', 'in', ['active', 'shadow']).orderBy('key').orderBy('version').execute()
    rules = rows.map((row) => compileRule(JSON.parse(row.document) as RuleDocument)).filter((rule) => rule.document.scope === 'transaction')
  }

  const onAccepted: AcceptedListener = ({ tx, evaluation, state }) => {
    if (rules.length === 0) return
    // Read now: the state moves on with the customer's next transaction.
    // The customer's record is not read on the hot path yet: only customer.id is known, its other fields read null (and fire nothing).
    const context = ruleContext({ tx, evaluation, customer: { id: tx.customerId } as CustomerFacts, features: () => featuresAsOf(state, tx.at, config) })
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

const transactionKey = ({ source, id }: { source: string; id: string }) => `${source}\u0000${id}`
