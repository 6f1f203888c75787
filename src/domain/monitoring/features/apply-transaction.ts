import { DAY_MS, type Transaction } from '../activity.ts'
import { countOnDay, observe, zScore } from './baselines.ts'
import { appendEvent, CASH, compactEventLog, firstAfter, HIGH_RISK, insertEvent, OUT, ROUND, UNCONVERTED, type EventLog } from './event-log.ts'
import { relationshipMemoryMs, retentionMs, type FeatureConfig } from './feature-config.ts'
import type { CounterpartySeen, FeatureState, WindowTally } from './feature-state.ts'

/** How one transaction looks against the customer's state just before it. */
export type TransactionEvaluation = {
  /** Reporting-currency minor units; null when the currency has no rate. */
  reportingAmount: number | null
  /** Against the amount baseline; null without a rate, before two amounts, or with no spread yet. */
  amountZ: number | null
  /** Its day's count so far (itself included) against the baseline of closed days. */
  dailyCountZ: number | null
  /** Its counterparty's relationship is younger than newCounterpartyDays (false without a counterparty). */
  isNewCounterparty: boolean
  isRound: boolean
  isCash: boolean
  isHighRiskCountry: boolean
  /** Days since the latest earlier transaction seen; null for the first, or when that one is no longer kept. */
  gapDays: number | null
  /** A later transaction of the customer had already arrived. */
  isLate: boolean
}

/**
 * Adds one transaction to the customer's state (mutating it) and says how it compares with
 * what came before. Constant work per transaction apart from evictions, which each
 * transaction pays for once: no dates are parsed, no strings built, no closures made.
 */
export function applyTransaction(state: FeatureState, tx: Transaction, config: FeatureConfig): TransactionEvaluation {
  alignWindows(state, config)
  const at = tx.at
  const previousLast = state.lastAt
  const isLate = previousLast !== null && at < previousLast
  const newest = isLate ? previousLast : at
  const isKept = !isLate || at > newest - retentionMs(config)

  const reportingAmount = toReporting(tx, config)
  const country = tx.counterparty === null ? null : tx.counterparty.country
  const isCash = tx.type === 'cash' || tx.channel === 'cash'
  const isRound = config.roundAmountMinor > 0 && tx.amount % config.roundAmountMinor === 0
  const isHighRiskCountry = country !== null && config.highRiskCountries.has(country)
  const flags = (tx.direction === 'out' ? OUT : 0) | (isCash ? CASH : 0) | (isRound ? ROUND : 0) | (isHighRiskCountry ? HIGH_RISK : 0) | (reportingAmount === null ? UNCONVERTED : 0)

  let counterparty = counterpartyKey(tx)
  let isNewCounterparty = false
  if (counterparty !== null && isKept) {
    const seen = noteCounterparty(state.counterparties, counterparty, at, relationshipMemoryMs(config))
    counterparty = seen.key
    isNewCounterparty = at - seen.first < config.newCounterpartyDays * DAY_MS
  }

  const log = state.events
  const amount = reportingAmount ?? 0
  let gapDays: number | null = null
  if (!isLate) {
    if (previousLast !== null) gapDays = (at - previousLast) / DAY_MS
    advanceTo(state, at, config)
    appendEvent(log, at, amount, flags, counterparty, tx.category || null)
    for (let k = 0; k < state.windows.length; k += 1) tally(state.windows[k]!, flags, amount, 1)
  } else if (isKept) {
    const index = firstAfter(log, at)
    if (index > log.head) gapDays = (at - log.at[index - 1]!) / DAY_MS
    insertEvent(log, index, at, amount, flags, counterparty, tx.category || null)
    for (let k = 0; k < state.windows.length; k += 1) {
      const window = state.windows[k]!
      if (at > newest - window.ms) tally(window, flags, amount, 1)
      else window.start += 1
    }
  }

  state.totalCount += 1
  if (state.firstAt === null || at < state.firstAt) state.firstAt = at
  if (!isLate) {
    state.previousAt = previousLast
    state.lastAt = at
  } else if (state.previousAt === null || at > state.previousAt) state.previousAt = at

  let amountZ: number | null = null
  if (reportingAmount !== null) {
    amountZ = zScore(state.amounts, reportingAmount)
    observe(state.amounts, reportingAmount, at, config.ewmaHalfLifeDays * DAY_MS)
  }
  const dayCount = countOnDay(state.dailyCounts, Math.floor(at / DAY_MS), config.ewmaHalfLifeDays)
  const dailyCountZ = zScore(state.dailyCounts.days, dayCount)
  state.lastAmountZ = amountZ
  state.lastDailyCountZ = dailyCountZ

  return { reportingAmount, amountZ, dailyCountZ, isNewCounterparty, isRound, isCash, isHighRiskCountry, gapDays, isLate }
}

