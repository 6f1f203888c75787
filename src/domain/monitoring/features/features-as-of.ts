import { DAY_MS } from '../activity.ts'
import { dailyCountsAsOf, varianceOf, type Ewma } from './baselines.ts'
import { amountOf, atOf, CASH, categoryOf, counterpartyOf, firstAfter, flagsOf, HIGH_RISK, OUT, ROUND, UNCONVERTED } from './event-log.ts'
import { CATEGORY_BASELINE_MS, LONG_MS, RECENT_MS, relationshipMemoryMs, retentionMs, type FeatureConfig } from './feature-config.ts'
import type { FeatureState } from './feature-state.ts'
import { jensenShannonDivergence } from './jensen-shannon.ts'
import type { WindowTotals } from './window-totals.ts'

export type BaselineFeatures = {
  /** Observations so far: transactions with a rate, or closed days. */
  count: number
  /** Their weights aged to asOf: the effective number of observations. */
  weight: number
  mean: number | null
  /** Null before two observations. */
  variance: number | null
}

/**
 * A customer's features as of a moment. Amounts are reporting-currency minor units; a
 * transaction whose currency has no rate is counted but left out of every amount, share of an
 * amount, largest amount and category distribution.
 */
export type CustomerFeatures = {
  customerId: string
  asOf: string
  reportingCurrency: string
  /** asOf − W < at ≤ asOf, for each configured window. */
  windows: Record<string, WindowTotals>
  distinctCounterparties: { '30d': number; '90d': number }
  /** Counterparties whose relationship began within newCounterpartyDays of asOf. */
  newCounterparties: number
  /** Cash amount over all amounts, 30 days. */
  cashShare: number | null
  largestAmount: { '30d': number | null; '90d': number | null }
  /** Amounts with a counterparty in a high-risk country over all amounts, 90 days. */
  highRiskCountryShare: number | null
  /** Round transactions over all transactions, 30 days. */
  roundAmountShare: number | null
  baselines: { amount: BaselineFeatures; dailyCount: BaselineFeatures }
  /** The z-scores of the last transaction applied. */
  lastZScores: { amount: number | null; dailyCount: number | null }
  /** Jensen–Shannon divergence (base 2) of the category mix by amount: the last 30 days against the 90 before. */
  categoryShift: { divergence: number | null; reason: string | null }
  /** Days from the latest transaction to asOf (0 when asOf is before it). */
  daysDormant: number | null
  /** The silence the latest transaction ended: days since the one before it. */
  gapBeforeLastDays: number | null
  lastTransactionAt: string | null
  firstTransactionAt: string | null
  totalCount: number
}

/**
 * Reads the features as of `asOf` (epoch ms) without changing the state: one pass over the kept
 * transactions of the retention before asOf. Exact for any asOf at or after the newest
 * transaction; for an earlier asOf, the windows leave out what came after it but cannot bring
 * back what was evicted, and the totals and baselines are the state's as it stands.
 */
