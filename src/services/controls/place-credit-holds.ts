import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { AuditRecord } from '../../store/repositories/audit-ledger.ts'
import type { CreditHoldTable, Database } from '../../store/schema.ts'
import { creditHoldFromRow, type CreditHold } from './credit-hold.ts'

/** A hold the control policy decided: on whom, why, and the alert that set it off. */
export type HoldToPlace = { customerId: string; alertId: string | null; reason: string }

export type PlaceCreditHoldsOptions = { holds: readonly HoldToPlace[]; by: string; at: string }

/**
 * Inside the transaction raising the alerts: places each hold decided on a customer that has
 * no active hold yet (one active hold per customer; the first decided is kept). Returns the holds
 * placed and their audit records (credit_hold.placed).
 */
export async function placeCreditHolds(trx: Kysely<Database>, { holds, by, at }: PlaceCreditHoldsOptions): Promise<{ holds: CreditHold[]; audit: AuditRecord[] }> {
  const first = new Map<string, HoldToPlace>()
  for (const hold of holds) if (!first.has(hold.customerId)) first.set(hold.customerId, hold)
  if (first.size === 0) return { holds: [], audit: [] }
  const active = await trx.selectFrom('credit_holds').select('customer_id').where('lifted_at', 'is', null).where('customer_id', 'in', [...first.keys()]).execute()
  for (const row of active) first.delete(row.customer_id)
  const rows: CreditHoldTable[] = [...first.values()].map((hold) => ({
    id: randomUUID(),
    customer_id: hold.customerId,
    reason: hold.reason,
    alert_id: hold.alertId,
    placed_at: at,
    placed_by: by,
    lifted_at: null,
    lifted_by: null,
    lift_note: null,
  }))
  if (rows.length > 0) await trx.insertInto('credit_holds').values(rows).execute()
  const placed = rows.map(creditHoldFromRow)
  return { holds: placed, audit: placed.map((hold) => ({ actor: by, action: 'credit_hold.placed', entity: 'credit_hold', entityId: hold.id, after: hold as unknown as JsonValue, at })) }
}
