import type { CustomerFeatures } from '../../domain/monitoring/features/index.ts'
import { receivablesSummary, type ReceivablesSummary } from '../../domain/monitoring/receivables/index.ts'
import type { Monitoring } from '../../engine/monitoring.ts'
import type { Store } from '../../store/open-store.ts'
import { readCustomerReceivables } from '../../store/repositories/receivables.ts'
import { currentCreditLimit, type CurrentCreditLimit } from '../controls/current-credit-limit.ts'
import { assertCustomerExists } from '../customer-records/record-checks.ts'

export type CustomerMetrics = {
  customerId: string
  asOf: string
  /** From the monitoring engine's live state: current to the last transaction it applied. */
  features: CustomerFeatures
  /** From the invoices and payments on file, against the active contract's credit limit. */
  receivables: ReceivablesSummary
  /** Where the credit limit came from, or why there is none. */
  creditLimit: CurrentCreditLimit | null
}

/** A customer's monitoring figures as of a time (default now): transaction features and receivables. */
export async function customerMetrics({ store, monitoring, customerId, asOf = Date.now() }: { store: Store; monitoring: Monitoring; customerId: string; asOf?: number }): Promise<CustomerMetrics> {
  await assertCustomerExists(store.db, customerId)
  const { invoices, payments } = await readCustomerReceivables(store.db, customerId)
  const creditLimit = await currentCreditLimit(store.db, customerId)
  return {
    customerId,
    asOf: new Date(asOf).toISOString(),
    features: await monitoring.engine.features(customerId, asOf),
    receivables: receivablesSummary({ invoices, payments, asOf, limit: creditLimit ? { amount: creditLimit.amount, currency: creditLimit.currency } : null }),
    creditLimit,
  }
}
