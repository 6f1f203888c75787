import { createIntervalRunner, type IntervalRunner } from '../interval-runner.ts'

/**
 * The retry schedule and the timer shared by the outboxes that deliver to the outside world
 * (webhooks, emails): each keeps one row per attempt and, when an attempt fails, queues the next
 * one after the backoff.
 */

/** The wait before attempt n + 1 after attempt n failed (ms): 1 s, 4 s, 16 s, 64 s, 256 s… */
export const defaultBackoff = (attempt: number): number => 1000 * 4 ** (attempt - 1)

/** runOnce returns how many deliveries the round attempted. */
export type DeliveryLoop = IntervalRunner<number>

export type DeliveryLoopOptions = {
  /** How often a round runs (ms). */
  intervalMs: number
  /** Attempts every delivery due; returns how many. */
  round: () => Promise<number>
}

/** Runs `round` on a timer, one round at a time; a failed round (the store away) is retried at the next tick. */
export function createDeliveryLoop({ intervalMs, round }: DeliveryLoopOptions): DeliveryLoop {
  return createIntervalRunner({ intervalMs, round })
}
