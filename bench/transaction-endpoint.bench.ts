import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { createApiKey } from '../src/services/api-keys/create-api-key.ts'
import { createUser } from '../src/services/users/create-user.ts'
import { migrateToLatest } from '../src/store/migrate.ts'
import { openStore } from '../src/store/open-store.ts'

/**
 * The single-transaction endpoint under a steady 1,000 requests/s (acceptance: p99 ≤ 10 ms):
 * `fengkong serve` in its own process on the embedded store, autocannon here, at a fixed
 * overall rate with latencies corrected for coordinated omission. Every request is a new
 * transaction (a fresh id), stored and evaluated before the answer. The reference is the
 * health endpoint at the same rate, on the same server, in the same run.
 */
const RATE = Number(process.env.BENCH_ENDPOINT_RATE ?? 1000)
const SECONDS = Number(process.env.BENCH_ENDPOINT_SECONDS ?? 10)
const CUSTOMERS = 1000
const ROOT = fileURLToPath(new URL('..', import.meta.url))

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

type Result = { name: string; requests: number; p50: number; p99: number; max: number; non2xx: number; errors: number }

async function load(name: string, options: autocannon.Options): Promise<Result> {
  const result = await autocannon({ connections: 20, overallRate: RATE, duration: SECONDS, ...options })
  return { name, requests: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, non2xx: result.non2xx, errors: result.errors }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'fk-bench-endpoint-'))
  const url = `sqlite:${join(dir, 'endpoint.db')}`
  const store = await openStore(url)
  await migrateToLatest(store)
  const now = new Date().toISOString()
  const insert = store.sqlite!.prepare(
    `insert into customers (id, external_id, type, name, aliases, country, listed, tags, status, custom_fields, search_text, version, created_at, updated_at) values (?, ?, 'company', ?, '[]', 'CN', 0, '[]', 'active', '{}', ?, 1, ?, ?)`,
  )
  store.sqlite!.transaction(() => {
    for (let c = 0; c < CUSTOMERS; c += 1) insert.run(`c-${c}`, `erp-${c}`, `customer ${c}`, `customer ${c}`, now, now)
  })()
  const user = await createUser({ store, actor: { kind: 'system' }, input: { email: 'bench@fengkong.local', password: 'Bench-password-1', role: 'analyst' } })
  const { secret } = await createApiKey({ store, actor: { kind: 'system' }, userId: user.id, name: 'bench' })
  await store.close()

  const port = await freePort()
  const server = spawn(process.execPath, [join(ROOT, 'bin', 'fengkong.js'), 'serve', '--db', url, '--port', String(port)], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] })
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('is serving') && resolve())
      server.on('exit', (code) => reject(new Error(`fengkong serve exited with ${code}`)))
    })
    const base = `http://127.0.0.1:${port}`
    const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }
    await load('warm-up', { url: `${base}/api/health`, duration: 2 })
    const reference = await load(`GET /api/health at ${RATE}/s`, { url: `${base}/api/health` })
    let n = 0
    const start = Date.UTC(2026, 0, 1)
    const ingest = await load(`POST /api/v1/transactions at ${RATE}/s`, {
      url: `${base}/api/v1/transactions`,
      method: 'POST',
      headers,
      requests: [
        {
          setupRequest: (request) => {
            n += 1
            const body = { id: `ep-${n}`, customerId: `erp-${n % CUSTOMERS}`, at: new Date(start + n * 1000).toISOString(), amount: 1000 + (n % 97) * 1013, currency: 'CNY', direction: n % 2 ? 'in' : 'out', type: 'sale', counterparty: { id: `cp-${n % 50}` } }
            return { ...request, body: JSON.stringify(body) }
          },
        },
      ],
    })
    console.log(`\nSingle-transaction endpoint (fengkong serve on SQLite in its own process; autocannon, 20 connections, ${RATE}/s for ${SECONDS} s)`)
    console.table([reference, ingest].map((r) => ({ run: r.name, requests: r.requests, 'p50 ms': r.p50, 'p99 ms': r.p99, 'max ms': r.max, non2xx: r.non2xx, errors: r.errors, 'p99 ratio to reference': r === reference ? '1.00 (reference)' : (r.p99 / Math.max(reference.p99, 1)).toFixed(2) })))
    const verdict = ingest.p99 <= 10 && ingest.non2xx === 0 && ingest.errors === 0 ? 'meets' : 'MISSES'
    console.log(`POST /api/v1/transactions: p99 ${ingest.p99} ms at ${RATE}/s (${ingest.non2xx} non-2xx); ${verdict} the acceptance (p99 ≤ 10 ms at 1,000/s) on this machine`)
  } finally {
    server.kill('SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
    rmSync(dir, { recursive: true, force: true })
  }
}
