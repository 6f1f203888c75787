import { generatePortfolio, type GeneratePortfolioOptions } from '../../demo/generate-portfolio.ts'
import type { Store } from '../../store/open-store.ts'
import { bureauRecordKind, contactKind, contractKind, interactionKind, statementKind, type RecordKind } from '../../store/repositories/customer-record-kinds.ts'
import type { Actor } from '../actor.ts'
import { createCustomerRecord } from '../customer-records/create-customer-record.ts'
import { createCustomer } from '../customers/create-customer.ts'
import { linkCustomers } from '../relationships/link-customers.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type SeedDemoPortfolioOptions = GeneratePortfolioOptions & {
  store: Store
  actor: Actor
  onProgress?: (done: number, total: number) => void
}

export type SeedDemoPortfolioResult = { created: number; skipped: number; records: number; relationships: number }

/**
 * Writes a generated portfolio through the same services people use, so demo data meets
 * every rule real data does and leaves a full audit trail. Customers already present (by
 * external id) are skipped, so running it twice adds nothing.
 */
export async function seedDemoPortfolio({ store, actor, onProgress, ...options }: SeedDemoPortfolioOptions): Promise<SeedDemoPortfolioResult> {
  const portfolio = generatePortfolio(options)
  const idsByExternalId = new Map<string, string>()
  const existing = await store.db.selectFrom('customers').select(['id', 'external_id']).where('external_id', 'in', portfolio.customers.map((c) => c.customer.externalId)).execute()
  for (const row of existing) idsByExternalId.set(row.external_id!, row.id)

  const result: SeedDemoPortfolioResult = { created: 0, skipped: 0, records: 0, relationships: 0 }
  // Customers go in commits of 25 (each with all its records): one fsync per commit, not per row.
  const BATCH = 25
  for (let start = 0; start < portfolio.customers.length; start += BATCH) {
    await withTransaction(store.db, async (trx) => {
      const batchStore = { ...store, db: trx }
      for (const demo of portfolio.customers.slice(start, start + BATCH)) {
        if (idsByExternalId.has(demo.customer.externalId)) {
          result.skipped += 1
          continue
        }
        const customer = await createCustomer({ store: batchStore, actor, input: demo.customer })
        idsByExternalId.set(demo.customer.externalId, customer.id)
        const batches: [RecordKind, unknown[]][] = [
          [contactKind, demo.contacts],
          [statementKind, demo.statements],
          [bureauRecordKind, demo.bureau],
          [interactionKind, demo.interactions],
          [contractKind, demo.contracts],
        ]
        for (const [kind, inputs] of batches) {
          for (const input of inputs) await createCustomerRecord({ store: batchStore, actor, kind, customerId: customer.id, input })
          result.records += inputs.length
        }
        result.created += 1
      }
    })
    onProgress?.(Math.min(start + BATCH, portfolio.customers.length), portfolio.customers.length)
  }

  if (result.created > 0) {
    for (const tie of portfolio.relationships) {
      const from = idsByExternalId.get(tie.fromExternalId)!
      const to = idsByExternalId.get(tie.toExternalId)!
      await linkCustomers({ store, actor, customerId: from, input: { toCustomerId: to, kind: tie.kind, sharePct: tie.sharePct } }).catch((error: { code?: string }) => {
        if (error.code !== 'conflict') throw error // already linked by an earlier run
      })
      result.relationships += 1
    }
  }
  return result
}
