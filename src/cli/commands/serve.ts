import type { Command } from 'commander'
import { buildServer } from '../../api/server.ts'
import { loadConfig, redactSmtpUrl } from '../../config.ts'
import { createUser } from '../../services/users/create-user.ts'
import { newSecretToken } from '../../services/secret-token.ts'
import { redact } from '../../store/database-url.ts'
import { migrateToLatest } from '../../store/migrate.ts'
import { openStore, type Store } from '../../store/open-store.ts'
import { countUsers } from '../../store/repositories/users.ts'
import { DB_OPTION_HELP } from '../with-store.ts'
import { DEMO_DEFAULTS, seedDemo, todayUtc } from './demo.ts'

type ServeOptions = { port?: string; host?: string; db?: string; initAdmin?: boolean; demo?: boolean }

export function serveCommand(program: Command): void {
  program
    .command('serve')
    .description('run the API (and, once built, the web UI) on one port')
    .option('--port <port>', 'port to listen on (default: $PORT, else 3000)')
    .option('--host <host>', 'address to bind (default: $HOST, else 127.0.0.1)')
    .option('--db <url>', DB_OPTION_HELP)
    .option('--init-admin', 'when the database has no users, create admin@fengkong.local with a random password and print it')
    .option('--demo', 'when the database is empty, fill it with the demo portfolio and demo users (what npm start does)')
    .action(async (options: ServeOptions) => {
      const config = loadConfig({
        databaseUrl: options.db,
        host: options.host,
        port: options.port === undefined ? undefined : parsePort(options.port),
      })
      const store = await openStore(config.databaseUrl)
      await migrateToLatest(store)
      if (options.demo && (await countUsers(store.db)) === 0) {
        console.log('Empty database: seeding the demo portfolio (once)…')
        await seedDemo({ store, actor: { kind: 'system' }, ...DEMO_DEFAULTS, asOf: todayUtc() })
      }
      if (options.initAdmin) await createFirstAdmin(store)
      const app = await buildServer({ store, config })

      const stop = async (signal: string) => {
        app.log.info({ signal }, 'shutting down')
        await app.close()
        await store.close()
        process.exit(0)
      }
      process.once('SIGINT', () => void stop('SIGINT'))
      process.once('SIGTERM', () => void stop('SIGTERM'))

      const address = await app.listen({ port: config.port, host: config.host })
      console.log(`Fengkong is serving ${address}  (API docs: ${address}/api/docs, store: ${redact(config.databaseUrl)})`)
      console.log(config.smtpUrl ? `Email notifications: on, via ${redactSmtpUrl(config.smtpUrl)} from ${config.mailFrom}` : 'Email notifications: off (FENGKONG_SMTP_URL is not set: no email is queued or sent)')
    })
}

function parsePort(text: string): number {
  const port = Number(text)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got "${text}"`)
  return port
}

async function createFirstAdmin(store: Store): Promise<void> {
  if ((await countUsers(store.db)) > 0) return
  const password = `Fk-${newSecretToken().slice(0, 16)}`
  const admin = await createUser({ store, actor: { kind: 'system' }, input: { email: 'admin@fengkong.local', name: 'Administrator', password, role: 'admin' } })
  console.log(`First start: created ${admin.email} with password ${password}  (shown once; change it after signing in)`)
}
