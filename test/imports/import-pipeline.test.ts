import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditLedger } from '../../src/services/audit/verify-audit-ledger.ts'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { PIPELINE_DEPTH } from '../../src/services/imports/import-pipeline.ts'
import { runImport, type ImportProgress, type RunImportOptions } from '../../src/services/imports/run-import.ts'
import { listAuditEntries } from '../../src/store/repositories/audit-ledger.ts'
import { openTestStore, type TestStore } from '../helpers/dialects.ts'
import { chunked, registrationIdOf } from './fixtures.ts'

const actor = { kind: 'cli', name: 'tester' } as const

/**
 * Imports into a SQLite file plan each batch while a writer thread writes the one before it
 * (import-pipeline.ts). These cases take batches of one row, so every row is planned on top
 * of a batch still in flight, and they change the store between a batch's plan and its write,
 * which the writer must notice and the import must get right the ordinary way.
 */
describe('a pipelined customer import (SQLite file)', () => {
  let store: TestStore
  let dir: string
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fk-pipeline-'))
    store = await openTestStore('sqlite', { sqlitePath: join(dir, 'pipeline.db') })
  })
  afterEach(async () => {
    await store.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  // The rows before the one a test changes the store under: the first lands, the others are in flight.
  const fillers = Array.from({ length: PIPELINE_DEPTH }, (_, i) => `filler-${i},company,填充${i},CN\n`).join('')
  const importCsv = (content: string, options: Partial<RunImportOptions> = {}) => runImport({ store, actor, target: 'customers', format: 'csv', batchSize: 1, input: chunked(content, 64), ...options })
  const customer = (externalId: string) => store.sqlite!.prepare('select name, region, registration_id, external_id, version from customers where external_id = ?').get(externalId)
  /**
   * Runs `change` once, when the first `after` batches have landed: then the PIPELINE_DEPTH - 1
   * batches after them are being written and the one after those is planned, not yet sent.
   */
  const changeAfter = (after: number, change: () => void) => (progress: ImportProgress) => {
    if (progress.inserted + progress.updated + progress.unchanged + progress.failed === after) change()
  }

  it('finds, in the batch still being written, the customer an earlier row inserted or re-keyed', async () => {
    const registrationId = registrationIdOf(11)
    const result = await importCsv(`externalId,type,name,country,registrationId,region\n,company,甲公司,CN,${registrationId},北京\ne1,company,甲公司,CN,${registrationId},\ne1,company,甲公司（北京）,CN,,\ne1,company,甲公司（北京）,CN,,\n`)
    expect(result).toMatchObject({ read: 4, inserted: 1, updated: 2, unchanged: 1, failed: 0 })
    expect(customer('e1')).toEqual({ name: '甲公司（北京）', region: '北京', registration_id: registrationId, external_id: 'e1', version: 3 })
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 3 })
  })

  it('does batches again on its own thread when another writer moved the audit ledger meanwhile', async () => {
    let created: Promise<unknown> | null = null
    const onProgress = changeAfter(1, () => {
      created = createCustomer({ store, actor, input: { type: 'company', name: '插队公司', country: 'CN' } })
    })
    const result = await importCsv(`externalId,type,name,country\n${fillers}a1,company,甲,CN\n`, { onProgress })
    await created
    expect(result).toMatchObject({ inserted: PIPELINE_DEPTH + 1, failed: 0 })
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: PIPELINE_DEPTH + 2 })
    const actions = (await listAuditEntries(store.db, { limit: 10, order: 'asc' })).map((entry) => entry.action)
    expect(actions).toEqual(Array.from({ length: PIPELINE_DEPTH + 2 }, () => 'customer.created'))
  })

  it('does not overwrite a change made to a customer after its batch was planned', async () => {
    await importCsv('externalId,type,name,country,region\nb1,company,乙公司,CN,上海\n')
    const onProgress = changeAfter(1, () => {
      // Not audited, so only the version tells: the writer's update must find it moved.
      store.sqlite!.prepare("update customers set region = '杭州', version = version + 1 where external_id = 'b1'").run()
    })
    const result = await importCsv(`externalId,type,name,country\n${fillers}b1,company,乙公司（新）,CN\n`, { onProgress })
    expect(result).toMatchObject({ inserted: PIPELINE_DEPTH, updated: 1, failed: 0 })
    expect(customer('b1')).toEqual({ name: '乙公司（新）', region: '杭州', registration_id: null, external_id: 'b1', version: 3 })
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 2 + PIPELINE_DEPTH })
  })

  it('updates, rather than duplicates, a customer another writer inserted after the batch was planned', async () => {
    const onProgress = changeAfter(1, () => {
      store
        .sqlite!.prepare(`insert into customers (id, external_id, type, name, country, status, search_text, created_at, updated_at) values ('c0ffee00-0000-4000-8000-000000000001', 'c1', 'company', '丙公司', 'CN', 'active', '丙公司', '2026-01-01', '2026-01-01')`)
        .run()
    })
    const result = await importCsv(`externalId,type,name,country,region\n${fillers.replace(/\n/g, ',\n')}c1,company,丙公司,CN,成都\n`, { onProgress })
    expect(result).toMatchObject({ inserted: PIPELINE_DEPTH, updated: 1, failed: 0 })
    expect(customer('c1')).toMatchObject({ region: '成都', version: 2 })
    expect(store.sqlite!.prepare("select count(*) as n from customers where external_id = 'c1'").get()).toEqual({ n: 1 })
    expect(store.sqlite!.prepare(`insert into customers_fts(customers_fts, rank) values ('integrity-check', 1)`).run()).toBeDefined()
  })

  it('counts every row once and leaves the search index whole across many batches in flight', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `m${i % 120},company,名称${i},CN`)
    const result = await importCsv(`externalId,type,name,country\n${rows.join('\n')}\n`, { batchSize: 7 })
    expect(result).toMatchObject({ read: 300, inserted: 120, updated: 180, unchanged: 0, failed: 0 })
    expect(store.sqlite!.prepare('select count(*) as n from customers').get()).toEqual({ n: 120 })
    expect(customer('m0')).toMatchObject({ name: '名称240', version: 3 })
    store.sqlite!.prepare(`insert into customers_fts(customers_fts, rank) values ('integrity-check', 1)`).run()
    expect(store.sqlite!.prepare(`select count(*) as n from customers_fts where search_text like '%名称299%'`).get()).toEqual({ n: 1 })
    expect(await verifyAuditLedger({ store })).toEqual({ ok: true, checked: 300 })
  })
})
