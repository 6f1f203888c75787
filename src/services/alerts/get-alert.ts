import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { alertFromRow, type Alert } from './stored-alert.ts'

/** One alert with its evidence. */
export async function getAlert({ store, alertId }: { store: Store; alertId: string }): Promise<Alert> {
  const row = await store.db.selectFrom('alerts').selectAll().where('id', '=', alertId).executeTakeFirst()
  if (!row) throw new AppError('not_found', `no alert ${alertId}`)
  return alertFromRow(row)
}
