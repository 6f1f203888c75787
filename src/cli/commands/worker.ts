import type { Command } from 'commander'
import { featureConfigOf, loadConfig } from '../../config.ts'
import { MonitoringEngine } from '../../engine/monitoring-engine.ts'
import { connectNats } from '../../engine/nats/connect-nats.ts'
import { startEngineWorker } from '../../engine/nats/engine-worker.ts'
import { redact } from '../../store/database-url.ts'
import { migrateToLatest } from '../../store/migrate.ts'
import { openStore } from '../../store/open-store.ts'
import { DB_OPTION_HELP } from '../with-store.ts'

export function workerCommand(program: Command): void {
  program
    .command('worker')
    .description('run the monitoring engine for API nodes that hand it transactions over NATS JetStream (docs/monitoring.md#scale)')
    .option('--nats <url>', 'NATS server (default: $FENGKONG_NATS_URL, else nats://127.0.0.1:4222)')
    .option('--db <url>', DB_OPTION_HELP)
    .action(async (options: { nats?: string; db?: string }) => {
      const config = loadConfig({ databaseUrl: options.db })
      const natsUrl = options.nats ?? config.natsUrl ?? 'nats://127.0.0.1:4222'
      const store = await openStore(config.databaseUrl)
      await migrateToLatest(store)
      const engine = await MonitoringEngine.open({ store, config: featureConfigOf(config) })
      const nc = await connectNats(natsUrl)
      const worker = await startEngineWorker({ nc, engine, log: (line) => console.error(line) })
      console.log(`Fengkong engine worker: ${engine.customerCount.toLocaleString('en')} customers' states at seq ${engine.seq}, reading ${natsUrl}, store ${redact(config.databaseUrl)}`)
      const stop = async () => {
        await worker.stop()
        await nc.drain()
        await store.close()
        process.exit(0)
      }
      process.once('SIGINT', () => void stop())
      process.once('SIGTERM', () => void stop())
    })
}
