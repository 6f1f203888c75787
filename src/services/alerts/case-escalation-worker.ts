import type { Store } from '../../store/open-store.ts'
import { createIntervalRunner, type IntervalRunner } from '../interval-runner.ts'
import { escalateOverdueCases } from './escalate-overdue-cases.ts'
import type { Case } from './stored-alert.ts'

export type CaseEscalationWorkerOptions = {
  store: Store
  /** How often overdue cases are looked for (ms); a minute by default. */
  intervalMs?: number
  /** The clock (epoch ms): tests drive escalations on a fake one. */
  now?: () => number
  /** Told of a round that failed (the store away); the next tick tries again. */
  onError?: (error: unknown) => void
}

/** runOnce: one round now, escalating the cases overdue at now(); returns them. */
export type CaseEscalationWorker = IntervalRunner<Case[]>

/** The SLA clock: a timer in the server process escalates overdue cases, from ready until close. */
export function createCaseEscalationWorker({ store, intervalMs = 60_000, now = Date.now, onError }: CaseEscalationWorkerOptions): CaseEscalationWorker {
  return createIntervalRunner({ intervalMs, round: () => escalateOverdueCases({ store, now: new Date(now()) }), onError })
}
