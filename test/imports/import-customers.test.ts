import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditLedger } from '../../src/services/audit/verify-audit-ledger.ts'
import { defineCustomField } from '../../src/services/custom-fields/define-custom-field.ts'
import { runImport, type RunImportOptions } from '../../src/services/imports/run-import.ts'
import { listAuditEntries, readAuditHead } from '../../src/store/repositories/audit-ledger.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'
import { chunked, customersCsv, encodeGbk, registrationIdOf } from './fixtures.ts'

const actor = { kind: 'cli', name: 'tester' } as const

// In-memory SQLite and PostgreSQL import on the import's own thread; a SQLite file, pipelined to a writer thread (import-pipeline.ts).
const VARIANTS = [...DIALECTS.map((dialect) => ({ name: dialect, dialect, file: false })), { name: 'sqlite file (pipelined)', dialect: 'sqlite' as const, file: true }]

describe.each(VARIANTS)('$name: importing customers', ({ dialect, file }) => {
  let store: TestStore
  let dir: string | null = null
  beforeEach(async () => {
    dir = file ? mkdtempSync(join(tmpdir(), 'fk-import-')) : null
    store = await openTestStore(dialect, dir ? { sqlitePath: join(dir, 'import.db') } : {})
  })
  afterEach(async () => {
    await store.drop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const importCsv = (content: string | Buffer, options: Partial<RunImportOptions> = {}) => runImport({ store, actor, target: 'customers', format: 'csv', input: chunked(content, 64 * 1024), ...options })
  const countCustomers = async () => Number((await store.db.selectFrom('customers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)

  it(
    'lands 9,997 of 10,000 rows, reports the 3 bad lines and fields, and adds nothing when run again',
    async () => {
      const badChecksum = registrationIdOf(1233).slice(0, 17) + (registrationIdOf(1233).endsWith('0') ? '1' : '0')
      // Row k is on line k + 1: line 1,234 is row 1,233.
      const csv = customersCsv(10_000, 42, { 1233: { registrationId: badChecksum }, 5000: { type: 'partnership' }, 8765: { founded: '2021-02-30' } })
      const first = await importCsv(csv)
      expect(first).toMatchObject({ read: 10_000, inserted: 9_997, updated: 0, unchanged: 0, failed: 3, refused: false, fileError: null })
      expect(first.errors.map(({ line, field }) => ({ line, field }))).toEqual([
        { line: 1234, field: 'registrationId' },
        { line: 5001, field: 'type' },
        { line: 8766, field: 'founded' },
      ])
      expect(first.errors[0]!.message).toMatch(/not a valid unified social credit code: check character/)
      expect(await countCustomers()).toBe(9_997)
      expect((await readAuditHead(store.db))?.seq).toBe(9_997)

      const again = await importCsv(csv)
      expect(again).toMatchObject({ read: 10_000, inserted: 0, updated: 0, unchanged: 9_997, failed: 3 })
      expect(await countCustomers()).toBe(9_997)
      expect((await readAuditHead(store.db))?.seq).toBe(9_997)
      expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 9_997 })
    },
    120_000,
  )

  it('updates only the rows that changed, keeps what a row leaves out, and audits each change with before and after', async () => {
    await importCsv('externalId,type,name,country,region,tags,industry.code,industry.name\nx1,company,甲公司,CN,北京,a|b,C39,电子\nx2,company,乙公司,CN,上海,,,\n')
    const result = await importCsv('externalId,type,name,country,region,industry.code\nx1,company,甲公司,CN,天津,C39\nx2,company,乙公司,CN,,\nx3,individual,张三,CN,,\n')
    expect(result).toMatchObject({ inserted: 1, updated: 1, unchanged: 1, failed: 0 })
    const x1 = await store.db.selectFrom('customers').selectAll().where('external_id', '=', 'x1').executeTakeFirstOrThrow()
    expect(x1).toMatchObject({ region: '天津', tags: '["a","b"]', industry_code: 'C39', industry_name: '电子', version: 2 })
    const [entry] = await listAuditEntries(store.db, { entity: 'customer', entityId: x1.id, limit: 1 })
    expect(entry).toMatchObject({ action: 'customer.updated', actor: 'cli:tester', before: { region: '北京' }, after: { region: '天津', version: 2 } })
  })

  it('finds a customer by registration id when the row has no external id, and refuses one that belongs to another external id', async () => {
    await importCsv(`externalId,type,name,country,registrationId\nerp-1,company,甲公司,CN,${registrationIdOf(1)}\n,company,丙公司,CN,${registrationIdOf(3)}\n`)
    const result = await importCsv(`externalId,type,name,country,registrationId\n,company,甲公司（新）,CN,${registrationIdOf(1).toLowerCase()}\ncrm-3,company,丙公司,CN,${registrationIdOf(3)}\ncrm-9,company,冒名,CN,${registrationIdOf(1)}\n`)
    expect(result).toMatchObject({ inserted: 0, updated: 2, failed: 1 })
    expect(result.errors).toEqual([{ line: 4, field: 'registrationId', message: expect.stringMatching(/^is already used by customer .* whose external id is erp-1$/) }])
    expect(await countCustomers()).toBe(2)
  })

  it('lets a later row of the same file update what an earlier row inserted', async () => {
    const result = await importCsv('externalId,type,name,country\nx1,company,First,CN\nx1,company,Second,CN\nx1,company,Second,CN\n')
    expect(result).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 })
    expect(await store.db.selectFrom('customers').select(['name', 'version']).executeTakeFirstOrThrow()).toEqual({ name: 'Second', version: 2 })
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 2 })
  })

  it('reads a GBK file from Chinese Excel', async () => {
    const result = await importCsv(encodeGbk(`externalId,type,name,country,region\ng1,company,华为技术有限公司,CN,广东省深圳市\n`), { encoding: 'gbk' })
    expect(result).toMatchObject({ inserted: 1, failed: 0 })
    expect(await store.db.selectFrom('customers').select(['name', 'region']).executeTakeFirstOrThrow()).toEqual({ name: '华为技术有限公司', region: '广东省深圳市' })
  })

  it('reads a UTF-8 file with a byte-order mark', async () => {
    const result = await importCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('externalId,type,name,country\nb1,company,中兴通讯股份有限公司,CN\n')]))
    expect(result).toMatchObject({ inserted: 1, failed: 0 })
  })

  it('imports NDJSON, reporting a line that is not JSON and a row the schema refuses', async () => {
    const ndjson = [
      JSON.stringify({ externalId: 'n1', type: 'company', name: '甲', country: 'CN', industry: { code: 'C39' }, tags: ['a'] }),
      '{"externalId": "n2", "type": "company",',
      JSON.stringify({ externalId: 'n3', type: 'company', name: '丙', country: 'china' }),
      JSON.stringify({ externalId: 'n4', type: 'individual', name: '丁', country: 'CN', employees: null }),
    ].join('\n')
    const result = await runImport({ store, actor, target: 'customers', format: 'ndjson', input: chunked(ndjson, 16) })
    expect(result).toMatchObject({ read: 4, inserted: 2, failed: 2 })
    expect(result.errors).toEqual([
      { line: 2, field: '', message: expect.stringMatching(/^is not valid JSON/) },
      { line: 3, field: 'country', message: 'must match pattern "^[A-Z]{2}$"' },
    ])
  })

  it('with atomic, writes nothing when any row is bad, and everything when none is', async () => {
    const csv = customersCsv(2_500, 7, { 2_400: { country: 'china' } })
    const refused = await importCsv(csv, { atomic: true })
    expect(refused).toMatchObject({ read: 2_500, inserted: 0, failed: 1, refused: true })
    expect(refused.errors).toEqual([{ line: 2401, field: 'country', message: 'must match pattern "^[A-Z]{2}$"' }])
    expect(await countCustomers()).toBe(0)
    expect(await readAuditHead(store.db)).toMatchObject({ seq: 0 })
    const accepted = await importCsv(customersCsv(2_500, 7), { atomic: true })
    expect(accepted).toMatchObject({ inserted: 2_500, refused: false })
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 2_500 })
  })

  it('checks custom fields against their definitions', async () => {
    await defineCustomField({ store, actor, input: { key: 'riskRegion', label: '风险区域', type: 'select', options: ['华东', '华南'] } })
    await defineCustomField({ store, actor, input: { key: 'score', label: 'Score', type: 'number' } })
    const result = await importCsv('externalId,type,name,country,customFields.riskRegion,customFields.score\nc1,company,甲,CN,华东,7.5\nc2,company,乙,CN,西北,1\n')
    expect(result).toMatchObject({ inserted: 1, failed: 1 })
    expect(result.errors).toEqual([{ line: 3, field: 'customFields.riskRegion', message: 'must be one of 华东, 华南' }])
    expect(await store.db.selectFrom('customers').select('custom_fields').executeTakeFirstOrThrow()).toEqual({ custom_fields: '{"riskRegion":"华东","score":7.5}' })
  })

  it('refuses a header with unknown or missing columns before reading any row', async () => {
    const result = await importCsv('externalId,type,nmae,country,customFields.nope\nx,company,甲,CN,1\n')
    expect(result).toMatchObject({ read: 0, inserted: 0, fileError: expect.any(String) })
    expect(result.errors).toEqual([
      { line: 1, field: 'nmae', message: 'is not a column of customers files' },
      { line: 1, field: 'customFields.nope', message: 'is not a defined custom field' },
      { line: 1, field: 'name', message: 'is missing' },
    ])
  })
})
