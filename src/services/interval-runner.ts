/**
 * A background loop in the server process: runs a round on a timer, one round at a time, from
 * start until stop. The outbox workers (webhooks, emails) and the cases' SLA clock run on it.
 */
export type IntervalRunner<T> = {
  start(): void
  /** Stops the timer and waits for the round in flight. */
  stop(): Promise<void>
  /** One round now: a round asked for while one runs waits for it, then runs. */
  runOnce(): Promise<T>
}

export type IntervalRunnerOptions<T> = {
  /** How often a round runs (ms), counted from the end of the one before. */
  intervalMs: number
  round: () => Promise<T>
  /** Told of a round on the timer that failed (the store away); the next tick tries again. */
  onError?: (error: unknown) => void
}

export function createIntervalRunner<T>({ intervalMs, round, onError = () => {} }: IntervalRunnerOptions<T>): IntervalRunner<T> {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<T> | null = null
  let stopped = true

  function runOnce(): Promise<T> {
    const next = (running ?? Promise.resolve()).catch(() => {}).then(() => round())
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
