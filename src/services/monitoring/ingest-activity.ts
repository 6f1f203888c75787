import type { FieldProblem } from '../../domain/customers/index.ts'
import type { Transaction } from '../../domain/monitoring/activity.ts'
import type { TransactionEvaluation } from '../../domain/monitoring/features/index.ts'
import type { Monitoring } from '../../engine/monitoring.ts'
import type { ItemResult } from '../../schemas/activity.ts'
import type { Store } from '../../store/open-store.ts'
import { insertPayments, upsertInvoices } from '../../store/repositories/receivables.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { ACTIVITY_CHECKS, activityProblems, toInvoice, toPayment, toTransaction, type ActivityInput, type ActivityKind } from './activity-inputs.ts'

export type IngestActivityOptions = {
  store: Store
  monitoring: Monitoring
  kind: ActivityKind
  /** As the client sent them: each is checked on its own. */
  items: readonly unknown[]
  /** Refuse the whole batch, writing nothing, when any item is bad. */
  atomic?: boolean
  /** Check the items and resolve their customers, write nothing: what an atomic file import does first. */
  checkOnly?: boolean
  /** For each transaction written (accepted, queued or duplicate), the control its result carries: blocked for a sale to a held customer. */
  controlOf?: (tx: Transaction) => 'allowed' | 'blocked'
}

export type IngestActivityResult = {
  results: ItemResult[]
  accepted: number
  /** Handed to the engine worker over NATS (stored durably in JetStream), applied shortly. */
  queued: number
  updated: number
  duplicates: number
  rejected: number
  /** atomic found bad items: nothing was written. */
  refused: boolean
  /** For accepted transactions, by index: how each compared with its customer's baseline. */
  evaluations: Map<number, TransactionEvaluation>
  /** With checkOnly, the transactions that passed, by index, customers resolved. */
  checked: Map<number, Transaction>
}

/** An item that could not even be read (an NDJSON line that is not JSON): rejected with this reason. */
export class UnreadableItem {
  constructor(readonly reason: string) {}
}

class Refused extends Error {
  constructor(readonly problems: Map<number, FieldProblem[]>) {
    super('refused')
  }
}

/**
 * Ingests a batch of transactions, invoices or payments. Each item is checked against the
 * API's schema and its customer resolved (Fengkong id or external id); the good ones land —
 * transactions through the monitoring engine, which updates the customer's features — and
 * every item gets its result: accepted, updated (invoices), duplicate (a repeated id,
 * acknowledged and never counted twice) or rejected with the fields at fault.
 */
export async function ingestActivity(options: IngestActivityOptions): Promise<IngestActivityResult> {
  const { store, monitoring, kind, items, atomic = false, checkOnly = false, controlOf } = options
  const check = ACTIVITY_CHECKS[kind]
  const results: ItemResult[] = items.map((item, index) => ({ index, id: idOf(item), status: 'rejected' }))
  const checked: { index: number; input: ActivityInput[ActivityKind] }[] = []
  items.forEach((item, index) => {
    if (item instanceof UnreadableItem) {
      results[index]!.errors = [{ path: '', message: item.reason }]
      return
    }
    const problems = check(item)
    if (problems.length === 0) problems.push(...activityProblems(kind, item as ActivityInput[typeof kind]))
    if (problems.length > 0) results[index]!.errors = problems
    else checked.push({ index, input: item as ActivityInput[typeof kind] })
  })
  const customers = await monitoring.customers.resolve(checked.map(({ input }) => input.customerId))
  const ready = checked.filter(({ index, input }) => {
    if (customers.has(input.customerId)) return true
    results[index]!.errors = [{ path: 'customerId', message: `names no customer (neither an id nor an externalId): ${input.customerId}` }]
    return false
  })

  const result: IngestActivityResult = { results, accepted: 0, queued: 0, updated: 0, duplicates: 0, rejected: 0, refused: false, evaluations: new Map(), checked: new Map() }
  const finish = () => {
    for (const item of results) {
      if (item.status === 'accepted') result.accepted += 1
      else if (item.status === 'queued') result.queued += 1
      else if (item.status === 'updated') result.updated += 1
      else if (item.status === 'duplicate') result.duplicates += 1
      else result.rejected += 1
    }
    return result
  }
  if (atomic && ready.length < items.length) {
    result.refused = true
    return finish()
  }
  if (checkOnly) {
    for (const { index, input } of ready) {
      results[index]!.status = 'accepted'
      if (kind === 'transactions') result.checked.set(index, toTransaction(input as ActivityInput['transactions'], customers.get(input.customerId)!))
    }
    return finish()
  }

  if (kind === 'transactions') {
    const transactions = ready.map(({ input }) => toTransaction(input as ActivityInput['transactions'], customers.get(input.customerId)!))
    const outcomes = await monitoring.engine.submit(transactions)
    outcomes.forEach((outcome, i) => {
      const { index } = ready[i]!
      if (outcome.status === 'accepted') {
        Object.assign(results[index]!, { status: 'accepted', seq: outcome.seq })
        result.evaluations.set(index, outcome.evaluation)
      } else results[index]!.status = outcome.status
      // Read after the batch: a hold its own alerts placed counts.
      if (controlOf) results[index]!.control = controlOf(transactions[i]!)
    })
    return finish()
  }

  try {
    await withTransaction(store.db, async (trx) => {
      const now = Date.now()
      const outcomes =
        kind === 'invoices'
          ? await upsertInvoices(trx, ready.map(({ input }) => toInvoice(input as ActivityInput['invoices'], customers.get(input.customerId)!)), now)
          : await insertPayments(trx, ready.map(({ input }) => toPayment(input as ActivityInput['payments'], customers.get(input.customerId)!)), now)
      const problems = new Map<number, FieldProblem[]>()
      outcomes.forEach((outcome, i) => {
        const { index } = ready[i]!
        if (Array.isArray(outcome)) problems.set(index, outcome)
        else results[index]!.status = outcome
      })
      for (const [index, itemProblems] of problems) results[index]!.errors = itemProblems
      if (atomic && problems.size > 0) throw new Refused(problems)
    })
  } catch (error) {
    if (!(error instanceof Refused)) throw error
    for (const item of results) if (item.status !== 'rejected') item.status = 'rejected'
    for (const item of results) item.errors ??= [{ path: '', message: 'not written: the batch was refused (atomic) because of other items' }]
    result.refused = true
  }
  return finish()
}

function idOf(item: unknown): string | null {
  const id = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined
  return typeof id === 'string' ? id : null
}
