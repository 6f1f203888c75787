import { generatePortfolio, type GeneratePortfolioOptions } from '../../demo/generate-portfolio.ts'
import type { Store } from '../../store/open-store.ts'
import type { Actor } from '../actor.ts'
import { assessCustomer } from '../assessments/assess-customer.ts'

export type AssessDemoCustomersOptions = GeneratePortfolioOptions & {
  store: Store
  actor: Actor
  onProgress?: (done: number, total: number) => void
}

export type AssessDemoCustomersResult = { assessed: number; graded: number; withLimit: number; skipped: number }

/**
 * Rates every demo customer once with the assessment service the API calls (grade, PD, the
 * reasons and a recommended limit, each audited), from what the store holds now: run it after
 * the portfolio and its activity, so the payment behaviour and the latest bureau reports are
 * read. A customer with an assessment already is skipped, so running it twice adds nothing.
 */
export async function assessDemoCustomers({ store, actor, onProgress, ...options }: AssessDemoCustomersOptions): Promise<AssessDemoCustomersResult> {
  const externalIds = generatePortfolio(options).customers.map((c) => c.customer.externalId)
  const ids = (await store.db.selectFrom('customers').select('id').where('external_id', 'in', externalIds).orderBy('external_id').execute()).map((row) => row.id)
  const assessed = new Set((await store.db.selectFrom('assessments').select('customer_id').distinct().execute()).map((row) => row.customer_id))
  const result: AssessDemoCustomersResult = { assessed: 0, graded: 0, withLimit: 0, skipped: 0 }
  for (const [index, customerId] of ids.entries()) {
    if (assessed.has(customerId)) result.skipped += 1
    else {
      const assessment = await assessCustomer({ store, actor, customerId })
      result.assessed += 1
      if (assessment.grade !== null) result.graded += 1
      if (assessment.creditLimit !== null) result.withLimit += 1
    }
    onProgress?.(index + 1, ids.length)
  }
  return result
}
