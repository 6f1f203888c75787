import { OUT, UNCONVERTED } from './event-log.ts'

/** Counts and integer sums of one window; a transaction without a rate is counted, not summed. */
export type WindowTotals = { countIn: number; countOut: number; sumIn: number; sumOut: number; unconvertedCount: number }

/**
 * The running totals of the configured windows as of the newest transaction, seven numbers a
 * window in one array (one place in memory for all of them):
 *
 *   [ms, start, countIn, countOut, sumIn, sumOut, unconvertedCount]
 *
 * `start` is the first log index inside the window; everything from it to the end of the log
 * is in the window, so moving the window on is subtracting from `start` forwards.
 */
export const WINDOW_STRIDE = 7
export const WINDOW_MS = 0
export const WINDOW_START = 1
const COUNT_IN = 2
const COUNT_OUT = 3
const SUM_IN = 4
const SUM_OUT = 5
const UNCONVERTED_COUNT = 6

const NONE: WindowTotals = { countIn: 0, countOut: 0, sumIn: 0, sumOut: 0, unconvertedCount: 0 }

/** Appends a window's numbers in the order above. */
export function pushWindow(windows: number[], ms: number, start: number, totals: WindowTotals = NONE): void {
  windows.push(ms, start, totals.countIn, totals.countOut, totals.sumIn, totals.sumOut, totals.unconvertedCount)
}

/** Adds (sign 1) or subtracts (sign −1) one transaction to the window at offset `base`. */
export function tally(windows: number[], base: number, flags: number, amount: number, sign: number): void {
  if ((flags & OUT) !== 0) {
    windows[base + COUNT_OUT] = windows[base + COUNT_OUT]! + sign
    windows[base + SUM_OUT] = windows[base + SUM_OUT]! + sign * amount
  } else {
    windows[base + COUNT_IN] = windows[base + COUNT_IN]! + sign
    windows[base + SUM_IN] = windows[base + SUM_IN]! + sign * amount
  }
  if ((flags & UNCONVERTED) !== 0) windows[base + UNCONVERTED_COUNT] = windows[base + UNCONVERTED_COUNT]! + sign
}

export function totalsAt(windows: readonly number[], base: number): WindowTotals {
  return {
    countIn: windows[base + COUNT_IN]!,
    countOut: windows[base + COUNT_OUT]!,
    sumIn: windows[base + SUM_IN]!,
    sumOut: windows[base + SUM_OUT]!,
    unconvertedCount: windows[base + UNCONVERTED_COUNT]!,
  }
}
