import type { Invoice } from '../activity.ts'

/** The currency a customer is invoiced most in (by amount), null without invoices: the one trends and the rating read. */
export function mainInvoicedCurrency(invoices: readonly Pick<Invoice, 'currency' | 'amount'>[]): string | null {
  const invoiced = new Map<string, number>()
  for (const invoice of invoices) invoiced.set(invoice.currency, (invoiced.get(invoice.currency) ?? 0) + invoice.amount)
  return [...invoiced].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
}
