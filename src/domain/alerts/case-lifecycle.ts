import type { Role } from '../identity/permissions.ts'
import { MAX_ESCALATION_LEVEL } from './sla.ts'

/**
 * A case's lifecycle: new → assigned → investigating → escalated → closed.
 *
 *   new ──assign──▶ assigned ──investigate──▶ investigating
 *    │                 │                           │
 *    └──── escalate (any open status; also the SLA clock) ──▶ escalated
 *   any open status ──close (disposition + note)──▶ closed
 *
 * Who may do what, beyond the alerts.work permission the API checks:
 * - supervisors (admin, risk manager) may do anything to an open case;
 * - anyone else may take an unowned case (assign it to themselves, or start investigating it,
 *   which takes it), send a case they own or nobody owns to the queue, investigate and close
 *   cases they own or nobody owns, and escalate any open case;
 * - the system (round-robin routing, the SLA clock) assigns and escalates, nothing else.
 */
export const CASE_STATUSES = ['new', 'assigned', 'investigating', 'escalated', 'closed'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

export const OPEN_CASE_STATUSES = ['new', 'assigned', 'investigating', 'escalated'] as const satisfies readonly CaseStatus[]

export const SUPERVISOR_ROLES: readonly Role[] = ['admin', 'risk_manager']

export type CaseAction =
  | { kind: 'assign'; ownerId: string; viaQueue?: boolean }
  | { kind: 'investigate' }
  | { kind: 'escalate' }
  | { kind: 'close' }

export type CaseActor = { kind: 'user'; userId: string; role: Role } | { kind: 'system' }

export type CaseState = { status: CaseStatus; ownerId: string | null; escalationLevel: number }

export type CaseDecision =
  | { ok: true; status: CaseStatus; ownerId: string | null }
  | { ok: false; code: 'conflict' | 'forbidden'; reason: string }

const refuse = (code: 'conflict' | 'forbidden', reason: string): CaseDecision => ({ ok: false, code, reason })

export function isSupervisor(actor: CaseActor): boolean {
  return actor.kind === 'user' && SUPERVISOR_ROLES.includes(actor.role)
}

/** What an action does to a case, or why it is refused. Pure: the services apply the answer. */
export function decideCaseAction(state: CaseState, action: CaseAction, actor: CaseActor): CaseDecision {
  if (state.status === 'closed') return refuse('conflict', 'the case is closed')
  const supervisor = isSupervisor(actor)
  const ownsOrFree = actor.kind === 'user' && (state.ownerId === null || state.ownerId === actor.userId)
  switch (action.kind) {
    case 'assign': {
      const allowed =
        actor.kind === 'system' || supervisor || (ownsOrFree && (action.viaQueue === true || action.ownerId === (actor.kind === 'user' ? actor.userId : null)))
      if (!allowed) return refuse('forbidden', 'only a supervisor may assign a case to someone else, or take a case another user owns')
      if (action.ownerId === state.ownerId && state.status !== 'new') return refuse('conflict', 'the case is already assigned to that user')
      return { ok: true, status: state.status === 'escalated' ? 'escalated' : 'assigned', ownerId: action.ownerId }
    }
    case 'investigate': {
      if (actor.kind === 'system') return refuse('forbidden', 'only a user investigates a case')
      if (state.status === 'investigating') return refuse('conflict', 'the case is already being investigated')
      if (!supervisor && !ownsOrFree) return refuse('forbidden', 'another user owns the case')
      return { ok: true, status: 'investigating', ownerId: state.ownerId ?? actor.userId }
    }
    case 'escalate': {
      if (state.escalationLevel >= MAX_ESCALATION_LEVEL) return refuse('conflict', `the case is already escalated to the last level (${MAX_ESCALATION_LEVEL})`)
      return { ok: true, status: 'escalated', ownerId: state.ownerId }
    }
    case 'close': {
      if (actor.kind === 'system') return refuse('forbidden', 'only a user closes a case, with a disposition and a note')
      if (!supervisor && !ownsOrFree) return refuse('forbidden', 'another user owns the case')
      return { ok: true, status: 'closed', ownerId: state.ownerId }
    }
  }
}

/**
 * The next member of a team's rotation after the one assigned last: members in a fixed order
 * (their ids), the first after `last`, wrapping around. A member who left is simply skipped;
 * a member who joined takes their place in the order. Null when the team has nobody.
 */
export function nextInRotation(memberIds: readonly string[], last: string | null): string | null {
  const sorted = [...memberIds].sort()
  if (sorted.length === 0) return null
  return (last === null ? undefined : sorted.find((id) => id > last)) ?? sorted[0]!
}
