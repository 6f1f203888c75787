import type { Store } from '../../store/open-store.ts'
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

export type CaseEscalationWorker = {
  start(): void
  /** Stops the timer and waits for the round in flight. */
  stop(): Promise<void>
  /** One round now: escalates the cases overdue at now(); returns them. */
  runOnce(): Promise<Case[]>
}

/** The SLA clock: a timer in the server process escalates overdue cases, from ready until close. */
export function createCaseEscalationWorker({ store, intervalMs = 60_000, now = Date.now, onError = () => {} }: CaseEscalationWorkerOptions): CaseEscalationWorker {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<Case[]> | null = null
  let stopped = true

  function runOnce(): Promise<Case[]> {
    // One round at a time: a round asked for while one runs waits for it, then runs.
    const next = (running ?? Promise.resolve([])).catch(() => []).then(() => escalateOverdueCases({ store, now: new Date(now()) }))
    running = next
    void next
      .finally(() => {
        if (running === next) running = null
      })
      .catch(() => {})
    return next
  }

  function schedule() {
    if (stopped) return
    timer = setTimeout(() => {
      runOnce()
        .catch(onError)
        .finally(schedule)
    }, intervalMs)
    timer.unref()
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      schedule()
    },
    async stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
      await running?.catch(() => {})
    },
    runOnce,
  }
}
