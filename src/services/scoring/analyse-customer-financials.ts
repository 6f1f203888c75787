import { AppError } from '../../app-error.ts'
import { analyseStatements, type FinancialAnalysis, type LineItem, type X5Coefficient, type ZModel } from '../../domain/scoring/index.ts'
import type { Statement, StatementItem } from '../../schemas/customer-records.ts'
import type { Store } from '../../store/open-store.ts'
import { statementKind } from '../../store/repositories/customer-record-kinds.ts'
import { listRecords } from '../../store/repositories/customer-records.ts'
import { findCustomerById } from '../../store/repositories/customers.ts'

// The domain names the statement's line items itself; this fails to compile when the two lists drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const lineItemsAgree: Same<LineItem, StatementItem> = true
void lineItemsAgree

export type AnalyseCustomerFinancialsOptions = {
  store: Store
  customerId: string
  /** Overrides the Z model the customer's profile calls for. */
  model?: ZModel
  x5Coefficient?: X5Coefficient
}

export type CustomerFinancialAnalysis = FinancialAnalysis & { customerId: string }

/** Ratios and distress scores of each of the customer's statements, newest first. Reads only. */
export async function analyseCustomerFinancials({ store, customerId, model, x5Coefficient }: AnalyseCustomerFinancialsOptions): Promise<CustomerFinancialAnalysis> {
  const customer = await findCustomerById(store.db, customerId)
  if (!customer) throw new AppError('not_found', `no customer ${customerId}`)
  const statements = await allStatements(store, customerId)
  const analysis = analyseStatements(statements, {
    profile: { listed: customer.listed, industryCode: customer.industry?.code ?? null, country: customer.country },
    model,
    x5Coefficient,
  })
  return { customerId, ...analysis }
}

async function allStatements(store: Store, customerId: string): Promise<Statement[]> {
  const statements: Statement[] = []
  let cursor: string | undefined
  do {
    const page = await listRecords(store.db, statementKind, customerId, { limit: 500, cursor })
    statements.push(...page.items)
    cursor = page.nextCursor ?? undefined
  } while (cursor)
  return statements
}
