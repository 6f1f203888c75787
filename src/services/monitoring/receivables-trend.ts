import { mainInvoicedCurrency, receivablesSummary } from '../../domain/monitoring/receivables/index.ts'
import type { Store } from '../../store/open-store.ts'
import { readCustomerReceivables } from '../../store/repositories/receivables.ts'
import { assertCustomerExists } from '../customer-records/record-checks.ts'

export type ReceivablesTrendPoint = {
  asOf: string
  currency: string
  outstanding: number
  overdue: number
  dsoSimple: number | null
  dsoCountback: number | null
  paymentIndex: number | null
  maxDaysPastDue: number | null
}

/**
 * The receivables figures at the end of each of the last `months` months (and now), in the
 * customer's main currency (the one with the most invoiced): what the DSO and payment-index
 * trend charts draw. Each point is the same summary the metrics endpoint gives, as of then.
 */
export async function receivablesTrend({ store, customerId, months = 12, now = Date.now() }: { store: Store; customerId: string; months?: number; now?: number }): Promise<{ currency: string | null; points: ReceivablesTrendPoint[] }> {
  await assertCustomerExists(store.db, customerId)
  const { invoices, payments } = await readCustomerReceivables(store.db, customerId)
  const currency = mainInvoicedCurrency(invoices)
  if (!currency) return { currency: null, points: [] }

  const today = new Date(now)
  const ends: number[] = []
  for (let back = months; back >= 1; back -= 1) ends.push(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back + 1, 1) - 1)
  ends.push(now)
  const points = ends.map((asOf) => {
    const summary = receivablesSummary({ invoices, payments, asOf })
    const figures = summary.currencies.find((c) => c.currency === currency)
    return {
      asOf: summary.asOf,
      currency,
      outstanding: figures?.outstanding.amount ?? 0,
      overdue: figures?.overdue.amount ?? 0,
      dsoSimple: figures?.dso.simple.value ?? null,
      dsoCountback: figures?.dso.countback.value ?? null,
      paymentIndex: figures?.paymentIndex.value ?? null,
      maxDaysPastDue: figures?.daysPastDue.max.value ?? null,
    }
  })
  return { currency, points }
}
