import { ledgerCurrencies, outstanding, receivablesLedger } from '../../domain/monitoring/receivables/index.ts'
import type { PortfolioCustomer } from '../../domain/policy/index.ts'
import type { Store } from '../../store/open-store.ts'
import { readCustomerReceivables } from '../../store/repositories/receivables.ts'
import { limitFactsOf, ratingSignalsOf, type AssessmentInputs } from '../assessments/assessment-facts.ts'

/**
 * The portfolio as a what-if sees it: every customer with an assessment, rated from the inputs
 * of its latest one (the newest by time, then id), with what it owes now from its receivables.
 * Customers never assessed are not in it: there are no facts to rate them on.
 */
export async function readPortfolioFacts({ store, asOf = Date.now() }: { store: Store; asOf?: number }): Promise<PortfolioCustomer[]> {
  const rows = await store.db
    .selectFrom('assessments')
    .innerJoin('customers', 'customers.id', 'assessments.customer_id')
    .select(['assessments.id', 'assessments.customer_id', 'assessments.created_at', 'assessments.inputs', 'customers.name', 'customers.industry_code'])
    .where('assessments.created_at', '=', (eb) => eb.selectFrom('assessments as newest').select((e) => e.fn.max('newest.created_at').as('at')).whereRef('newest.customer_id', '=', 'assessments.customer_id'))
    .orderBy('assessments.customer_id')
    .orderBy('assessments.id', 'desc')
    .execute()
  const customers: PortfolioCustomer[] = []
  let previous: string | null = null
  for (const row of rows) {
    if (row.customer_id === previous) continue // two assessments in the same instant: the larger id stands
    previous = row.customer_id
    const inputs = JSON.parse(row.inputs) as AssessmentInputs
    customers.push({
      customerId: row.customer_id,
      name: row.name,
      industryCode: row.industry_code,
      signals: ratingSignalsOf(inputs),
      limitFacts: limitFactsOf(inputs),
      outstanding: await outstandingOf(store, row.customer_id, asOf),
    })
  }
  return customers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

async function outstandingOf(store: Store, customerId: string, asOf: number): Promise<PortfolioCustomer['outstanding']> {
  const { invoices, payments } = await readCustomerReceivables(store.db, customerId)
  if (invoices.length === 0) return []
  const ledger = receivablesLedger({ invoices, payments, asOf })
  return ledgerCurrencies(ledger)
    .map((currency) => ({ currency, amount: outstanding({ ledger, currency }).outstanding.amount }))
    .filter((o) => o.amount > 0)
}
