import type { Store } from '../../store/open-store.ts'
import { limitProposalFromRow, type LimitProposal, type LimitProposalStatus } from './limit-proposal.ts'

export type ListLimitProposalsOptions = { store: Store; status?: LimitProposalStatus; customerId?: string; limit?: number }

/** Limit proposals, newest first, optionally of one status or customer. */
export async function listLimitProposals({ store, status, customerId, limit = 100 }: ListLimitProposalsOptions): Promise<LimitProposal[]> {
  let select = store.db.selectFrom('limit_proposals').selectAll()
  if (status) select = select.where('status', '=', status)
  if (customerId) select = select.where('customer_id', '=', customerId)
  const rows = await select.orderBy('proposed_at', 'desc').orderBy('id').limit(limit).execute()
  return rows.map(limitProposalFromRow)
}
