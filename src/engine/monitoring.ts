import type { Transaction } from '../domain/monitoring/activity.ts'
import type { FeatureConfig } from '../domain/monitoring/features/index.ts'
import type { Store } from '../store/open-store.ts'
import { CustomerResolver } from './customer-resolver.ts'
import { localEngineAccess, type EngineAccess } from './engine-access.ts'
import { MonitoringEngine, type AcceptedListener } from './monitoring-engine.ts'
import { connectNats } from './nats/connect-nats.ts'
import { natsEngineAccess } from './nats/nats-engine-access.ts'

/** The monitoring runtime one process holds: its way to the engine and the customer keys it resolves. */
export type Monitoring = {
  engine: EngineAccess
  /** The engine itself when it runs in this process; null when it is reached over NATS. */
  local: MonitoringEngine | null
  customers: CustomerResolver
  close(): Promise<void>
}

export type OpenMonitoringOptions = {
  config?: FeatureConfig
  checkpointEvery?: number
  onAccepted?: AcceptedListener
  /** Reach the engine worker over NATS (nats://host:port) instead of running the engine here. */
  natsUrl?: string | null
  /** Live alerting (in-process engine only): opened before the engine replays, told of every accepted transaction, flushed after every batch. */
  alerts?: AcceptedSink
}

/** Something that collects work from accepted transactions in memory and writes it once per batch; `prepare` reads what it needs of a batch before the engine applies it. */
export type AcceptedSink = { onAccepted: AcceptedListener; open(): Promise<void>; prepare?(transactions: readonly Transaction[]): Promise<void>; flush(): Promise<unknown> }

export async function openMonitoring(store: Store, options: OpenMonitoringOptions = {}): Promise<Monitoring> {
  const customers = new CustomerResolver(store)
  if (options.natsUrl) {
    const engine = await natsEngineAccess(await connectNats(options.natsUrl))
    return { engine, local: null, customers, close: () => engine.close() }
  }
  const sink = options.alerts
  await sink?.open()
  const listeners = [options.onAccepted, sink?.onAccepted].filter((listener) => listener !== undefined)
  const onAccepted: AcceptedListener | undefined = listeners.length <= 1 ? listeners[0] : (event) => listeners.forEach((listener) => listener(event))
  const local = await MonitoringEngine.open({ store, config: options.config, checkpointEvery: options.checkpointEvery, onAccepted })
  const engine = sink ? flushedAfterIngest(localEngineAccess(local), sink) : localEngineAccess(local)
  await sink?.flush() // what the replay found
  return { engine, local, customers, close: () => engine.close() }
}

/** The engine access, with the sink flushed after every batch and single evaluation. */
function flushedAfterIngest(engine: EngineAccess, sink: AcceptedSink): EngineAccess {
  return {
    ...engine,
    async submit(transactions) {
      await sink.prepare?.(transactions)
      const outcomes = await engine.submit(transactions)
      await sink.flush()
      return outcomes
    },
    async evaluate(tx, asOf) {
      await sink.prepare?.([tx])
      const result = await engine.evaluate(tx, asOf)
      await sink.flush()
      return result
    },
  }
}

/**
 * The same runtime, opened on first use: a server builds its routes without waiting for the
 * engine to load every snapshot (and without failing on a store not yet migrated); `ready()`
 * opens it up front where start-up is the right time to pay for that (fengkong serve).
 */
export function openMonitoringLazily(store: Store, options: OpenMonitoringOptions = {}): Monitoring & { ready(): Promise<void> } {
  let opening: Promise<Monitoring> | null = null
  const open = () => (opening ??= openMonitoring(store, options))
  const customers = new CustomerResolver(store)
  const engine: EngineAccess = {
    get kind() {
      return options.natsUrl ? 'nats' : 'in-process'
    },
    submit: async (transactions) => (await open()).engine.submit(transactions),
    evaluate: async (tx, asOf) => (await open()).engine.evaluate(tx, asOf),
    features: async (customerId, asOf) => (await open()).engine.features(customerId, asOf),
    checkpoint: async () => (await open()).engine.checkpoint(),
    close: async () => {
      if (opening) await (await opening).close()
    },
  }
  return {
    engine,
    get local() {
      return null
    },
    customers,
    close: () => engine.close(),
    ready: async () => void (await open()),
  }
}
