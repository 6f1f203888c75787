import { sql } from 'kysely'
import type { RuleSeverity } from '../../domain/alerts/rule.ts'
import { severityRank } from '../../domain/alerts/sla.ts'
import type { Store } from '../../store/open-store.ts'
import { decodeCursor, encodeCursor } from '../../store/paging.ts'
import { caseFromRow, OPEN_CASE_STATUSES, type Case, type CaseStatus } from './stored-alert.ts'

export const CASE_SORTS = ['opened', 'severity', 'sla'] as const
export type CaseSort = (typeof CASE_SORTS)[number]

export type ListCasesOptions = {
  store: Store
  /** A status, or 'active': every status but closed. */
  status?: CaseStatus | 'active'
  customerId?: string
  ownerId?: string
  /** true: only cases nobody owns. */
  unassigned?: boolean
  teamId?: string
  severity?: RuleSeverity
  /** true: only cases not closed whose due time has passed at `now`. */
  overdue?: boolean
  /** opened: newest opened first (default); severity: worst first, then soonest due; sla: soonest due first. */
  sort?: CaseSort
  now?: Date
  limit: number
  cursor?: string
}

/** Sorts after every real due time, so cases without one come last. */
const NO_DUE = '9999-12-31T23:59:59.999Z'

/** Cases, filtered and sorted, with how many alerts each holds; keyset pages. */
export async function listCases({ store, status, customerId, ownerId, unassigned, teamId, severity, overdue, sort = 'opened', now = new Date(), limit, cursor }: ListCasesOptions): Promise<{ items: (Case & { alertCount: number })[]; nextCursor: string | null }> {
  const due = sql<string>`coalesce(cases.sla_due_at, ${NO_DUE})`
  let select = store.db.selectFrom('cases').selectAll('cases').select(due.as('due_key'))
  if (status === 'active') select = select.where('status', 'in', OPEN_CASE_STATUSES)
  else if (status !== undefined) select = select.where('status', '=', status)
  if (customerId !== undefined) select = select.where('customer_id', '=', customerId)
  if (ownerId !== undefined) select = select.where('owner_id', '=', ownerId)
  if (unassigned === true) select = select.where('owner_id', 'is', null)
  if (teamId !== undefined) select = select.where('team_id', '=', teamId)
  if (severity !== undefined) select = select.where('severity', '=', severity)
  if (overdue === true) select = select.where('status', '!=', 'closed').where('sla_due_at', '<=', now.toISOString())
  if (cursor !== undefined) {
    const [key, id] = decodeCursor(cursor)
    if (sort === 'opened') select = select.where((eb) => eb.or([eb('opened_at', '<', key), eb.and([eb('opened_at', '=', key), eb('id', '<', id)])]))
    else if (sort === 'sla') select = select.where((eb) => eb.or([eb(due, '>', key), eb.and([eb(due, '=', key), eb('id', '>', id)])]))
    else {
      const [rank, dueKey] = [Number(key.slice(0, 1)), key.slice(1)]
      select = select.where((eb) =>
        eb.or([eb('severity_rank', '<', rank), eb.and([eb('severity_rank', '=', rank), eb.or([eb(due, '>', dueKey), eb.and([eb(due, '=', dueKey), eb('id', '>', id)])])])]),
      )
    }
  }
  const ordered =
    sort === 'opened'
      ? select.orderBy('opened_at', 'desc').orderBy('id', 'desc')
      : sort === 'sla'
        ? select.orderBy(due).orderBy('id')
        : select.orderBy('severity_rank', 'desc').orderBy(due).orderBy('id')
  const rows = await ordered
    .select((eb) => eb.selectFrom('alerts').select((inner) => inner.fn.countAll().as('n')).whereRef('alerts.case_id', '=', 'cases.id').as('alert_count'))
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  const keyOf = (row: NonNullable<typeof last>) => (sort === 'opened' ? row.opened_at : sort === 'sla' ? row.due_key : `${severityRank(row.severity as RuleSeverity)}${row.due_key}`)
  return {
    items: page.map((row) => ({ ...caseFromRow(row), alertCount: Number(row.alert_count ?? 0) })),
    nextCursor: rows.length > limit && last ? encodeCursor([keyOf(last), last.id]) : null,
  }
}
