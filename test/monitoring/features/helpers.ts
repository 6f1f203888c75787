import { DAY_MS, HOUR_MS, type Transaction } from '../../../src/domain/monitoring/activity.ts'
import {
  applyTransaction,
  DEFAULT_FEATURE_CONFIG,
  jensenShannonDivergence,
  newFeatureState,
  type CustomerFeatures,
  type FeatureConfig,
  type FeatureState,
  type TransactionEvaluation,
  type WindowTotals,
} from '../../../src/domain/monitoring/features/index.ts'
import { atOf, sizeOf } from '../../../src/domain/monitoring/features/event-log.ts'
import { mulberry32 } from '../../../src/domain/random/index.ts'

export const T0 = Date.UTC(2026, 0, 1)
export const days = (n: number) => n * DAY_MS
export const hours = (n: number) => n * HOUR_MS

export const config = (changes: Partial<FeatureConfig> = {}): FeatureConfig => ({ ...DEFAULT_FEATURE_CONFIG, ...changes })

let serial = 0

/** An incoming CNY payment of 1,000.00 at T0 from no counterparty, changed as given. */
export function tx(changes: Partial<Transaction> = {}): Transaction {
  serial += 1
  return {
    id: `tx-${serial}`,
    source: 'test',
    customerId: 'c1',
    at: T0,
    amount: 100_000,
    currency: 'CNY',
    direction: 'in',
    type: 'payment',
    channel: null,
    counterparty: null,
    category: null,
    description: null,
    ...changes,
  }
}

export const from = (id: string, country: string | null = null) => ({ id, name: null, country, account: null })

/** Applies the transactions in the order given to a new state; returns it and each evaluation. */
export function run(transactions: readonly Transaction[], cfg: FeatureConfig = DEFAULT_FEATURE_CONFIG): { state: FeatureState; evaluations: TransactionEvaluation[] } {
  const state = newFeatureState('c1')
  const evaluations = transactions.map((t) => applyTransaction(state, t, cfg))
  return { state, evaluations }
}

/** The times of the transactions the state keeps, oldest first. */
export function keptTimes(state: FeatureState): number[] {
  return Array.from({ length: sizeOf(state.events) - state.events.head }, (_, k) => atOf(state.events, state.events.head + k))
}

const CATEGORIES = ['rent', 'payroll', 'supplies', 'travel', 'utilities', null]
const TYPES = ['sale', 'purchase', 'payment', 'refund', 'transfer', 'cash'] as const
const COUNTRIES = ['CN', 'CN', 'CN', 'US', 'DE', 'IR', 'KP', null]

/**
 * A seeded stream of one customer's transactions in arrival order: about 6 hours apart with
 * now and then a silence of two to four months, a tenth of them arriving up to 5 hours late
 * and one in fifty up to 20 days late, a fifth round, some in USD (with a rate) and in
 * XAU (without), fifteen counterparties of which some fall silent for months.
 */
export function randomStream(seed: number, n: number): Transaction[] {
  const next = mulberry32(seed)
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!
  const out: Transaction[] = []
  let clock = T0
  for (let i = 0; i < n; i += 1) {
    clock += Math.round(-Math.log(1 - next()) * hours(6)) + (next() < 0.01 ? days(60 + Math.floor(next() * 60)) : 0)
    const lateness = next()
    const late = lateness < 0.1 ? Math.floor(next() * hours(5)) : lateness < 0.12 ? Math.floor(next() * days(20)) : 0
    const party = Math.floor(next() * 15)
    // Counterparties 10–14 are active only in some 100-day stretches, so relationships restart.
    const silent = party >= 10 && Math.floor((clock - T0) / days(100)) % 2 === 1
    out.push(
      tx({
        at: clock - late,
        amount: next() < 0.2 ? 100_000 * (1 + Math.floor(next() * 5)) : 1 + Math.floor(Math.exp(7 + 2 * next() * next() * 4)),
        currency: next() < 0.8 ? 'CNY' : next() < 0.7 ? 'USD' : 'XAU',
        direction: next() < 0.5 ? 'in' : 'out',
        type: pick(TYPES),
        channel: next() < 0.1 ? 'cash' : 'online',
        counterparty: silent || next() < 0.1 ? null : { id: `cp-${party}`, name: null, country: pick(COUNTRIES), account: null },
        category: pick(CATEGORIES),
      }),
    )
  }
  return out
}

