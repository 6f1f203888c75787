import type { RuleSeverity } from '../../domain/alerts/index.ts'
import type { Store } from '../../store/open-store.ts'
import { decodeCursor, encodeCursor } from '../../store/paging.ts'
import { alertFromRow, type Alert, type AlertStatus } from './stored-alert.ts'

export type ListAlertsOptions = {
  store: Store
  status?: AlertStatus
  severity?: RuleSeverity
  customerId?: string
  ruleKey?: string
  ruleId?: string
  caseId?: string
  /** Shadow rules' hits instead of alerts (default false). */
  shadow?: boolean
  limit: number
  cursor?: string
}

/** Alerts, newest raised first, filtered; keyset pages. */
export async function listAlerts({ store, status, severity, customerId, ruleKey, ruleId, caseId, shadow = false, limit, cursor }: ListAlertsOptions): Promise<{ items: Alert[]; nextCursor: string | null }> {
  let select = store.db.selectFrom('alerts').selectAll().where('shadow', '=', shadow ? 1 : 0)
  if (status !== undefined) select = select.where('status', '=', status)
  if (severity !== undefined) select = select.where('severity', '=', severity)
  if (customerId !== undefined) select = select.where('customer_id', '=', customerId)
  if (ruleKey !== undefined) select = select.where('rule_key', '=', ruleKey)
  if (ruleId !== undefined) select = select.where('rule_id', '=', ruleId)
  if (caseId !== undefined) select = select.where('case_id', '=', caseId)
  if (cursor !== undefined) {
    const [raisedAt, id] = decodeCursor(cursor)
    select = select.where((eb) => eb.or([eb('raised_at', '<', raisedAt), eb.and([eb('raised_at', '=', raisedAt), eb('id', '<', id)])]))
  }
  const rows = await select.orderBy('raised_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { items: page.map(alertFromRow), nextCursor: rows.length > limit && last ? encodeCursor([last.raised_at, last.id]) : null }
}
