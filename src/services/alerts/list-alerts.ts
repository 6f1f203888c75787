import { sql, type RawBuilder } from 'kysely'
import { RULE_SEVERITIES, type RuleSeverity } from '../../domain/alerts/index.ts'
import type { Store } from '../../store/open-store.ts'
import { decodeCursor, encodeCursor } from '../../store/paging.ts'
import { alertFromRow, type Alert, type AlertStatus } from './stored-alert.ts'

/** newest: raised last first; severity: worst first, then newest; sla: the soonest due case first (alerts of closed cases last). */
export const ALERT_SORTS = ['newest', 'severity', 'sla'] as const
export type AlertSort = (typeof ALERT_SORTS)[number]

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
  sort?: AlertSort
  limit: number
  cursor?: string
}

/**
 * Alerts, filtered and sorted; keyset pages. Each sort is one text key computed in SQL (the
 * severity's rank before the raise time; the case's SLA due time) with the id as tie-breaker,
 * so a page boundary is one comparison whatever the sort.
 */
export async function listAlerts({ store, status, severity, customerId, ruleKey, ruleId, caseId, shadow = false, sort = 'newest', limit, cursor }: ListAlertsOptions): Promise<{ items: Alert[]; nextCursor: string | null }> {
  const descending = sort !== 'sla'
  let select = store.db
    .selectFrom('alerts')
    .leftJoin('cases', 'cases.id', 'alerts.case_id')
    .selectAll('alerts')
    .select(sortKey(sort).as('sort_key'))
    .where('alerts.shadow', '=', shadow ? 1 : 0)
  if (status !== undefined) select = select.where('alerts.status', '=', status)
  if (severity !== undefined) select = select.where('alerts.severity', '=', severity)
  if (customerId !== undefined) select = select.where('alerts.customer_id', '=', customerId)
  if (ruleKey !== undefined) select = select.where('alerts.rule_key', '=', ruleKey)
  if (ruleId !== undefined) select = select.where('alerts.rule_id', '=', ruleId)
  if (caseId !== undefined) select = select.where('alerts.case_id', '=', caseId)
  if (cursor !== undefined) {
    const [key, id] = decodeCursor(cursor)
    const after = descending ? '<' : '>'
    select = select.where((eb) => eb.or([eb(sortKey(sort), after, key), eb.and([eb(sortKey(sort), '=', key), eb('alerts.id', after, id)])]))
  }
  const direction = descending ? 'desc' : 'asc'
  const rows = await select.orderBy(sortKey(sort), direction).orderBy('alerts.id', direction).limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { items: page.map(alertFromRow), nextCursor: rows.length > limit && last ? encodeCursor([String(last.sort_key), last.id]) : null }
}

/** The sort's key as text; rank digits (1–4) sort as numbers do. */
function sortKey(sort: AlertSort): RawBuilder<string> {
  if (sort === 'newest') return sql<string>`alerts.raised_at`
  if (sort === 'severity') {
    const rank = sql.join(RULE_SEVERITIES.map((value, index) => sql`when ${value} then ${String(index + 1)}`), sql` `)
    return sql<string>`(case alerts.severity ${rank} else '0' end) || alerts.raised_at`
  }
  // Cases not closed by their due time, soonest first; alerts without a due case after them.
  return sql<string>`coalesce(case when cases.status = 'closed' then null else cases.sla_due_at end, '9999-12-31T23:59:59.999Z')`
}
