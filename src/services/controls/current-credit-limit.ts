import type { Kysely } from 'kysely'
import type { ContractTable, Database } from '../../store/schema.ts'

/** Where the platform keeps a customer's credit limit: its newest active contract that has one. */
export type CurrentCreditLimit = { contractId: string; contractNumber: string; amount: number; currency: string }

/** The active contracts with a limit, newest first: a customer's first one holds its limit. */
function contractsWithLimits(db: Kysely<Database>) {
  return db
    .selectFrom('contracts')
    .select(['customer_id', 'id', 'number', 'credit_limit', 'currency'])
    .where('status', '=', 'active')
    .where('credit_limit', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
}

const creditLimitOf = (row: Pick<ContractTable, 'id' | 'number' | 'credit_limit' | 'currency'>): CurrentCreditLimit => ({ contractId: row.id, contractNumber: row.number, amount: Number(row.credit_limit), currency: row.currency })

export async function currentCreditLimit(db: Kysely<Database>, customerId: string): Promise<CurrentCreditLimit | null> {
  const row = await contractsWithLimits(db).where('customer_id', '=', customerId).executeTakeFirst()
  return row ? creditLimitOf(row) : null
}

/** The current credit limits of the customers named (at most a few hundred), by customer; those without one are left out. */
export async function currentCreditLimits(db: Kysely<Database>, customerIds: readonly string[]): Promise<Map<string, CurrentCreditLimit>> {
  const limits = new Map<string, CurrentCreditLimit>()
  if (customerIds.length === 0) return limits
  for (const row of await contractsWithLimits(db).where('customer_id', 'in', [...customerIds]).execute()) if (!limits.has(row.customer_id)) limits.set(row.customer_id, creditLimitOf(row))
  return limits
}
