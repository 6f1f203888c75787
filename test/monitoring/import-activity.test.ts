import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openMonitoring, type Monitoring } from '../../src/engine/monitoring.ts'
import { importActivity } from '../../src/services/monitoring/import-activity.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'

const actor = { kind: 'cli', name: 'test' } as const

describe.each(DIALECTS)('%s: importing activity files', (dialect) => {
  let store: TestStore
  let monitoring: Monitoring
  beforeEach(async () => {
    store = await openTestStore(dialect)
    const now = new Date().toISOString()
    await store.db.insertInto('customers').values({ id: 'c-1', external_id: 'erp-1', type: 'company', name: '测试', aliases: '[]', country: 'CN', listed: 0, tags: '[]', status: 'active', custom_fields: '{}', search_text: '测试', version: 1, created_at: now, updated_at: now }).execute()
    monitoring = await openMonitoring(store)
  })
  afterEach(async () => {
    await monitoring.close()
    await store.drop()
  })

  const run = (kind: 'transactions' | 'invoices' | 'payments', text: string, options: { atomic?: boolean; format?: 'csv' | 'ndjson' } = {}) =>
    importActivity({ store, monitoring, actor, kind, open: () => [text], format: options.format ?? 'csv', atomic: options.atomic })

  const transactions = [
    'id,customerId,at,amount,currency,direction,type,counterparty.name,counterparty.country',
    'T-1,erp-1,2026-11-02T09:30:00Z,125000,CNY,in,sale,上海华信,CN',
    'T-2,erp-1,2026-11-02T10:00:00+08:00,5000,CNY,out,purchase,,', // an offset: the full check takes it
    'T-3,erp-1,2026-11-02T11:00:00Z,-5,CNY,in,sale,,',
    'T-4,nobody,2026-11-02T12:00:00Z,100,CNY,in,sale,,',
    'T-5,erp-1,2026-02-30T12:00:00Z,100,CNY,in,sale,,',
    'T-1,erp-1,2026-11-02T09:30:00Z,125000,CNY,in,sale,上海华信,CN',
  ].join('\n')

  it('lands the good rows, names each bad row by line and field, and counts a repeated id once', async () => {
    const result = await run('transactions', transactions)
    expect(result).toMatchObject({ read: 6, inserted: 2, unchanged: 1, failed: 3 })
    expect(result.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'amount'],
      [5, 'customerId'],
      [6, 'at'],
    ])
    const again = await run('transactions', transactions)
    expect(again).toMatchObject({ inserted: 0, unchanged: 3, failed: 3 })
    const audit = await store.db.selectFrom('audit_entries').select('action').where('action', '=', 'activity.imported').execute()
    expect(audit).toHaveLength(2)
  })

  it('writes nothing of an atomic file with a bad row', async () => {
    const result = await run('transactions', transactions, { atomic: true })
    expect(result).toMatchObject({ refused: true, inserted: 0, failed: 3 })
    const count = await store.db.selectFrom('transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(0)
  })

  it('refuses a file with an unknown or missing column before reading rows', async () => {
    const result = await run('transactions', 'id,customerId,at,amount,currency,direction,colour\nT-1,erp-1,2026-11-02T09:30:00Z,1,CNY,in,red')
    expect(result.fileError).toMatch(/colour/)
    expect(result.errors).toContainEqual({ line: 1, field: 'colour', message: 'is not a column of transactions files' })
    expect(result.errors).toContainEqual({ line: 1, field: 'type', message: 'is missing' })
  })

  it('imports invoices and payments with allocations written INVOICE:AMOUNT in one cell', async () => {
    const invoices = await run('invoices', 'id,customerId,number,issuedAt,dueAt,amount,currency\nI-1,erp-1,FP-1,2026-09-01T00:00:00Z,2026-10-01T00:00:00Z,100000,CNY\nI-2,erp-1,FP-2,2026-10-01T00:00:00Z,2026-09-01T00:00:00Z,5,CNY')
    expect(invoices).toMatchObject({ inserted: 1, failed: 1 })
    expect(invoices.errors[0]).toMatchObject({ line: 3, field: 'dueAt' })
    const payments = await run('payments', 'id,customerId,at,amount,currency,allocations\nP-1,erp-1,2026-10-05T00:00:00Z,60000,CNY,I-1:60000\nP-2,erp-1,2026-10-06T00:00:00Z,60000,CNY,I-1:60000\nP-3,erp-1,2026-10-07T00:00:00Z,10,CNY,I-1')
    expect(payments).toMatchObject({ inserted: 1, failed: 2 })
    expect(payments.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'allocations.0.amount'],
      [4, 'allocations'],
    ])
  })

  it('reads NDJSON through the full check', async () => {
    const ndjson = [JSON.stringify({ id: 'N-1', customerId: 'erp-1', at: '2026-11-02T09:30:00Z', amount: 10, currency: 'CNY', direction: 'in', type: 'cash' }), '{"id": "N-2"'].join('\n')
    const result = await run('transactions', ndjson, { format: 'ndjson' })
    expect(result).toMatchObject({ inserted: 1, failed: 1 })
    expect(result.errors[0]!.line).toBe(2)
  })
})