export const WITH_USD = config({ fxToReporting: { USD: 7.1 } })

/**
 * The order-free features straight from their definitions over every transaction, with no
 * state, no retention and no eviction: what the state must agree with.
 */
export function referenceFeatures(transactions: readonly Transaction[], asOf: number, cfg: FeatureConfig) {
  const seen = [...transactions].filter((t) => t.at <= asOf).sort((a, b) => a.at - b.at)
  const within = (ms: number) => seen.filter((t) => asOf - ms < t.at)
  const rate = (t: Transaction) => (t.currency === cfg.reportingCurrency ? 1 : cfg.fxToReporting[t.currency])
  const converted = (ts: Transaction[]) => ts.filter((t) => rate(t) !== undefined)
  const reporting = (t: Transaction) => Math.round(t.amount * rate(t)!)
  const sum = (ts: Transaction[]) => converted(ts).reduce((s, t) => s + reporting(t), 0)
  const key = (t: Transaction) => t.counterparty?.id ?? null
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null)
  const largest = (ts: Transaction[]) => (converted(ts).length === 0 ? null : Math.max(...converted(ts).map(reporting)))
  const recent = within(days(30))
  const long = within(days(90))

  const windows: Record<string, WindowTotals> = {}
  for (const window of cfg.windows) {
    const ts = within(window.ms)
    const incoming = ts.filter((t) => t.direction === 'in')
    const outgoing = ts.filter((t) => t.direction === 'out')
    windows[window.key] = {
      countIn: incoming.length,
      countOut: outgoing.length,
      sumIn: sum(incoming),
      sumOut: sum(outgoing),
      unconvertedCount: ts.length - converted(ts).length,
    }
  }

  const memory = Math.max(cfg.newCounterpartyDays, 90) * DAY_MS
  let newCounterparties = 0
  for (const party of new Set(within(days(cfg.newCounterpartyDays)).map(key))) {
    if (party === null) continue
    const mine = seen.filter((t) => key(t) === party)
    const first = mine.findIndex((t) => asOf - days(cfg.newCounterpartyDays) < t.at)
    if (first === 0 || mine[first]!.at - mine[first - 1]!.at >= memory) newCounterparties += 1
  }

  const categoryMix = (ts: Transaction[]) => {
    const mix = new Map<string, number>()
    for (const t of converted(ts)) if (t.category) mix.set(t.category, (mix.get(t.category) ?? 0) + reporting(t))
    return mix
  }
  const earlier = seen.filter((t) => asOf - days(120) < t.at && t.at <= asOf - days(30))

  return {
    windows,
    distinctCounterparties: { '30d': new Set(recent.map(key).filter((k) => k !== null)).size, '90d': new Set(long.map(key).filter((k) => k !== null)).size },
    newCounterparties,
    cashShare: ratio(sum(recent.filter((t) => t.type === 'cash' || t.channel === 'cash')), sum(recent)),
    largestAmount: { '30d': largest(recent), '90d': largest(long) },
    highRiskCountryShare: ratio(sum(long.filter((t) => cfg.highRiskCountries.has(t.counterparty?.country ?? ''))), sum(long)),
    roundAmountShare: ratio(recent.filter((t) => t.amount % cfg.roundAmountMinor === 0).length, recent.length),
    categoryShift: jensenShannonDivergence(categoryMix(recent), categoryMix(earlier)),
    lastTransactionAt: seen.length === 0 ? null : new Date(seen[seen.length - 1]!.at).toISOString(),
    firstTransactionAt: seen.length === 0 ? null : new Date(seen[0]!.at).toISOString(),
    totalCount: seen.length,
  }
}

/** The features that do not depend on the order transactions arrived in: all but the baselines. */
export function orderFree(features: CustomerFeatures) {
  const { baselines: _baselines, lastZScores: _lastZScores, ...rest } = features
  return rest
}
