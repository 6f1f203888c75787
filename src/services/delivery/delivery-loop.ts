/**
 * The retry schedule and the timer shared by the outboxes that deliver to the outside world
 * (webhooks, emails): each keeps one row per attempt and, when an attempt fails, queues the next
 * one after the backoff.
 */

/** The wait before attempt n + 1 after attempt n failed (ms): 1 s, 4 s, 16 s, 64 s, 256 s… */
export const defaultBackoff = (attempt: number): number => 1000 * 4 ** (attempt - 1)

export type DeliveryLoop = {
  start(): void
  /** Stops the timer and waits for the round in flight. */
  stop(): Promise<void>
  /** One round now; returns how many deliveries it attempted. */
  runOnce(): Promise<number>
}

export type DeliveryLoopOptions = {
  /** How often a round runs (ms). */
  intervalMs: number
  /** Attempts every delivery due; returns how many. */
  round: () => Promise<number>
}

/** Runs `round` on a timer, one round at a time: a round asked for while one runs waits for it, then runs. */
export function createDeliveryLoop({ intervalMs, round }: DeliveryLoopOptions): DeliveryLoop {
  let timer: NodeJS.Timeout | null = null
  let running: Promise<number> | null = null
  let stopped = true

  function runOnce(): Promise<number> {
    const previous = running ?? Promise.resolve(0)
    const next = previous.catch(() => 0).then(round)
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
        .catch(() => {}) // a failed round (the store away) is retried at the next tick
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