/** The window totals as of the newest transaction, kept up to date by applyTransaction: O(1) for per-transaction rules. */
export function currentWindowTotals(state: FeatureState, key: string): Readonly<WindowTally> | null {
  for (let k = 0; k < state.windows.length; k += 1) if (state.windows[k]!.key === key) return state.windows[k]!
  return null
}

function toReporting(tx: Transaction, config: FeatureConfig): number | null {
  if (tx.currency === config.reportingCurrency) return Math.round(tx.amount)
  const rate = config.fxToReporting[tx.currency]
  return typeof rate === 'number' && rate > 0 && rate < Infinity ? Math.round(tx.amount * rate) : null
}

/** A counterparty is known by its id, else its account, else its name. */
function counterpartyKey(tx: Transaction): string | null {
  const counterparty = tx.counterparty
  if (counterparty === null) return null
  return counterparty.id || counterparty.account || counterparty.name || null
}

/**
 * Extends the counterparty's relationship with a transaction at `at`, or starts a new one when
 * the counterparty was silent for `memory` or longer before it. A late transaction that lies
 * `memory` or more before the relationship belongs to an older one and changes nothing.
 */
function noteCounterparty(counterparties: Map<string, CounterpartySeen>, key: string, at: number, memory: number): CounterpartySeen {
  const seen = counterparties.get(key)
  if (seen === undefined) {
    const started = { key, first: at, last: at }
    counterparties.set(key, started)
    return started
  }
  if (at - seen.last >= memory) {
    seen.first = at
    seen.last = at
  } else if (at > seen.last) seen.last = at
  else if (at < seen.first && seen.first - at < memory) seen.first = at
  return seen
}

/**
 * Moves the windows to a new newest time `t`: what falls out of each is subtracted, what falls
 * out of the retention is evicted, and a counterparty whose latest transaction is evicted
 * and is older than the relationship memory is forgotten.
 */
function advanceTo(state: FeatureState, t: number, config: FeatureConfig): void {
  const log = state.events
  const times = log.at
  const n = times.length
  for (let k = 0; k < state.windows.length; k += 1) {
    const window = state.windows[k]!
    const edge = t - window.ms
    let i = window.start
    for (; i < n && times[i]! <= edge; i += 1) tally(window, log.flags[i]!, log.amount[i]!, -1)
    window.start = i
  }
  const edge = t - retentionMs(config)
  let head = log.head
  if (head === n || times[head]! > edge) return
  const forgetBefore = t - relationshipMemoryMs(config)
  for (; head < n && times[head]! <= edge; head += 1) {
    const name = log.counterparty[head]
    if (name === null || name === undefined) continue
    const seen = state.counterparties.get(name)
    if (seen !== undefined && seen.last <= forgetBefore) state.counterparties.delete(name)
  }
  log.head = head
  const dropped = compactEventLog(log)
  if (dropped > 0) for (let k = 0; k < state.windows.length; k += 1) state.windows[k]!.start -= dropped
}

function tally(window: WindowTally, flags: number, amount: number, sign: 1 | -1): void {
  if ((flags & OUT) !== 0) {
    window.countOut += sign
    window.sumOut += sign * amount
  } else {
    window.countIn += sign
    window.sumIn += sign * amount
  }
  if ((flags & UNCONVERTED) !== 0) window.unconvertedCount += sign
}

/** Rebuilds the window totals from the kept transactions when the state has none yet or the config's windows changed. */
function alignWindows(state: FeatureState, config: FeatureConfig): void {
  const windows = config.windows
  if (state.windows.length === windows.length) {
    let same = true
    for (let k = 0; k < windows.length; k += 1) if (state.windows[k]!.ms !== windows[k]!.ms || state.windows[k]!.key !== windows[k]!.key) same = false
    if (same) return
  }
  state.windows = windows.map(({ key, ms }) => recount(state.events, key, ms, state.lastAt))
}

function recount(log: EventLog, key: string, ms: number, newest: number | null): WindowTally {
  const start = newest === null ? log.head : firstAfter(log, newest - ms)
  const window: WindowTally = { key, ms, start, countIn: 0, countOut: 0, sumIn: 0, sumOut: 0, unconvertedCount: 0 }
  for (let i = start; i < log.at.length; i += 1) tally(window, log.flags[i]!, log.amount[i]!, 1)
  return window
}
