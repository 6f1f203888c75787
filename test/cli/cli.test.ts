import { execFile, spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import SqliteDatabase from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { canonicalJson, GENESIS_HASH, sealAuditEntry, type JsonValue } from '../../src/domain/audit/index.ts'
import { updateUser } from '../../src/services/users/update-user.ts'
import { MIGRATIONS } from '../../src/store/migrations/index.ts'
import { openStore } from '../../src/store/open-store.ts'
import { findUserRowByEmail } from '../../src/store/repositories/users.ts'
import { DIALECTS, POSTGRES_URL } from '../helpers/dialects.ts'

/**
 * The `fengkong` command as an operator runs it: a real process started from bin/fengkong.js,
 * one throw-away database per test. Each start costs about a second (tsx compiles the source),
 * so ledgers that several tests tamper with are built once and copied.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(ROOT, 'bin', 'fengkong.js')
const PASSWORD = 'Secret123!'
const LATEST_MIGRATION = Object.keys(MIGRATIONS).at(-1)!
const SPAWN_TIMEOUT = 60_000
const SLOW = 120_000

const workDir = mkdtempSync(join(tmpdir(), 'fengkong-cli-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

/** A fresh SQLite file path (not yet created) and its --db URL. */
function tempDb(label = 'db'): { path: string; url: string } {
  const path = join(workDir, `${label}-${randomBytes(4).toString('hex')}.db`)
  return { path, url: `sqlite:${path}` }
}

type CliResult = { code: number; stdout: string; stderr: string; output: string }

/** The environment of the test run, minus the settings that would point the CLI somewhere else. */
function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { FENGKONG_DB: _db, PORT: _port, HOST: _host, ...env } = process.env
  return { ...env, LOG_LEVEL: 'warn', ...extra }
}

