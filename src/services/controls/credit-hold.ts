import type { CreditHold } from '../../schemas/controls.ts'
import type { CreditHoldTable } from '../../store/schema.ts'

export type { CreditHold }

export function creditHoldFromRow(row: CreditHoldTable): CreditHold {
  return {
    id: row.id,
    customerId: row.customer_id,
    reason: row.reason,
    alertId: row.alert_id,
    placedAt: row.placed_at,
    placedBy: row.placed_by,
    liftedAt: row.lifted_at,
    liftedBy: row.lifted_by,
    liftNote: row.lift_note,
  }
}
