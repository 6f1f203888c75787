/**
 * The transactions a customer's feature state still needs, oldest first (equal times in
 * arrival order), packed for the hot path: `numbers` holds three numbers a transaction (time,
 * reporting amount, flags) and `names` two strings (counterparty, category). Two flat arrays
 * instead of an object a transaction keep the doubles unboxed and touch four heap objects per
 * append instead of one per field: the state of 100,000 customers does not fit in a cache,
 * so what an append costs is mostly how many places in memory it reads.
 *
 * Transactions before `head` have been evicted; they are cut off in one go once they are half
 * the log, so evicting costs nothing per transaction.
 */
export type EventLog = {
  head: number
  numbers: number[]
  names: (string | null)[]
}

const NUMBERS = 3
const NAMES = 2

/** Flags of a kept transaction. */
export const OUT = 1
export const CASH = 2
export const ROUND = 4
export const HIGH_RISK = 8
/** The currency had no rate: the amount is stored as 0 and left out of every sum. */
export const UNCONVERTED = 16

export function emptyEventLog(): EventLog {
  return { head: 0, numbers: [], names: [] }
}

/** How many transactions the log holds, evicted ones not yet cut off included: live ones are head…size−1. */
export function sizeOf(log: EventLog): number {
  return log.numbers.length / NUMBERS
}

export function atOf(log: EventLog, i: number): number {
  return log.numbers[i * NUMBERS]!
}

export function amountOf(log: EventLog, i: number): number {
  return log.numbers[i * NUMBERS + 1]!
}

export function flagsOf(log: EventLog, i: number): number {
  return log.numbers[i * NUMBERS + 2]!
}

export function counterpartyOf(log: EventLog, i: number): string | null {
  return log.names[i * NAMES] ?? null
}

export function categoryOf(log: EventLog, i: number): string | null {
  return log.names[i * NAMES + 1] ?? null
}

/** The first live transaction whose time is after `t` (the size when none is). */
export function firstAfter(log: EventLog, t: number): number {
  let lo = log.head
  let hi = sizeOf(log)
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (atOf(log, mid) <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function appendEvent(log: EventLog, at: number, amount: number, flags: number, counterparty: string | null, category: string | null): void {
  log.numbers.push(at, amount, flags)
  log.names.push(counterparty, category)
}

/** Inserts before transaction `index`, moving the ones after it up without the allocation splice makes: late arrivals land near the end. */
export function insertEvent(log: EventLog, index: number, at: number, amount: number, flags: number, counterparty: string | null, category: string | null): void {
  const numbers = log.numbers
  const names = log.names
  numbers.push(at, amount, flags)
  for (let j = numbers.length - 1; j >= (index + 1) * NUMBERS; j -= 1) numbers[j] = numbers[j - NUMBERS]!
  numbers[index * NUMBERS] = at
  numbers[index * NUMBERS + 1] = amount
  numbers[index * NUMBERS + 2] = flags
  names.push(counterparty, category)
  for (let j = names.length - 1; j >= (index + 1) * NAMES; j -= 1) names[j] = names[j - NAMES] ?? null
  names[index * NAMES] = counterparty
  names[index * NAMES + 1] = category
}

/**
 * Cuts off the evicted transactions once they are at least half the log; returns how many
 * were cut off so that indices into the log can be moved down by as much.
 */
export function compactEventLog(log: EventLog): number {
  const dropped = log.head
  if (dropped === 0 || dropped * 2 < sizeOf(log)) return 0
  log.numbers.splice(0, dropped * NUMBERS)
  log.names.splice(0, dropped * NAMES)
  log.head = 0
  return dropped
}

/** Replaces each counterparty name by `share(name)` (one string per counterparty where JSON.parse made one per occurrence). */
export function shareCounterpartyNames(log: EventLog, share: (name: string) => string): void {
  for (let j = 0; j < log.names.length; j += NAMES) {
    const name = log.names[j]
    if (name !== null && name !== undefined) log.names[j] = share(name)
  }
}

/** The live transactions only, as a new log starting at 0. */
export function liveEventLog(log: EventLog): EventLog {
  return { head: 0, numbers: log.numbers.slice(log.head * NUMBERS), names: log.names.slice(log.head * NAMES) }
}
