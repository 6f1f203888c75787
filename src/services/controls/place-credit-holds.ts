import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { AuditRecord } from '../../store/repositories/audit-ledger.ts'
import type { CreditHoldTable, Database } from '../../store/schema.ts'
import type { Alert } from '../alerts/stored-alert.ts'
import { creditHoldFromRow, type CreditHold } from './credit-hold.ts'
import { HOLD_SEVERITIES } from './credit-hold-policy.ts'

export type PlaceCreditHoldsOptions = { alerts: readonly Alert[]; by: string; at: string }

/**
 * Inside the transaction raising the alerts: places a credit hold on each customer a live
 * alert of a hold severity names and that has no active hold yet (the first such alert is its
 * reason). Returns the holds placed and their audit records (credit_hold.placed).
 */
export async function placeCreditHolds(trx: Kysely<Database>, { alerts, by, at }: PlaceCreditHoldsOptions): Promise<{ holds: CreditHold[]; audit: AuditRecord[] }> {
  const first = new Map<string, Alert>()
  for (const alert of alerts) if (!alert.shadow && HOLD_SEVERITIES.includes(alert.severity) && !first.has(alert.customerId)) first.set(alert.customerId, alert)
  if (first.size === 0) return { holds: [], audit: [] }
  const active = await trx.selectFrom('credit_holds').select('customer_id').where('lifted_at', 'is', null).where('customer_id', 'in', [...first.keys()]).execute()
  for (const row of active) first.delete(row.customer_id)
  const rows: CreditHoldTable[] = [...first.values()].map((alert) => ({
    id: randomUUID(),
    customer_id: alert.customerId,
    reason: `${alert.severity} alert ${alert.ruleKey} v${alert.ruleVersion}`,
    alert_id: alert.id,
    placed_at: at,
    placed_by: by,
    lifted_at: null,
    lifted_by: null,
    lift_note: null,
  }))
  if (rows.length > 0) await trx.insertInto('credit_holds').values(rows).execute()
  const holds = rows.map(creditHoldFromRow)
  return { holds, audit: holds.map((hold) => ({ actor: by, action: 'credit_hold.placed', entity: 'credit_hold', entityId: hold.id, after: hold as unknown as JsonValue, at })) }
}
