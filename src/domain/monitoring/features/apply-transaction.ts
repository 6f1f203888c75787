import { DAY_MS, type Transaction } from '../activity.ts'
import { countOnDay, observe, zScore } from './baselines.ts'
import { amountOf, appendEvent, atOf, CASH, compactEventLog, counterpartyOf, firstAfter, flagsOf, HIGH_RISK, insertEvent, OUT, ROUND, sizeOf, UNCONVERTED } from './event-log.ts'
import { relationshipMemoryMs, retentionMs, type FeatureConfig } from './feature-config.ts'
import type { CounterpartySeen, FeatureState } from './feature-state.ts'
import { pushWindow, tally, totalsAt, WINDOW_MS, WINDOW_START, WINDOW_STRIDE, type WindowTotals } from './window-totals.ts'

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
  const windows = state.windows
  const amount = reportingAmount ?? 0
  let gapDays: number | null = null
  if (!isLate) {
    if (previousLast !== null) gapDays = (at - previousLast) / DAY_MS
    advanceTo(state, at, config)
    appendEvent(log, at, amount, flags, counterparty, tx.category || null)
    for (let base = 0; base < windows.length; base += WINDOW_STRIDE) tally(windows, base, flags, amount, 1)
  } else if (isKept) {
    const index = firstAfter(log, at)
    if (index > log.head) gapDays = (at - atOf(log, index - 1)) / DAY_MS
    insertEvent(log, index, at, amount, flags, counterparty, tx.category || null)
    for (let base = 0; base < windows.length; base += WINDOW_STRIDE) {
      if (at > newest - windows[base + WINDOW_MS]!) tally(windows, base, flags, amount, 1)
      else windows[base + WINDOW_START] = windows[base + WINDOW_START]! + 1
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

/**
 * A configured window's totals as of the newest transaction, which applyTransaction keeps
 * current: constant time, for rules that look at every transaction. Null for a key the config
 * does not have, or before the state has seen this config.
 */
export function currentWindowTotals(state: FeatureState, key: string, config: FeatureConfig): WindowTotals | null {
  const k = config.windows.findIndex((window) => window.key === key)
  const base = k * WINDOW_STRIDE
  return k < 0 || state.windows[base + WINDOW_MS] !== config.windows[k]!.ms ? null : totalsAt(state.windows, base)
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
  const windows = state.windows
  const n = sizeOf(log)
  for (let base = 0; base < windows.length; base += WINDOW_STRIDE) {
    const edge = t - windows[base + WINDOW_MS]!
    let i = windows[base + WINDOW_START]!
    for (; i < n && atOf(log, i) <= edge; i += 1) tally(windows, base, flagsOf(log, i), amountOf(log, i), -1)
    windows[base + WINDOW_START] = i
  }
  const edge = t - retentionMs(config)
  let head = log.head
  if (head === n || atOf(log, head) > edge) return
  const forgetBefore = t - relationshipMemoryMs(config)
  for (; head < n && atOf(log, head) <= edge; head += 1) {
    const name = counterpartyOf(log, head)
    if (name === null) continue
    const seen = state.counterparties.get(name)
    if (seen !== undefined && seen.last <= forgetBefore) state.counterparties.delete(name)
  }
  log.head = head
  const dropped = compactEventLog(log)
  if (dropped > 0) for (let base = 0; base < windows.length; base += WINDOW_STRIDE) windows[base + WINDOW_START] = windows[base + WINDOW_START]! - dropped
}

/** Recounts the window totals from the kept transactions when the state has none yet or the config's windows changed. */
function alignWindows(state: FeatureState, config: FeatureConfig): void {
  const configured = config.windows
  const windows = state.windows
  if (windows.length === configured.length * WINDOW_STRIDE) {
    let same = true
    for (let k = 0; k < configured.length; k += 1) if (windows[k * WINDOW_STRIDE + WINDOW_MS] !== configured[k]!.ms) same = false
    if (same) return
  }
  const log = state.events
  const recounted: number[] = []
  for (const { ms } of configured) {
    const base = recounted.length
    const start = state.lastAt === null ? log.head : firstAfter(log, state.lastAt - ms)
    pushWindow(recounted, ms, start)
    for (let i = start; i < sizeOf(log); i += 1) tally(recounted, base, flagsOf(log, i), amountOf(log, i), 1)
  }
  state.windows = recounted
}
