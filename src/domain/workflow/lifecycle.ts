import type { LifecycleStatus } from '../customers/customer.ts'

/**
 * The customer lifecycle: prospect → onboarding → active → under_review → suspended / closed.
 *
 * Which moves are allowed (LIFECYCLE_TRANSITIONS) and what each needs (transitionProblems):
 * - any status but closed may go to under_review (a review can start at any time);
 * - closed is final: nothing leaves it;
 * - a suspended customer comes back only through a review (suspended → under_review → active);
 * - onboarding → active needs the KYC checklist complete, an assessment done, an approved
 *   limit and an approved onboarding request (the maker-checker of onboarding);
 * - under_review, suspended and closed need a note saying why; under_review → active needs
 *   a note with the review's outcome;
 * - onboarding needs an owner: someone answers for the customer while it is onboarded.
 *
 * Every refusal names each missing item (path) and says what it is (message), so a form can
 * show them all at once.
 */
export const LIFECYCLE_TRANSITIONS: Readonly<Record<LifecycleStatus, readonly LifecycleStatus[]>> = {
  prospect: ['onboarding', 'under_review', 'closed'],
  onboarding: ['prospect', 'active', 'under_review', 'closed'],
  active: ['under_review', 'suspended', 'closed'],
  under_review: ['active', 'suspended', 'closed'],
  suspended: ['under_review', 'closed'],
  closed: [],
}

/**
 * The KYC checklist a customer completes before it may become active:
 * - registrationId: its registration id (for a Chinese company the unified social credit code);
 * - industry: its industry (GB/T 4754 code);
 * - contacts: at least one contact person;
 * - financialEvidence: at least one financial statement or credit bureau record.
 */
export const KYC_CHECKLIST = ['registrationId', 'industry', 'contacts', 'financialEvidence'] as const
export type KycItem = (typeof KYC_CHECKLIST)[number]

/** What the lifecycle checks read about a customer; the service gathers it from the store. */
export type LifecycleFacts = {
  registrationId: string | null
  industryCode: string | null
  ownerId: string | null
  contacts: number
  financialStatements: number
  bureauRecords: number
  /** The newest assessment, or null when the customer was never assessed. */
  assessment: { id: string; grade: string | null } | null
  /** The limit approved for the customer (its contract's, or an approved limit change), or null. */
  approvedLimit: { amount: number; currency: string } | null
  /** Whether an onboarding request for the customer was approved. */
  onboardingApproved: boolean
}

export type TransitionInput = {
  from: LifecycleStatus
  to: LifecycleStatus
  facts: LifecycleFacts
  /** Why the status changes; required for some targets. */
  note: string | null
}

/** A missing item: `path` names it (a KYC item, assessment, approvedLimit, onboardingApproval, note, ownerId, status). */
export type TransitionProblem = { path: string; message: string }

export function isAllowedTransition(from: LifecycleStatus, to: LifecycleStatus): boolean {
  return LIFECYCLE_TRANSITIONS[from].includes(to)
}

/** Each KYC item the customer lacks; empty when the checklist is complete. */
export function kycProblems(facts: LifecycleFacts): TransitionProblem[] {
  const problems: TransitionProblem[] = []
  if (!facts.registrationId?.trim()) problems.push({ path: 'registrationId', message: 'the KYC checklist needs the registration id' })
  if (!facts.industryCode?.trim()) problems.push({ path: 'industry', message: 'the KYC checklist needs the industry' })
  if (facts.contacts < 1) problems.push({ path: 'contacts', message: 'the KYC checklist needs at least one contact' })
  if (facts.financialStatements < 1 && facts.bureauRecords < 1) problems.push({ path: 'financialEvidence', message: 'the KYC checklist needs at least one financial statement or credit bureau record' })
  return problems
}

/** The KYC checklist item by item, for a form to tick. */
export function kycChecklist(facts: LifecycleFacts): { item: KycItem; done: boolean }[] {
  const missing = new Set(kycProblems(facts).map((p) => p.path))
  return KYC_CHECKLIST.map((item) => ({ item, done: !missing.has(item) }))
}

/** Targets that need a note saying why. */
const NOTE_REQUIRED: ReadonlySet<LifecycleStatus> = new Set(['under_review', 'suspended', 'closed'])

/**
 * Everything that stops the move from `from` to `to`: empty when it may go ahead. A move the
 * lifecycle does not allow is one problem (path `status`) listing where the customer may go.
 */
export function transitionProblems({ from, to, facts, note }: TransitionInput): TransitionProblem[] {
  if (from === to) return [{ path: 'status', message: `the customer is already ${to}` }]
  if (!isAllowedTransition(from, to)) {
    const allowed = LIFECYCLE_TRANSITIONS[from]
    return [{ path: 'status', message: allowed.length === 0 ? `${from} is final: the customer cannot change status` : `${from} cannot become ${to}; it may become ${allowed.join(', ')}` }]
  }
  const problems: TransitionProblem[] = []
  const hasNote = note !== null && note.trim() !== ''
  if (to === 'onboarding' && !facts.ownerId) problems.push({ path: 'ownerId', message: 'onboarding needs an owner who answers for the customer' })
  if (to === 'active' && from === 'onboarding') {
    problems.push(...kycProblems(facts))
    if (!facts.assessment) problems.push({ path: 'assessment', message: 'activation needs a risk assessment of the customer' })
    if (!facts.approvedLimit) problems.push({ path: 'approvedLimit', message: 'activation needs an approved credit limit (an active contract with a limit, or an approved limit change)' })
    if (!facts.onboardingApproved) problems.push({ path: 'onboardingApproval', message: 'activation needs an approved onboarding request' })
  }
  if (to === 'active' && from === 'under_review' && !hasNote) problems.push({ path: 'note', message: 'ending a review needs a note with its outcome' })
  if (NOTE_REQUIRED.has(to) && !hasNote) problems.push({ path: 'note', message: `${to.replace('_', ' ')} needs a note saying why` })
  return problems
}
