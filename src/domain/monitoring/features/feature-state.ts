import { emptyDailyCountBaseline, emptyEwma, type DailyCountBaseline, type Ewma } from './baselines.ts'
import { emptyEventLog, liveEventLog, type EventLog } from './event-log.ts'

/** Counts and integer sums of one window; a transaction without a rate is counted, not summed. */
export type WindowTotals = { countIn: number; countOut: number; sumIn: number; sumOut: number; unconvertedCount: number }

/** A window's totals as of the newest transaction, and the first log index inside it. */
export type WindowTally = WindowTotals & { key: string; ms: number; start: number }

/** A counterparty relationship: from its first transaction to its latest, no silence as long as the memory (90 days) in between. */
export type CounterpartySeen = { key: string; first: number; last: number }

/**
 * One customer's running features. Mutated in place by applyTransaction; read by featuresAsOf.
 * It holds a Map, so store it with snapshotState and read it back with restoreState (plain
 * JSON.stringify would drop the counterparties).
 */
export type FeatureState = {
  version: 1
  customerId: string
  /** Every transaction ever applied, however late. */
  totalCount: number
  firstAt: number | null
  /** The newest transaction time seen: the windows stand here. */
  lastAt: number | null
  /** The second newest: lastAt − previousAt is the gap the latest transaction ended. */
  previousAt: number | null
  events: EventLog
  windows: WindowTally[]
  /** Counterparties by key, for telling a new one as a transaction arrives. */
  counterparties: Map<string, CounterpartySeen>
  /** Reporting-currency amounts, over processing order. */
  amounts: Ewma
  dailyCounts: DailyCountBaseline
  lastAmountZ: number | null
  lastDailyCountZ: number | null
}

export function newFeatureState(customerId: string): FeatureState {
  return {
    version: 1,
    customerId,
    totalCount: 0,
    firstAt: null,
    lastAt: null,
    previousAt: null,
    events: emptyEventLog(),
    windows: [],
    counterparties: new Map(),
    amounts: emptyEwma(),
    dailyCounts: emptyDailyCountBaseline(),
    lastAmountZ: null,
    lastDailyCountZ: null,
  }
}

type Snapshot = Omit<FeatureState, 'counterparties'> & { counterparties: [key: string, first: number, last: number][] }

/** The state as JSON text: the live transactions only, the counterparties as [key, first, last]. */
export function snapshotState(state: FeatureState): string {
  const head = state.events.head
  const snapshot: Snapshot = {
    ...state,
    events: liveEventLog(state.events),
    windows: state.windows.map((window) => ({ ...window, start: window.start - head })),
    counterparties: Array.from(state.counterparties.values(), (seen) => [seen.key, seen.first, seen.last]),
  }
  return JSON.stringify(snapshot)
}

/** Reads back snapshotState's text; the result continues exactly as the state it was taken from would. */
export function restoreState(text: string): FeatureState {
  const snapshot = JSON.parse(text) as Snapshot
  if (snapshot.version !== 1) throw new Error(`feature state version ${String(snapshot.version)} is not one this code reads`)
  const counterparties = new Map<string, CounterpartySeen>()
  for (const [key, first, last] of snapshot.counterparties) counterparties.set(key, { key, first, last })
  shareCounterpartyNames(snapshot.events, counterparties)
  return {
    version: 1,
    customerId: snapshot.customerId,
    totalCount: snapshot.totalCount,
    firstAt: snapshot.firstAt,
    lastAt: snapshot.lastAt,
    previousAt: snapshot.previousAt,
    events: snapshot.events,
    windows: snapshot.windows,
    counterparties,
    amounts: snapshot.amounts,
    dailyCounts: snapshot.dailyCounts,
    lastAmountZ: snapshot.lastAmountZ,
    lastDailyCountZ: snapshot.lastDailyCountZ,
  }
}

/** JSON.parse makes one string per occurrence; a live state keeps one per counterparty. */
function shareCounterpartyNames(events: EventLog, counterparties: Map<string, CounterpartySeen>): void {
  const others = new Map<string, string>()
  const names = events.counterparty
  for (let i = 0; i < names.length; i += 1) {
    const name = names[i]
    if (name === null || name === undefined) continue
    const shared = counterparties.get(name)?.key ?? others.get(name)
    if (shared === undefined) others.set(name, name)
    else names[i] = shared
  }
}
