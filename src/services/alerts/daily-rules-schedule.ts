import { DAY_MS } from '../../domain/monitoring/activity.ts'
import type { Store } from '../../store/open-store.ts'
import { lastDailyRun, type DailyRulesRun } from './run-daily-rules.ts'

export type DailyRulesScheduleOptions = {
  store: Store
  /** Runs the daily rules for a day (runDailyRules with the server's engine and holds). */
  run: (date: string) => Promise<DailyRulesRun>
  /** Epoch ms now; injected by tests. */
  now?: () => number
  setTimer?: (callback: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
  /** Days missed while the server was down that are caught up, at most. Default 7. */
  catchUpDays?: number
  /** After midnight, how long to wait for the day's late transactions. Default one minute. */
  delayMs?: number
  onError?: (error: unknown) => void
}

export type DailyRulesSchedule = {
  /** Catches up the days missed since the last run (when there was one), then runs every UTC day shortly after midnight. */
  start(): void
  stop(): Promise<void>
  /** Runs every completed day not run yet (after the last run; without one, yesterday): what the timer does. */
  runDue(): Promise<DailyRulesRun[]>
}

/**
 * `fengkong serve`'s daily rule run: once per UTC day, shortly after midnight, the day that
 * ended; at start only the days missed since the last recorded run (a fresh store starts at the
 * next midnight). Runs never overlap.
 */
export function createDailyRulesSchedule({ store, run, now = Date.now, setTimer = setTimeout, clearTimer = (t) => clearTimeout(t as NodeJS.Timeout), catchUpDays = 7, delayMs = 60_000, onError = () => {} }: DailyRulesScheduleOptions): DailyRulesSchedule {
  let timer: unknown = null
  let stopped = true
  let running: Promise<DailyRulesRun[]> | null = null

  const runDue = () =>
    (running ??= (async () => {
      try {
        const lastComplete = Math.floor(now() / DAY_MS) * DAY_MS - DAY_MS
        const last = await lastDailyRun(store)
        const first = last === null ? lastComplete : Math.max(last, lastComplete - (catchUpDays - 1) * DAY_MS)
        const runs: DailyRulesRun[] = []
        for (let day = first; day <= lastComplete; day += DAY_MS) runs.push(await run(new Date(day).toISOString().slice(0, 10)))
        return runs
      } finally {
        running = null
      }
    })())

  const schedule = () => {
    if (stopped) return
    const nextMidnight = Math.floor(now() / DAY_MS) * DAY_MS + DAY_MS
    timer = setTimer(() => {
      runDue()
        .catch(onError)
        .finally(schedule)
    }, nextMidnight + delayMs - now())
    ;(timer as { unref?: () => void } | null)?.unref?.()
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      void lastDailyRun(store)
        .then((last) => (last === null ? [] : runDue()))
        .catch(onError)
        .finally(schedule)
    },
    async stop() {
      stopped = true
      if (timer !== null) clearTimer(timer)
      timer = null
      await running?.catch(() => {})
    },
    runDue,
  }
}
