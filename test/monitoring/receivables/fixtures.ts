import type { Invoice, InvoiceStatus, Payment } from '../../../src/domain/monitoring/activity.ts'

/**
 * Small builders for hand-computed receivables cases. Dates are UTC: '2026-03-01' is midnight,
 * a full ISO date-time is taken as given.
 */
export const t = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso)

export function invoice(id: string, fields: { issued: string; due: string; amount: number; currency?: string; status?: InvoiceStatus }): Invoice {
  return {
    id,
    source: 'test',
    customerId: 'c1',
    number: id.toUpperCase(),
    issuedAt: t(fields.issued),
    dueAt: t(fields.due),
    amount: fields.amount,
    currency: fields.currency ?? 'CNY',
    status: fields.status ?? 'open',
  }
}

/** A payment on `at`; its amount defaults to the sum of its allocations. */
export function payment(id: string, fields: { at: string; allocations?: Record<string, number>; amount?: number; currency?: string }): Payment {
  const allocations = Object.entries(fields.allocations ?? {}).map(([invoiceId, amount]) => ({ invoiceId, amount }))
  return {
    id,
    source: 'test',
    customerId: 'c1',
    at: t(fields.at),
    amount: fields.amount ?? allocations.reduce((sum, a) => sum + a.amount, 0),
    currency: fields.currency ?? 'CNY',
    allocations,
  }
}
