import type { Store } from '../../store/open-store.ts'
import { raiseOverdueReviews } from './raise-overdue-reviews.ts'
import { scheduleReviews, type ScheduleReviewsResult } from './schedule-reviews.ts'
import type { Review } from './review-record.ts'

const DAY_MS = 86_400_000

export type ReviewScheduleTimerOptions = {
  store: Store
  /** Epoch ms now; injected by tests. */
  now?: () => number
  setTimer?: (callback: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
  /** After midnight UTC, how long to wait. Default five minutes. */
  delayMs?: number
  /** After start, how long until the first run (a restarted server catches up). Default one minute. */
  startDelayMs?: number
  onError?: (error: unknown) => void
}

export type ReviewRun = ScheduleReviewsResult & { overdueRaised: Review[] }

export type ReviewScheduleTimer = {
  /** Runs once shortly after start, then every UTC day shortly after midnight. */
  start(): void
  stop(): Promise<void>
  /** Schedules the reviews and raises the overdue ones: what the timer does. Runs never overlap. */
  runNow(): Promise<ReviewRun>
}

/** `fengkong serve`'s daily review run: scheduleReviews, then raiseOverdueReviews, on an injectable clock. */
export function createReviewScheduleTimer({ store, now = Date.now, setTimer = setTimeout, clearTimer = (t) => clearTimeout(t as NodeJS.Timeout), delayMs = 5 * 60_000, startDelayMs = 60_000, onError = () => {} }: ReviewScheduleTimerOptions): ReviewScheduleTimer {
  let timer: unknown = null
  let stopped = true
  let running: Promise<ReviewRun> | null = null
  const clock = () => new Date(now())

  const runNow = () =>
    (running ??= (async () => {
      try {
        const result = await scheduleReviews({ store, now: clock })
        const overdueRaised = await raiseOverdueReviews({ store, now: clock })
        return { ...result, overdueRaised }
      } finally {
        running = null
      }
    })())

  const arm = (ms: number) => {
    // setTimeout holds at most 2^31 - 1 ms (24.8 days); longer waits would fire at once.
    timer = setTimer(() => {
      runNow()
        .catch(onError)
        .finally(schedule)
    }, Math.min(Math.max(ms, 0), 2 ** 31 - 1))
    ;(timer as { unref?: () => void } | null)?.unref?.()
  }
  const schedule = () => {
    if (stopped) return
    const nextMidnight = Math.floor(now() / DAY_MS) * DAY_MS + DAY_MS
    arm(nextMidnight + delayMs - now())
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      arm(startDelayMs)
    },
    async stop() {
      stopped = true
      if (timer !== null) clearTimer(timer)
      timer = null
      await running?.catch(() => {})
    },
    runNow,
  }
}
