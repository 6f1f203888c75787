import type { Kysely } from 'kysely'
import type { Database } from '../../store/schema.ts'

/** Where the platform keeps a customer's credit limit: its newest active contract that has one. */
export type CurrentCreditLimit = { contractId: string; contractNumber: string; amount: number; currency: string }

export async function currentCreditLimit(db: Kysely<Database>, customerId: string): Promise<CurrentCreditLimit | null> {
  const row = await db
    .selectFrom('contracts')
    .select(['id', 'number', 'credit_limit', 'currency'])
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .where('credit_limit', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  return row ? { contractId: row.id, contractNumber: row.number, amount: Number(row.credit_limit), currency: row.currency } : null
}
