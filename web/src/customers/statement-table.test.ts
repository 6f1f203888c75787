import { describe, expect, it } from 'vitest'
import type { Statement } from '../api/types.ts'
import { statementTable } from './statement-table.ts'

const statement = (id: string, periodEnd: string, items: Record<string, number | null>): Statement => ({
  id,
  customerId: 'c1',
  periodEnd,
  periodMonths: 12,
  currency: 'CNY',
  audited: true,
  items,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
})

describe('statementTable', () => {
  it('makes one column per period, newest first, and one row per reported line item in reading order', () => {
    const { periods, rows } = statementTable([
      statement('s2023', '2023-12-31', { totalAssets: 900, revenue: 100 }),
      statement('s2024', '2024-12-31', { revenue: 120, netIncome: 12, cash: null }),
    ])
    expect(periods.map((p) => p.id)).toEqual(['s2024', 's2023'])
    expect(rows).toEqual([
      { item: 'revenue', values: { s2024: 120, s2023: 100 } },
      { item: 'netIncome', values: { s2024: 12, s2023: null } },
      { item: 'totalAssets', values: { s2024: null, s2023: 900 } },
    ])
  })

  it('keeps line items it does not know, after the known ones', () => {
    const { rows } = statementTable([statement('s', '2024-12-31', { zakat: 5, revenue: 1 })])
    expect(rows.map((r) => r.item)).toEqual(['revenue', 'zakat'])
  })
})