export function featuresAsOf(state: FeatureState, asOf: number, config: FeatureConfig): CustomerFeatures {
  const log = state.events
  const end = firstAfter(log, asOf)
  const newMs = config.newCounterpartyDays * DAY_MS
  const memory = relationshipMemoryMs(config)
  const windows = config.windows.map(() => ({ countIn: 0, countOut: 0, sumIn: 0, sumOut: 0, unconvertedCount: 0 }))
  const recent = { count: 0, round: 0, amount: 0, cash: 0, largest: null as number | null, counterparties: new Set<string>() }
  const long = { amount: 0, highRisk: 0, largest: null as number | null, counterparties: new Set<string>() }
  const recentCategories = new Map<string, number>()
  const earlierCategories = new Map<string, number>()
  const lastSeen = new Map<string, number>()
  const judged = new Set<string>()
  let newCounterparties = 0

  for (let i = firstAfter(log, asOf - retentionMs(config)); i < end; i += 1) {
    const at = atOf(log, i)
    const age = asOf - at
    const flags = flagsOf(log, i)
    const amount = amountOf(log, i)
    const converted = (flags & UNCONVERTED) === 0
    const counterparty = counterpartyOf(log, i)
    const category = categoryOf(log, i)

    for (let k = 0; k < windows.length; k += 1) if (age < config.windows[k]!.ms) countInto(windows[k]!, flags, amount)
    if (age < LONG_MS) {
      if (counterparty !== null) long.counterparties.add(counterparty)
      if (converted) {
        long.amount += amount
        if ((flags & HIGH_RISK) !== 0) long.highRisk += amount
        if (long.largest === null || amount > long.largest) long.largest = amount
      }
    }
    if (age < RECENT_MS) {
      recent.count += 1
      if ((flags & ROUND) !== 0) recent.round += 1
      if (counterparty !== null) recent.counterparties.add(counterparty)
      if (converted) {
        recent.amount += amount
        if ((flags & CASH) !== 0) recent.cash += amount
        if (recent.largest === null || amount > recent.largest) recent.largest = amount
      }
    }
    if (category !== null && converted) {
      if (age < RECENT_MS) add(recentCategories, category, amount)
      else if (age < RECENT_MS + CATEGORY_BASELINE_MS) add(earlierCategories, category, amount)
    }
    if (counterparty !== null) {
      // A relationship began within the new days when the counterparty's first transaction in
      // them had no transaction of the same counterparty within the memory before it.
      if (age < newMs && !judged.has(counterparty)) {
        judged.add(counterparty)
        const before = lastSeen.get(counterparty)
        if (before === undefined || at - before >= memory) newCounterparties += 1
      }
      lastSeen.set(counterparty, at)
    }
  }

  const halfLifeMs = config.ewmaHalfLifeDays * DAY_MS
  const divergence = jensenShannonDivergence(recentCategories, earlierCategories)
  return {
    customerId: state.customerId,
    asOf: new Date(asOf).toISOString(),
    reportingCurrency: config.reportingCurrency,
    windows: Object.fromEntries(config.windows.map((window, k) => [window.key, windows[k]!])),
    distinctCounterparties: { '30d': recent.counterparties.size, '90d': long.counterparties.size },
    newCounterparties,
    cashShare: share(recent.cash, recent.amount),
    largestAmount: { '30d': recent.largest, '90d': long.largest },
    highRiskCountryShare: share(long.highRisk, long.amount),
    roundAmountShare: share(recent.round, recent.count),
    baselines: {
      amount: baselineFeatures(state.amounts, Math.max(0, asOf - state.amounts.at) / halfLifeMs),
      dailyCount: baselineFeatures(dailyCountsAsOf(state.dailyCounts, Math.floor(asOf / DAY_MS), config.ewmaHalfLifeDays), 0),
    },
    lastZScores: { amount: state.lastAmountZ, dailyCount: state.lastDailyCountZ },
    categoryShift: { divergence, reason: divergence !== null ? null : categoryShiftGap(recentCategories, earlierCategories) },
    daysDormant: state.lastAt === null ? null : Math.max(0, asOf - state.lastAt) / DAY_MS,
    gapBeforeLastDays: state.lastAt === null || state.previousAt === null ? null : (state.lastAt - state.previousAt) / DAY_MS,
    lastTransactionAt: state.lastAt === null ? null : new Date(state.lastAt).toISOString(),
    firstTransactionAt: state.firstAt === null ? null : new Date(state.firstAt).toISOString(),
    totalCount: state.totalCount,
  }
}

function countInto(window: WindowTotals, flags: number, amount: number): void {
  if ((flags & OUT) !== 0) {
    window.countOut += 1
    window.sumOut += amount
  } else {
    window.countIn += 1
    window.sumIn += amount
  }
  if ((flags & UNCONVERTED) !== 0) window.unconvertedCount += 1
}

function add(masses: Map<string, number>, key: string, amount: number): void {
  masses.set(key, (masses.get(key) ?? 0) + amount)
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null
}

function baselineFeatures(ewma: Ewma, halfLivesSince: number): BaselineFeatures {
  return {
    count: ewma.count,
    weight: ewma.weight * 2 ** -halfLivesSince,
    mean: ewma.count > 0 ? ewma.mean : null,
    variance: ewma.count > 1 ? varianceOf(ewma) : null,
  }
}

function categoryShiftGap(recent: ReadonlyMap<string, number>, earlier: ReadonlyMap<string, number>): string {
  if (recent.size === 0 && earlier.size === 0) return 'no categorised amounts in the last 120 days'
  return recent.size === 0 ? 'no categorised amounts in the last 30 days' : 'no categorised amounts in the 90 days before the last 30'
}
