import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIALECTS, POSTGRES_URL } from '../helpers/dialects.ts'
import { customersCsv, encodeGbk } from './fixtures.ts'

/** `fengkong import` and `fengkong export` as an operator runs them: a real process, a real file. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BIN = join(ROOT, 'bin', 'fengkong.js')
const SLOW = 180_000

type CliResult = { code: number; stdout: string; stderr: string }

function fengkong(...args: string[]): Promise<CliResult> {
  const { FENGKONG_DB: _db, ...env } = process.env
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...env, LOG_LEVEL: 'warn' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(new Error(`fengkong ${args.join(' ')} did not finish: ${stderr}`, { cause: error }))
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr })
    })
  })
}

const dir = mkdtempSync(join(tmpdir(), 'fengkong-import-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

describe.each(DIALECTS)('%s: fengkong import and export', (dialect) => {
  let db: string
  const schema = `fk_cli_import_${randomBytes(6).toString('hex')}`
  beforeAll(() => {
    db = dialect === 'sqlite' ? `sqlite:${join(dir, `${schema}.db`)}` : `${POSTGRES_URL}?schema=${schema}`
  })
  afterAll(async () => {
    if (dialect !== 'postgres') return
    const client = new pg.Client({ connectionString: POSTGRES_URL })
    await client.connect()
    await client.query(`drop schema if exists ${schema} cascade`)
    await client.end()
  })

  it(
    'exits 1 naming the bad rows (all in --report), 0 when a rerun has nothing to add, and round-trips its own export',
    async () => {
      const csv = file(`customers-${dialect}.csv`, customersCsv(1_200, 5, { 1_000: { registrationId: '91110000MA00000000' }, 1_100: { employees: 'many' } }))
      const report = join(dir, `report-${dialect}.csv`)
      const first = await fengkong('import', 'customers', csv, '--db', db, '--report', report)
      expect(first.code, first.stderr).toBe(1)
      expect(first.stdout).toContain('inserted 1,198, updated 0, unchanged 0, failed 2')
      expect(first.stdout).toMatch(/line 1001 registrationId: is not a valid unified social credit code/)
      expect(first.stderr).toContain('error: 2 rows failed; the other 1,198 landed')
      expect(readFileSync(report, 'utf8').split('\n').slice(0, 3)).toEqual(['line,field,message', expect.stringMatching(/^1001,registrationId,/), '1101,employees,"must be a whole number, not ""many"""'])

      const exported = await fengkong('export', 'customers', '--format', 'ndjson', '--db', db)
      expect(exported.code, exported.stderr).toBe(0)
      expect(exported.stdout.trim().split('\n')).toHaveLength(1_198)
      const again = await fengkong('import', 'customers', file(`export-${dialect}.ndjson`, exported.stdout), '--db', db, '--atomic')
      expect(again.code, again.stderr).toBe(0)
      expect(again.stdout).toContain('inserted 0, updated 0, unchanged 1,198, failed 0')
    },
    SLOW,
  )

  it(
    'reads GBK with --encoding gbk, and --atomic writes nothing from a file with a bad row',
    async () => {
      const gbk = file(`gbk-${dialect}.csv`, encodeGbk('externalId,type,name,country,region\ng-1,company,华为技术有限公司,CN,深圳\ng-2,公司,中兴通讯股份有限公司,CN,深圳\n'))
      const refused = await fengkong('import', 'customers', gbk, '--encoding', 'gbk', '--atomic', '--db', db)
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('nothing was imported (--atomic)')
      const landed = await fengkong('import', 'customers', gbk, '--encoding', 'gbk', '--db', db)
      expect(landed.code).toBe(1)
      expect(landed.stdout).toContain('inserted 1, updated 0, unchanged 0, failed 1')
      expect(landed.stdout).toContain('line 3 type: must be equal to one of the allowed values')
    },
    SLOW,
  )
})

describe('fengkong import usage errors', () => {
  it(
    'exits 2 for an unknown target, a format it cannot tell, a missing file and a mapping that does not fit',
    async () => {
      const db = `sqlite:${join(dir, 'usage.db')}`
      const results = await Promise.all([
        fengkong('import', 'suppliers', 'x.csv', '--db', db),
        fengkong('import', 'customers', file('customers.xlsx', 'x'), '--db', db),
        fengkong('import', 'customers', join(dir, 'missing.csv'), '--db', db),
        fengkong('import', 'statements', file('statements.csv', 'x\n'), '--from', 'zoho', '--db', db),
      ])
      expect(results.map((result) => result.code)).toEqual([2, 2, 2, 2])
      expect(results[0]!.stderr).toContain("value 'suppliers' is invalid for argument 'target'")
      expect(results[1]!.stderr).toContain('give --format csv or ndjson')
      expect(results[2]!.stderr).toContain('no file')
      expect(results[3]!.stderr).toContain('imports customers (Accounts) and contacts (Contacts), not statements')
    },
    SLOW,
  )
})
