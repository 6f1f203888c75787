import type { Store } from '../../store/open-store.ts'
import { decodeCursor, encodeCursor } from '../../store/paging.ts'
import { caseFromRow, type Case, type CaseStatus } from './stored-alert.ts'

export type ListCasesOptions = { store: Store; status?: CaseStatus; customerId?: string; limit: number; cursor?: string }

/** Cases, newest opened first, with how many alerts each holds; keyset pages. */
export async function listCases({ store, status, customerId, limit, cursor }: ListCasesOptions): Promise<{ items: (Case & { alertCount: number })[]; nextCursor: string | null }> {
  let select = store.db.selectFrom('cases').selectAll('cases')
  if (status !== undefined) select = select.where('status', '=', status)
  if (customerId !== undefined) select = select.where('customer_id', '=', customerId)
  if (cursor !== undefined) {
    const [openedAt, id] = decodeCursor(cursor)
    select = select.where((eb) => eb.or([eb('opened_at', '<', openedAt), eb.and([eb('opened_at', '=', openedAt), eb('id', '<', id)])]))
  }
  const rows = await select
    .select((eb) => eb.selectFrom('alerts').select((inner) => inner.fn.countAll().as('n')).whereRef('alerts.case_id', '=', 'cases.id').as('alert_count'))
    .orderBy('opened_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    items: page.map((row) => ({ ...caseFromRow(row), alertCount: Number(row.alert_count ?? 0) })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.opened_at, last.id]) : null,
  }
}
