import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { alertFromRow, type Alert } from '../alerts/stored-alert.ts'
import { creditHoldFromRow, type CreditHold } from './credit-hold.ts'
import { controlReviewFromRow, limitProposalFromRow, type ControlReview, type LimitProposal } from './limit-proposal.ts'

export type CustomerControls = {
  customerId: string
  creditHold: (CreditHold & { alert: Alert | null }) | null
  liftedHolds: CreditHold[]
  /** Every limit proposal, newest first: those proposed wait for a decision. */
  limitProposals: LimitProposal[]
  /** Every review the controls started, newest first, with its task's status. */
  reviews: (ControlReview & { taskStatus: string | null })[]
}

/** The controls on a customer: its active credit hold with the alert that placed it, the holds lifted before, its limit proposals and reviews. */
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
  const proposals = await store.db.selectFrom('limit_proposals').selectAll().where('customer_id', '=', customerId).orderBy('proposed_at', 'desc').orderBy('id').limit(100).execute()
  const reviews = await store.db
    .selectFrom('control_reviews as r')
    .leftJoin('tasks as t', 't.id', 'r.task_id')
    .selectAll('r')
    .select('t.status as task_status')
    .where('r.customer_id', '=', customerId)
    .orderBy('r.triggered_at', 'desc')
    .orderBy('r.id')
    .limit(100)
    .execute()
  return {
    customerId,
    creditHold,
    liftedHolds: rows.filter((row) => row.lifted_at !== null).map(creditHoldFromRow),
    limitProposals: proposals.map(limitProposalFromRow),
    reviews: reviews.map(({ task_status, ...row }) => ({ ...controlReviewFromRow(row), taskStatus: task_status ?? null })),
  }
}
