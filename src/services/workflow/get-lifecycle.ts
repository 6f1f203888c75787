import { AppError } from '../../app-error.ts'
import type { LifecycleStatus } from '../../domain/customers/index.ts'
import { kycChecklist, LIFECYCLE_TRANSITIONS, transitionProblems, type KycItem, type TransitionProblem } from '../../domain/workflow/index.ts'
import type { Store } from '../../store/open-store.ts'
import { findCustomerById } from '../../store/repositories/customers.ts'
import { readLifecycleFacts } from './lifecycle-facts.ts'

export type CustomerLifecycle = {
  customerId: string
  status: LifecycleStatus
  kycChecklist: { item: KycItem; done: boolean }[]
  /** Where the customer may go, and what each move still lacks (a note is counted missing: the form asks for it). */
  transitions: { to: LifecycleStatus; problems: TransitionProblem[] }[]
}

/** The customer's KYC checklist and the moves open to it, for a form to show before anyone submits. */
export async function getLifecycle({ store, customerId }: { store: Store; customerId: string }): Promise<CustomerLifecycle> {
  const customer = await findCustomerById(store.db, customerId)
  if (!customer) throw new AppError('not_found', `no customer ${customerId}`)
  const facts = await readLifecycleFacts(store.db, customer)
  return {
    customerId,
    status: customer.status,
    kycChecklist: kycChecklist(facts),
    transitions: LIFECYCLE_TRANSITIONS[customer.status].map((to) => ({ to, problems: transitionProblems({ from: customer.status, to, facts, note: null }) })),
  }
}
