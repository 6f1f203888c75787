import { activityCustomersOf, generateActivity, type DemoActivity } from '../../demo/activity/index.ts'
import { DEFAULT_AS_OF, generatePortfolio, type GeneratePortfolioOptions } from '../../demo/generate-portfolio.ts'
import type { Transaction } from '../../domain/monitoring/activity.ts'
import type { Monitoring } from '../../engine/monitoring.ts'
import type { Store } from '../../store/open-store.ts'
import { bureauRecordKind } from '../../store/repositories/customer-record-kinds.ts'
import { insertPayments, upsertInvoices } from '../../store/repositories/receivables.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import type { Actor } from '../actor.ts'
import { createCustomerRecord } from '../customer-records/create-customer-record.ts'

export type SeedDemoActivityOptions = GeneratePortfolioOptions & {
  store: Store
  monitoring: Monitoring
  actor: Actor
  onProgress?: (done: number, total: number) => void
}

export type SeedDemoActivityResult = { transactions: number; invoices: number; payments: number; bureauRecords: number; patterns: number; skipped: boolean }

const SOURCE = 'demo'
const BATCH = 5000

/**
 * Twelve months of the demo portfolio's activity — transactions through the monitoring
 * engine, invoices and allocated payments, quarterly bureau reports — with the injected
 * risk patterns recorded in ground_truth_patterns. Run after seedDemoPortfolio with the same
 * seed; a store that already holds demo transactions is left as it is.
 */
export async function seedDemoActivity({ store, monitoring, actor, onProgress, ...options }: SeedDemoActivityOptions): Promise<SeedDemoActivityResult> {
  const already = await store.db.selectFrom('transactions').select('seq').where('source', '=', SOURCE).limit(1).executeTakeFirst()
  if (already) return { transactions: 0, invoices: 0, payments: 0, bureauRecords: 0, patterns: 0, skipped: true }

  const portfolio = generatePortfolio(options)
  // The twelve months before the portfolio's as-of date, so the activity runs up to the portfolio's "today".
  const activity: DemoActivity = generateActivity({ customers: activityCustomersOf(portfolio), seed: options.seed ?? 1, source: SOURCE, from: twelveMonthsBefore(options.asOf ?? DEFAULT_AS_OF) })
  const ids = await monitoring.customers.resolve(portfolio.customers.map((c) => c.customer.externalId))
  const idOf = (externalId: string) => {
    const id = ids.get(externalId)
    if (!id) throw new Error(`demo customer ${externalId} is not in the store: seed the demo portfolio first`)
    return id
  }
  const total = activity.transactions.length + activity.invoices.length + activity.payments.length
  let done = 0

  for (let start = 0; start < activity.transactions.length; start += BATCH) {
    const batch: Transaction[] = activity.transactions.slice(start, start + BATCH).map((tx) => ({ ...tx, customerId: idOf(tx.customerId) }))
    await monitoring.engine.submit(batch)
    onProgress?.((done += batch.length), total)
  }
  await withTransaction(store.db, async (trx) => {
    const now = Date.now()
    await upsertInvoices(trx, activity.invoices.map((invoice) => ({ ...invoice, customerId: idOf(invoice.customerId) })), now)
    const outcomes = await insertPayments(trx, activity.payments.map((payment) => ({ ...payment, customerId: idOf(payment.customerId) })), now)
    const refused = outcomes.find(Array.isArray)
    if (refused) throw new Error(`the demo generator made a payment the store refuses: ${JSON.stringify(refused)}`)
    for (const pattern of activity.groundTruth) {
      await trx
        .insertInto('ground_truth_patterns')
        .values({
          id: crypto.randomUUID(),
          customer_id: idOf(pattern.customerId),
          pattern: pattern.pattern,
          from_at: Date.parse(pattern.from),
          to_at: Date.parse(pattern.to),
          transaction_ids: JSON.stringify(pattern.transactionIds),
          invoice_ids: JSON.stringify(pattern.invoiceIds ?? []),
          description: pattern.description,
          source: SOURCE,
        })
        .execute()
    }
  })
  onProgress?.((done += activity.invoices.length + activity.payments.length), total)
  // The portfolio has bureau reports of its own; a quarterly report on the same day by the same agency is that one.
  const reported = new Set((await store.db.selectFrom('bureau_records').select(['customer_id', 'agency', 'reported_on']).execute()).map((r) => `${r.customer_id}|${r.agency}|${r.reported_on}`))
  let bureauRecords = 0
  await withTransaction(store.db, async (trx) => {
    const batchStore = { ...store, db: trx }
    for (const { customerId, ...input } of activity.bureauEvents) {
      const id = idOf(customerId)
      if (reported.has(`${id}|${input.agency}|${input.reportedOn}`)) continue
      await createCustomerRecord({ store: batchStore, actor, kind: bureauRecordKind, customerId: id, input })
      bureauRecords += 1
    }
  })
  await monitoring.engine.checkpoint()
  return {
    transactions: activity.transactions.length,
    invoices: activity.invoices.length,
    payments: activity.payments.length,
    bureauRecords,
    patterns: activity.groundTruth.length,
    skipped: false,
  }
}

/** The same day twelve months before `date` (YYYY-MM-DD): a window from there ends at the start of `date`. */
function twelveMonthsBefore(date: string): string {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`)
  day.setUTCFullYear(day.getUTCFullYear() - 1)
  return day.toISOString().slice(0, 10)
}
