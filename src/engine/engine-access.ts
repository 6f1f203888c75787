import type { Transaction } from '../domain/monitoring/activity.ts'
import type { CustomerFeatures } from '../domain/monitoring/features/index.ts'
import type { IngestOutcome, MonitoringEngine } from './monitoring-engine.ts'

export type SubmitOutcome = IngestOutcome | { status: 'queued' }
export type EvaluateResult = { outcome: IngestOutcome; features: CustomerFeatures }

/**
 * How a process reaches the monitoring engine: the engine itself, in this process (the
 * embedded default), or the engine worker over NATS (API nodes at scale). Batches submitted
 * over NATS are queued durably in JetStream and applied by the worker; a single evaluation
 * and feature reads are request/reply, answered by the worker's live state.
 */
export type EngineAccess = {
  kind: 'in-process' | 'nats'
  submit(transactions: readonly Transaction[]): Promise<SubmitOutcome[]>
  evaluate(tx: Transaction, asOf: number): Promise<EvaluateResult>
  features(customerId: string, asOf: number): Promise<CustomerFeatures>
  checkpoint(): Promise<void>
  close(): Promise<void>
}

export function localEngineAccess(engine: MonitoringEngine): EngineAccess {
  return {
    kind: 'in-process',
    submit: (transactions) => engine.ingest(transactions),
    async evaluate(tx, asOf) {
      const [outcome] = await engine.ingest([tx])
      return { outcome: outcome!, features: engine.features(tx.customerId, asOf) }
    },
    features: async (customerId, asOf) => engine.features(customerId, asOf),
    checkpoint: () => engine.checkpoint(),
    close: () => engine.close(),
  }
}
