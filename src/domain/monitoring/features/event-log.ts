/**
 * The transactions a customer's feature state still needs, oldest first, as parallel arrays of
 * numbers and strings (about 30 bytes a transaction, and JSON as it stands). Entries before
 * `head` have been evicted and are cut off in one go once they are half the arrays, so evicting
 * costs nothing per transaction. Equal times keep their arrival order.
 */
export type EventLog = {
  head: number
  at: number[]
  /** Reporting-currency minor units; 0 when the currency had no rate (see UNCONVERTED). */
  amount: number[]
  flags: number[]
  counterparty: (string | null)[]
  category: (string | null)[]
}

export const OUT = 1
export const CASH = 2
export const ROUND = 4
export const HIGH_RISK = 8
export const UNCONVERTED = 16

export function emptyEventLog(): EventLog {
  return { head: 0, at: [], amount: [], flags: [], counterparty: [], category: [] }
}

/** The first live index whose time is after `t` (the end when none is). */
export function firstAfter(log: EventLog, t: number): number {
  let lo = log.head
  let hi = log.at.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (log.at[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function appendEvent(log: EventLog, at: number, amount: number, flags: number, counterparty: string | null, category: string | null): void {
  log.at.push(at)
  log.amount.push(amount)
  log.flags.push(flags)
  log.counterparty.push(counterparty)
  log.category.push(category)
}

export function insertEvent(log: EventLog, index: number, at: number, amount: number, flags: number, counterparty: string | null, category: string | null): void {
  insertAt(log.at, index, at)
  insertAt(log.amount, index, amount)
  insertAt(log.flags, index, flags)
  insertAt(log.counterparty, index, counterparty)
  insertAt(log.category, index, category)
}

/** Moves the tail up by one without the array splice allocates: late arrivals land near the end. */
function insertAt<T>(values: T[], index: number, value: T): void {
  let i = values.length
  values.push(value)
  for (; i > index; i -= 1) values[i] = values[i - 1]!
  values[index] = value
}

/**
 * Drops the evicted entries once they are at least half the arrays; returns how many were
 * dropped so that indices into the log can be moved down by as much.
 */
export function compactEventLog(log: EventLog): number {
  const dropped = log.head
  if (dropped === 0 || dropped * 2 < log.at.length) return 0
  log.at.splice(0, dropped)
  log.amount.splice(0, dropped)
  log.flags.splice(0, dropped)
  log.counterparty.splice(0, dropped)
  log.category.splice(0, dropped)
  log.head = 0
  return dropped
}

/** The live entries only, as a new log starting at 0. */
export function liveEventLog(log: EventLog): EventLog {
  const from = log.head
  return {
    head: 0,
    at: log.at.slice(from),
    amount: log.amount.slice(from),
    flags: log.flags.slice(from),
    counterparty: log.counterparty.slice(from),
    category: log.category.slice(from),
  }
}
