import { describe, expect, it } from 'vitest'
import { receivables } from '../../testing/activity-fixtures.ts'
import { openInvoiceRows } from './open-invoices.ts'

describe('openInvoiceRows', () => {
  it('lists the open invoices most overdue first, with their due date', () => {
    const rows = openInvoiceRows(receivables().currencies[0]!.daysPastDue.invoices)
    expect(rows.map((r) => [r.number, r.dueDate, r.openAmount, r.daysPastDue])).toEqual([
      ['INV-000', '2025-10-31', 30_000_00, 151],
      ['INV-002', '2026-02-14', 80_000_00, 45],
      ['INV-003', '2026-03-22', 40_000_00, 9],
      ['INV-004', '2026-04-14', 50_000_00, 0],
    ])
  })

  it('sorts whatever order they come in, equal DPD by due date then number', () => {
    const due = Date.parse('2026-03-01T00:00:00Z')
    const rows = openInvoiceRows([
      { invoiceId: 'b', number: 'B', dueAt: due, openAmount: 1, daysPastDue: 0 },
      { invoiceId: 'a', number: 'A', dueAt: due, openAmount: 1, daysPastDue: 0 },
      { invoiceId: 'c', number: 'C', dueAt: due - 86_400_000, openAmount: 1, daysPastDue: 0 },
      { invoiceId: 'd', number: 'D', dueAt: due, openAmount: 1, daysPastDue: 3 },
    ])
    expect(rows.map((r) => r.number)).toEqual(['D', 'C', 'A', 'B'])
  })
})
