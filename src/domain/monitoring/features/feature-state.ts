import { emptyDailyCountBaseline, emptyEwma, type DailyCountBaseline, type Ewma } from './baselines.ts'
import { emptyEventLog, liveEventLog, shareCounterpartyNames, type EventLog } from './event-log.ts'
import { pushWindow, WINDOW_START, WINDOW_STRIDE } from './window-totals.ts'

/** A counterparty relationship: from its first transaction to its latest, no silence as long as the memory (90 days) in between. */
export type CounterpartySeen = { key: string; first: number; last: number }

/**
 * One customer's running features. Mutated in place by applyTransaction; read by featuresAsOf.
 * It holds a Map, so store it with snapshotState and read it back with restoreState (plain
 * JSON.stringify would drop the counterparties).
 */
export type FeatureState = {
  version: 2
  customerId: string
  /** Every transaction ever applied, however late. */
  totalCount: number
  firstAt: number | null
  /** The newest transaction time seen: the windows stand here. */
  lastAt: number | null
  /** The second newest: lastAt − previousAt is the gap the latest transaction ended. */
  previousAt: number | null
  events: EventLog
  /** The configured windows' running totals as of lastAt, packed: see window-totals.ts. */
  windows: number[]
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
    version: 2,
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

/** Version 1 (the first release) kept a log array per field and an object per window. */
type SnapshotV1 = Omit<Snapshot, 'version' | 'events' | 'windows'> & {
  version: 1
  events: { at: number[]; amount: number[]; flags: number[]; counterparty: (string | null)[]; category: (string | null)[] }
  windows: { ms: number; start: number; countIn: number; countOut: number; sumIn: number; sumOut: number; unconvertedCount: number }[]
}

/** The state as JSON text: the live transactions only, the counterparties as [key, first, last]. */
export function snapshotState(state: FeatureState): string {
  const head = state.events.head
  const snapshot: Snapshot = {
    ...state,
    events: liveEventLog(state.events),
    windows: state.windows.map((value, i) => (i % WINDOW_STRIDE === WINDOW_START ? value - head : value)),
    counterparties: Array.from(state.counterparties.values(), (seen) => [seen.key, seen.first, seen.last]),
  }
  return JSON.stringify(snapshot)
}

/** Reads back snapshotState's text (or a version 1 snapshot); the result continues exactly as the state it was taken from would. */
export function restoreState(text: string): FeatureState {
  const parsed = JSON.parse(text) as Snapshot | SnapshotV1
  if (parsed.version !== 1 && parsed.version !== 2) throw new Error(`feature state version ${String((parsed as { version: unknown }).version)} is not one this code reads`)
  const snapshot = parsed.version === 1 ? fromVersion1(parsed) : parsed
  const counterparties = new Map<string, CounterpartySeen>()
  for (const [key, first, last] of snapshot.counterparties) counterparties.set(key, { key, first, last })
  internCounterparties(snapshot.events, counterparties)
  return {
    version: 2,
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

function fromVersion1(snapshot: SnapshotV1): Snapshot {
  const { at, amount, flags, counterparty, category } = snapshot.events
  const windows: number[] = []
  for (const window of snapshot.windows) pushWindow(windows, window.ms, window.start, window)
  return {
    ...snapshot,
    version: 2,
    events: { head: 0, numbers: at.flatMap((t, i) => [t, amount[i]!, flags[i]!]), names: counterparty.flatMap((name, i) => [name, category[i] ?? null]) },
    windows,
  }
}

/** JSON.parse makes one string per occurrence; a live state keeps one per counterparty. */
function internCounterparties(events: EventLog, counterparties: Map<string, CounterpartySeen>): void {
  const others = new Map<string, string>()
  shareCounterpartyNames(events, (name) => {
    const shared = counterparties.get(name)?.key ?? others.get(name)
    if (shared !== undefined) return shared
    others.set(name, name)
    return name
  })
}
