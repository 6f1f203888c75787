import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { alertFromRow, caseFromRow, type Alert, type Case } from './stored-alert.ts'

/** One case with its customer's name and its alerts, newest raised first. */
export async function getCase({ store, caseId }: { store: Store; caseId: string }): Promise<Case & { customerName: string; alerts: Alert[] }> {
  const row = await store.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst()
  if (!row) throw new AppError('not_found', `no case ${caseId}`)
  const customer = await store.db.selectFrom('customers').select('name').where('id', '=', row.customer_id).executeTakeFirst()
  const alerts = await store.db.selectFrom('alerts').selectAll().where('case_id', '=', caseId).orderBy('raised_at', 'desc').orderBy('id', 'desc').execute()
  // Cases go with their customer (on delete cascade): the name is always there.
  return { ...caseFromRow(row), customerName: customer?.name ?? row.customer_id, alerts: alerts.map(alertFromRow) }
}
