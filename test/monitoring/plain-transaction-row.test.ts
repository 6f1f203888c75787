import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../../src/domain/random/index.ts'
import { TransactionInputSchema } from '../../src/schemas/activity.ts'
import { checkTransaction, toTransaction } from '../../src/services/monitoring/activity-inputs.ts'
import { fieldsOfSchema } from '../../src/services/imports/fields.ts'
import { planColumns, toRecord } from '../../src/services/imports/to-record.ts'
import { plainTransactionRow } from '../../src/services/monitoring/plain-transaction-row.ts'

const COLUMNS = fieldsOfSchema(TransactionInputSchema).map((field) => field.path)
const { plan } = planColumns(COLUMNS, fieldsOfSchema(TransactionInputSchema))
const customers = new Map([['erp-1', 'c-1']])
const known = (key: string) => customers.get(key)

/** What the full path makes of a CSV row: the schema check, then the transaction; null when refused. */
function fullPath(record: Record<string, string>) {
  const converted = toRecord(record, plan)
  if (converted.problems.length > 0 || checkTransaction(converted.record).length > 0) return null
  const input = converted.record as Parameters<typeof toTransaction>[0]
  if (Number.isNaN(Date.parse(input.at))) return null
  const customerId = known(input.customerId)
  return customerId ? toTransaction(input, customerId) : null
}

const CELLS: Record<string, string[]> = {
  id: ['T-1', '', 'x'.repeat(200), 'x'.repeat(201), '交易-1'],
  source: ['core', 'x'.repeat(100), 'x'.repeat(101)],
  customerId: ['erp-1', 'nobody'],
  at: ['2026-11-02T09:30:00Z', '2026-11-02T09:30:00.123Z', '2026-02-29T00:00:00Z', '2024-02-29T23:59:59Z', '2026-13-01T00:00:00Z', '2026-11-02T24:00:00Z', '2026-11-02T09:30:00+08:00', '2026-11-02', 'yesterday', '2026-04-31T00:00:00Z'],
  amount: ['1', '1250000', '0', '-5', '1.5', '007', '999999999999999', '9999999999999999', 'abc'],
  currency: ['CNY', 'cny', 'YUAN', 'US'],
  direction: ['in', 'out', 'IN', 'sideways'],
  type: ['sale', 'cash', 'payment', 'gift'],
  channel: ['branch', 'x'.repeat(51)],
  'counterparty.id': ['cp-1', 'x'.repeat(201)],
  'counterparty.name': ['上海华信', 'x'.repeat(301)],
  'counterparty.country': ['CN', 'cn', 'CHN'],
  'counterparty.account': ['6222', 'x'.repeat(101)],
  category: ['goods', 'x'.repeat(101)],
  description: ['note', 'x'.repeat(1001)],
}

describe('the fast lane of transaction imports', () => {
  it('takes a plainly valid row to the same transaction as the full check', () => {
    const record = { id: 'T-1', customerId: 'erp-1', at: '2026-11-02T09:30:00Z', amount: '1250000', currency: 'CNY', direction: 'in', type: 'sale', 'counterparty.name': '上海华信', 'counterparty.country': 'CN' }
    const fast = plainTransactionRow(record, known)
    expect(fast).not.toBeNull()
    expect(fast).toEqual(fullPath(record))
  })

  it('accepts only what the full check accepts, into the same transaction, on 20,000 random rows', () => {
    const random = mulberry32(5)
    let accepted = 0
    for (let n = 0; n < 20_000; n += 1) {
      const record: Record<string, string> = {}
      for (const [column, values] of Object.entries(CELLS)) {
        const required = ['id', 'customerId', 'at', 'amount', 'currency', 'direction', 'type'].includes(column)
        if (!required && random() < 0.5) continue
        // Mostly the first (valid) value, so that many rows pass and the comparison means something.
        const value = random() < 0.8 ? values[0]! : values[Math.floor(random() * values.length)]!
        if (value !== '') record[column] = value // an empty cell is left out, as read-rows does
      }
      const fast = plainTransactionRow(record, known)
      if (fast === null) continue
      accepted += 1
      expect(fullPath(record), JSON.stringify(record)).toEqual(fast)
    }
    expect(accepted).toBeGreaterThan(1000)
  })

  it('leaves times with an offset, leap seconds and impossible dates to the full check', () => {
    const base = { id: 'T-1', customerId: 'erp-1', amount: '1', currency: 'CNY', direction: 'in', type: 'sale' }
    for (const at of ['2026-11-02T09:30:00+08:00', '2026-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-11-02T23:59:60Z']) {
      expect(plainTransactionRow({ ...base, at }, known), at).toBeNull()
    }
  })
})