function fengkong(...args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(), timeout: SPAWN_TIMEOUT }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`fengkong ${args.join(' ')} did not finish (${error.signal ?? error.code}): ${stderr}`, { cause: error }))
        return
      }
      const code = error ? (error.code as number) : 0
      resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` })
    })
  })
}

/** Like fengkong(), but the test fails with the command's output when it does not exit 0. */
async function ok(...args: string[]): Promise<CliResult> {
  const result = await fengkong(...args)
  expect(result.code, `fengkong ${args.join(' ')}\n${result.output}`).toBe(0)
  return result
}

/** Opens a SQLite ledger file directly, the way someone with write access to the disk could. */
function withSqlite<T>(path: string, work: (db: SqliteDatabase.Database) => T): T {
  const db = new SqliteDatabase(path)
  try {
    return work(db)
  } finally {
    db.close()
  }
}

async function copyDb(from: string, label: string): Promise<{ path: string; url: string }> {
  const copy = tempDb(label)
  const source = new SqliteDatabase(from, { readonly: true })
  try {
    await source.backup(copy.path)
  } finally {
    source.close()
  }
  return copy
}

type EntryRow = {
  seq: number
  at: string
  actor: string
  action: string
  entity: string
  entity_id: string
  before: string | null
  after: string | null
  prev_hash: string
  hash: string
  /** Not hashed: an index derived from hashed content, which verify derives again. */
  customer_id: string | null
}

function readEntries(db: SqliteDatabase.Database): EntryRow[] {
  return db.prepare('select * from audit_entries order by seq').all() as EntryRow[]
}

/**
 * What a careful forger with write access does: changes one entry, then recomputes every
 * hash after it with Fengkong's own functions and moves the head, so the plain chain check
 * passes. Only a checkpoint held outside can tell.
 */
function rewriteLedgerConsistently(path: string, change: (entry: EntryRow) => void): void {
  withSqlite(path, (db) => {
    const rows = readEntries(db)
    const update = db.prepare('update audit_entries set at = ?, actor = ?, action = ?, entity = ?, entity_id = ?, before = ?, after = ?, prev_hash = ?, hash = ? where seq = ?')
    const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as JsonValue))
    const json = (value: JsonValue | null) => (value === null ? null : canonicalJson(value))
    db.transaction(() => {
      let prevHash = GENESIS_HASH
      for (const row of rows) {
        change(row)
        const sealed = sealAuditEntry({
          seq: row.seq,
          at: row.at,
          actor: row.actor,
          action: row.action,
          entity: row.entity,
          entityId: row.entity_id,
          before: parse(row.before),
          after: parse(row.after),
          prevHash,
        })
        update.run(sealed.at, sealed.actor, sealed.action, sealed.entity, sealed.entityId, json(sealed.before), json(sealed.after), sealed.prevHash, sealed.hash, sealed.seq)
        prevHash = sealed.hash
      }
      db.prepare('update audit_head set hash = ? where id = 1').run(prevHash)
    })()
  })
}

/** The stored `after` of a user.created entry, with the role raised to admin. */
function promoteToAdmin(json: string | null): string {
  const value = JSON.parse(json ?? 'null') as { role?: string }
  return JSON.stringify({ ...value, role: 'admin' })
}

describe('fengkong --help', () => {
  test('lists serve, migrate, user and audit', async () => {
    const { stdout } = await ok('--help')
    for (const command of ['serve', 'migrate', 'user', 'audit']) expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'))
  })

  test('names the subcommands of user and audit', async () => {
    const [user, audit] = await Promise.all([ok('user', '--help'), ok('audit', '--help')])
    expect(user.stdout).toMatch(/^\s+add\b/m)
    expect(user.stdout).toMatch(/^\s+list\b/m)
    expect(audit.stdout).toMatch(/^\s+verify\b/m)
    expect(audit.stdout).toMatch(/^\s+checkpoint\b/m)
  })
})

describe('fengkong migrate', () => {
  test('brings a new database to the latest schema version and says which', { timeout: SLOW }, async () => {
    const { url } = tempDb('migrate')
    const first = await ok('migrate', '--db', url)
    for (const name of Object.keys(MIGRATIONS)) expect(first.stdout).toContain(`applied ${name}`)
    expect(first.stdout).toContain(`is at ${LATEST_MIGRATION} (${Object.keys(MIGRATIONS).length} migrations)`)

    const again = await ok('migrate', '--db', url)
    expect(again.stdout).not.toContain('applied')
    expect(again.stdout).toContain(`is at ${LATEST_MIGRATION}`)
  })
})

describe('fengkong user', () => {
  test('an admin added with a team shows in user list, and the ledger records both', { timeout: SLOW }, async () => {
    const { url } = tempDb('user')
    const added = await ok('user', 'add', '--email', 'a@x.io', '--password', PASSWORD, '--role', 'admin', '--team', 'Risk', '--db', url)
    expect(added.stdout).toMatch(/created admin a@x\.io \(.+\) in team Risk/)

    const list = await ok('user', 'list', '--db', url)
    expect(list.stdout).toMatch(/^a@x\.io\tadmin\tactive\ta$/m)

    const verify = await ok('audit', 'verify', '--db', url)
    expect(verify.stdout).toContain('2 entries checked') // team.created, user.created
  })

  test('user list on an empty database says how to add the first user', { timeout: SLOW }, async () => {
    const { stdout } = await ok('user', 'list', '--db', tempDb('empty').url)
    expect(stdout).toContain('no users yet')
  })

  test.each([
    { field: 'role', args: ['--password', PASSWORD, '--role', 'boss'] },
    { field: 'password', args: ['--password', 'short', '--role', 'admin'] },
    { field: 'password', args: ['--password', 'onlyletters', '--role', 'admin'] },
    { field: 'email', args: ['--password', PASSWORD, '--role', 'admin'], email: 'not-an-email' },
  ])('a bad $field is refused with a message naming the field, and nothing is written', { timeout: SLOW }, async ({ field, args, email }) => {
    const { url } = tempDb('refused')
    const result = await fengkong('user', 'add', '--email', email ?? 'b@x.io', ...args, '--db', url)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(new RegExp(`^error: ${field}\\b`, 'm'))
    expect(result.stderr).toMatch(new RegExp(`^\\s+${field}: `, 'm'))

    const list = await ok('user', 'list', '--db', url)
    expect(list.stdout).toContain('no users yet')
  })

  test('a refused user add with --team creates no team and leaves the ledger empty', { timeout: SLOW }, async () => {
    const { url } = tempDb('refused-team')
    for (const args of [
      ['--password', PASSWORD, '--role', 'boss'],
      ['--password', 'short', '--role', 'admin'],
    ]) {
      const result = await fengkong('user', 'add', '--email', 'b@x.io', ...args, '--team', 'Ghost', '--db', url)
      expect(result.code).not.toBe(0)
    }
    const verify = await ok('audit', 'verify', '--db', url)
    expect(verify.stdout).toContain('0 entries checked')
  })

  test('a missing required option is a usage error (exit 2)', async () => {
    const result = await fengkong('user', 'add', '--email', 'a@x.io', '--password', PASSWORD)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("required option '--role <role>' not specified")
  })
})

describe('fengkong audit verify', () => {
  // One ledger of six entries, built once through the CLI (and one role change through the
  // service, so an entry carries `before`); each case tampers with its own copy of the file.
  //   1 team.created Risk   2 user.created a (admin)   3 user.created b (analyst)
  //   4 team.created Credit 5 user.created c (viewer)  6 user.updated c viewer → risk_manager
  const ledger = tempDb('ledger')
  const LAST = 6

  beforeAll(async () => {
    await ok('user', 'add', '--email', 'a@x.io', '--password', PASSWORD, '--role', 'admin', '--team', 'Risk', '--db', ledger.url)
    await ok('user', 'add', '--email', 'b@x.io', '--password', PASSWORD, '--role', 'analyst', '--team', 'Risk', '--db', ledger.url)
    await ok('user', 'add', '--email', 'c@x.io', '--password', PASSWORD, '--role', 'viewer', '--team', 'Credit', '--db', ledger.url)
    const store = await openStore(ledger.url)
    try {
      const c = await findUserRowByEmail(store.db, 'c@x.io')
      await updateUser({ store, actor: { kind: 'system' }, userId: c!.id, changes: { role: 'risk_manager' } })
    } finally {
      await store.close()
    }
    const actions = withSqlite(ledger.path, (db) => readEntries(db).map((e) => `${e.seq} ${e.action}`))
    expect(actions).toEqual(['1 team.created', '2 user.created', '3 user.created', '4 team.created', '5 user.created', '6 user.updated'])
  }, SLOW)

  test('an untouched ledger is intact: exit 0 and the number of entries checked', { timeout: SLOW }, async () => {
    const { stdout } = await ok('audit', 'verify', '--db', ledger.url)
    expect(stdout).toContain(`audit ledger intact: ${LAST} entries checked`)
  })

  test('an empty ledger is intact with 0 entries checked', { timeout: SLOW }, async () => {
    const { stdout } = await ok('audit', 'verify', '--db', tempDb('fresh').url)
    expect(stdout).toContain('audit ledger intact: 0 entries checked')
  })

  const promoteViewer = (json: string | number | null) => String(json).replace('"role":"viewer"', '"role":"admin"')
  type Edit = { column: keyof EntryRow; seq: number; to: (old: string | number | null) => string | number }

  test.concurrent.for<Edit>([
    { column: 'action', seq: 3, to: () => 'user.deleted' },
    { column: 'action', seq: 1, to: () => 'team.deleted' },
    { column: 'actor', seq: 3, to: () => 'cli:mallory' },
    { column: 'at', seq: 3, to: (old) => new Date(Date.parse(String(old)) - 1000).toISOString() },
    { column: 'entity', seq: 3, to: () => 'team' },
    { column: 'entity_id', seq: 3, to: () => randomUUID() },
    { column: 'before', seq: 6, to: promoteViewer },
    { column: 'after', seq: 5, to: promoteViewer },
    { column: 'after', seq: LAST, to: (old) => String(old).replace('"role":"risk_manager"', '"role":"admin"') },
    { column: 'prev_hash', seq: 3, to: () => GENESIS_HASH },
    { column: 'hash', seq: 3, to: (old) => String(old).replace(/.$/, (c) => (c === '0' ? '1' : '0')) },
    { column: 'hash', seq: LAST, to: (old) => String(old).replace(/.$/, (c) => (c === '0' ? '1' : '0')) },
    { column: 'seq', seq: 3, to: () => 1000 },
    { column: 'customer_id', seq: 3, to: () => randomUUID() },
  ])('editing $column of entry $seq fails naming seq $seq', { timeout: SLOW }, async ({ column, seq, to }, { expect }) => {
    const copy = await copyDb(ledger.path, `edit-${column}`)
    withSqlite(copy.path, (db) => {
      const old = (db.prepare(`select ${column} as value from audit_entries where seq = ?`).get(seq) as { value: string | number | null }).value
      const value = to(old)
      expect(value, 'the edit must change the stored value').not.toEqual(old)
      expect(db.prepare(`update audit_entries set ${column} = ? where seq = ?`).run(value, seq).changes).toBe(1)
    })

    const result = await fengkong('audit', 'verify', '--db', copy.url)
    expect(result.code, result.output).toBe(1)
    expect(result.output).toMatch(new RegExp(`BROKEN at seq ${seq}:`))
  })

  test.concurrent.for([
    { which: 'a middle entry', seq: 3 },
    { which: 'the first entry', seq: 1 },
    { which: 'the last entry', seq: LAST },
  ])('deleting $which fails naming seq $seq', { timeout: SLOW }, async ({ seq }, { expect }) => {
    const copy = await copyDb(ledger.path, `delete-${seq}`)
    withSqlite(copy.path, (db) => expect(db.prepare('delete from audit_entries where seq = ?').run(seq).changes).toBe(1))

    const result = await fengkong('audit', 'verify', '--db', copy.url)
    expect(result.code, result.output).toBe(1)
    expect(result.output).toMatch(new RegExp(`BROKEN at seq ${seq}:`))
    expect(result.output).toContain('missing')
  })

  test.concurrent.for([
    { lower: 2, higher: 3 },
    { lower: 3, higher: 5 },
  ])('swapping the seq of entries $lower and $higher fails naming seq $lower', { timeout: SLOW }, async ({ lower, higher }, { expect }) => {
    const copy = await copyDb(ledger.path, `swap-${lower}-${higher}`)
    withSqlite(copy.path, (db) => {
      const move = db.prepare('update audit_entries set seq = ? where seq = ?')
      db.transaction(() => {
        move.run(-1, lower)
        move.run(lower, higher)
        move.run(higher, -1)
      })()
    })

    const result = await fengkong('audit', 'verify', '--db', copy.url)
    expect(result.code, result.output).toBe(1)
    expect(result.output).toMatch(new RegExp(`BROKEN at seq ${lower}:`))
  })

  test('re-serialising a JSON column without changing any value is not tampering (hashes cover canonical JSON)', { timeout: SLOW }, async () => {
    const copy = await copyDb(ledger.path, 'reformat')
    withSqlite(copy.path, (db) => {
      const { after } = db.prepare('select after from audit_entries where seq = 5').get() as { after: string }
      const pretty = JSON.stringify(JSON.parse(after), null, 2)
      expect(pretty).not.toBe(after)
      db.prepare('update audit_entries set after = ? where seq = 5').run(pretty)
    })
    await ok('audit', 'verify', '--db', copy.url)
  })

  // Exit 1 means "the ledger is broken", so a cron job can alert on it; failing to check is 2.
  test('a bad checkpoint argument exits 2, not 1', { timeout: SLOW }, async () => {
    const result = await fengkong('audit', 'verify', '--checkpoint', 'nonsense', '--db', ledger.url)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('is not a checkpoint')
  })

  test('an unknown option exits 2, not 1', { timeout: SLOW }, async () => {
    const result = await fengkong('audit', 'verify', '--chekpoint', 'x', '--db', ledger.url)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("unknown option '--chekpoint'")
  })

  test('an unreachable database exits 2, not 1', { timeout: SLOW }, async () => {
    const result = await fengkong('audit', 'verify', '--db', 'postgres://nobody@127.0.0.1:1/none')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('cannot reach PostgreSQL')
  })
})

describe('fengkong audit checkpoint', () => {
  const ledger = tempDb('anchored')
  let checkpoint = ''

  beforeAll(async () => {
    await ok('user', 'add', '--email', 'a@x.io', '--password', PASSWORD, '--role', 'admin', '--team', 'Risk', '--db', ledger.url)
    await ok('user', 'add', '--email', 'b@x.io', '--password', PASSWORD, '--role', 'viewer', '--db', ledger.url)
    await ok('user', 'add', '--email', 'c@x.io', '--password', PASSWORD, '--role', 'analyst', '--db', ledger.url)
    const result = await ok('audit', 'checkpoint', '--db', ledger.url)
    checkpoint = result.stdout.trim()
  }, SLOW)

  test('prints SIZE:ROOT on stdout and how to check it on stderr', { timeout: SLOW }, async () => {
    expect(checkpoint).toMatch(/^4:[0-9a-f]{64}$/)
    const again = await ok('audit', 'checkpoint', '--db', ledger.url)
    expect(again.stdout.trim()).toBe(checkpoint)
    expect(again.stderr).toContain(`fengkong audit verify --checkpoint ${checkpoint}`)
  })

  test('verify --checkpoint passes on the untouched ledger', { timeout: SLOW }, async () => {
    const { stdout } = await ok('audit', 'verify', '--checkpoint', checkpoint, '--db', ledger.url)
    expect(stdout).toContain(`4 entries checked; the first 4 match checkpoint ${checkpoint.split(':')[1]}`)
  })

  test('verify --checkpoint still passes after the ledger grows: the checkpoint covers a prefix', { timeout: SLOW }, async () => {
    const grown = await copyDb(ledger.path, 'grown')
    await ok('user', 'add', '--email', 'd@x.io', '--password', PASSWORD, '--role', 'viewer', '--db', grown.url)
    const { stdout } = await ok('audit', 'verify', '--checkpoint', checkpoint, '--db', grown.url)
    expect(stdout).toContain('5 entries checked; the first 4 match checkpoint')
  })

  test('a ledger rewritten end to end with valid hashes passes the chain check but fails the checkpoint', { timeout: SLOW }, async () => {
    const forged = await copyDb(ledger.path, 'forged')
    rewriteLedgerConsistently(forged.path, (entry) => {
      if (entry.seq === 3) entry.after = promoteToAdmin(entry.after)
    })
    const after = withSqlite(forged.path, (db) => readEntries(db).find((e) => e.seq === 3)!.after)
    expect(after).toContain('"role":"admin"')

    const plain = await ok('audit', 'verify', '--db', forged.url)
    expect(plain.stdout).toContain('4 entries checked')

    const anchored = await fengkong('audit', 'verify', '--checkpoint', checkpoint, '--db', forged.url)
    expect(anchored.code, anchored.output).toBe(1)
    expect(anchored.stderr).toContain('audit ledger BROKEN: the first 4 entries no longer hash to the checkpoint root')
  })

  test('a tail cut off together with the head passes the chain check but fails the checkpoint', { timeout: SLOW }, async () => {
    const cut = await copyDb(ledger.path, 'cut')
    withSqlite(cut.path, (db) => {
      db.prepare('delete from audit_entries where seq = 4').run()
      const { hash } = db.prepare('select hash from audit_entries where seq = 3').get() as { hash: string }
      db.prepare('update audit_head set seq = 3, hash = ? where id = 1').run(hash)
    })

    await ok('audit', 'verify', '--db', cut.url)
    const anchored = await fengkong('audit', 'verify', '--checkpoint', checkpoint, '--db', cut.url)
    expect(anchored.code, anchored.output).toBe(1)
    expect(anchored.stderr).toContain('the ledger holds 3 entries but the checkpoint covers 4')
  })
})

describe('fengkong serve', () => {
  test('serves health publicly, refuses /api/v1/me without credentials, and signs in the first admin', { timeout: SLOW }, async () => {
    const { url } = tempDb('serve')
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--init-admin', '--db', url], {
      cwd: ROOT,
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

    try {
      const base = await waitFor(() => /Fengkong is serving (http:\/\/\S+)/.exec(stdout)?.[1], () => `serve did not start:\n${stdout}\n${stderr}`)
      await waitFor(async () => {
        const response = await fetch(`${base}/api/health`).catch(() => null)
        return response?.ok && ((await response.json()) as { status: string }).status === 'ok' ? true : undefined
      }, () => `GET /api/health never answered ok:\n${stdout}\n${stderr}`)

      const anonymous = await fetch(`${base}/api/v1/me`)
      expect(anonymous.status).toBe(401)
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('unauthenticated')

      const password = /created admin@fengkong\.local with password (\S+)/.exec(stdout)?.[1]
      expect(password, stdout).toBeDefined()
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@fengkong.local', password }),
      })
      expect(login.status).toBe(200)
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!
      const me = await fetch(`${base}/api/v1/me`, { headers: { cookie } })
      expect(me.status).toBe(200)
      expect(((await me.json()) as { user: { role: string } }).user.role).toBe('admin')

      const created = await fetch(`${base}/api/v1/api-keys`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'smoke' }),
      })
      expect(created.status).toBe(201)
      const { key } = (await created.json()) as { key: string }
      const viaKey = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } })
      expect(((await viaKey.json()) as { via: string }).via).toBe('api_key')
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })
})

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, failure: () => string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(failure())
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe.runIf(DIALECTS.includes('postgres'))('postgres: the core flow on a schema of its own', () => {
  const schema = `fk_cli_${randomBytes(6).toString('hex')}`
  const url = (() => {
    const parsed = new URL(POSTGRES_URL)
    parsed.searchParams.set('schema', schema)
    return parsed.toString()
  })()

  afterAll(async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL })
    await client.connect()
    await client.query(`drop schema if exists ${schema} cascade`)
    await client.end()
  })

  test('migrate, add and list users, verify, checkpoint, and catch an edited entry', { timeout: 4 * SLOW }, async () => {
    const migrated = await ok('migrate', '--db', url)
    expect(migrated.stdout).toContain(`is at ${LATEST_MIGRATION}`)

    await ok('user', 'add', '--email', 'a@x.io', '--password', PASSWORD, '--role', 'admin', '--team', 'Risk', '--db', url)
    await ok('user', 'add', '--email', 'b@x.io', '--password', PASSWORD, '--role', 'analyst', '--team', 'Risk', '--db', url)
    const list = await ok('user', 'list', '--db', url)
    expect(list.stdout).toMatch(/^a@x\.io\tadmin\tactive\ta$/m)
    expect(list.stdout).toMatch(/^b@x\.io\tanalyst\tactive\tb$/m)

    const refused = await fengkong('user', 'add', '--email', 'c@x.io', '--password', PASSWORD, '--role', 'boss', '--db', url)
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/^error: role\b/m)

    expect((await ok('audit', 'verify', '--db', url)).stdout).toContain('3 entries checked')
    const checkpoint = (await ok('audit', 'checkpoint', '--db', url)).stdout.trim()
    expect(checkpoint).toMatch(/^3:[0-9a-f]{64}$/)
    await ok('audit', 'verify', '--checkpoint', checkpoint, '--db', url)

    const client = new pg.Client({ connectionString: POSTGRES_URL })
    await client.connect()
    try {
      const edited = await client.query(`update ${schema}.audit_entries set actor = 'cli:mallory' where seq = 2`)
      expect(edited.rowCount).toBe(1)
    } finally {
      await client.end()
    }
    const broken = await fengkong('audit', 'verify', '--db', url)
    expect(broken.code, broken.output).toBe(1)
    expect(broken.output).toMatch(/BROKEN at seq 2:/)
  })
})
