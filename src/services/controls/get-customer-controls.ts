import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { alertFromRow, type Alert } from '../alerts/stored-alert.ts'
import { creditHoldFromRow, type CreditHold } from './credit-hold.ts'

export type CustomerControls = { customerId: string; creditHold: (CreditHold & { alert: Alert | null }) | null; liftedHolds: CreditHold[] }

/** The controls on a customer: its active credit hold with the alert that placed it, and the holds lifted before, newest first. */
export async function getCustomerControls({ store, customerId }: { store: Store; customerId: string }): Promise<CustomerControls> {
  const customer = await store.db.selectFrom('customers').select('id').where('id', '=', customerId).executeTakeFirst()
  if (!customer) throw new AppError('not_found', `no customer ${customerId}`)
  const rows = await store.db.selectFrom('credit_holds').selectAll().where('customer_id', '=', customerId).orderBy('placed_at', 'desc').orderBy('id').execute()
  const active = rows.find((row) => row.lifted_at === null)
  let creditHold: CustomerControls['creditHold'] = null
  if (active) {
    const alert = active.alert_id ? await store.db.selectFrom('alerts').selectAll().where('id', '=', active.alert_id).executeTakeFirst() : undefined
    creditHold = { ...creditHoldFromRow(active), alert: alert ? alertFromRow(alert) : null }
  }
  return { customerId, creditHold, liftedHolds: rows.filter((row) => row.lifted_at !== null).map(creditHoldFromRow) }
}
