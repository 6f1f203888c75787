import { DAY_MS, type Invoice, type Payment } from '../../../domain/monitoring/activity.ts'
import { iso } from '../calendar.ts'
import type { PatternInjector } from './injection.ts'

/**
 * Deteriorating payments: from a point in the first months, each invoice is paid later
 * than the one before — about 3 days past due at first, then 1.3–1.7 more days for every
 * day since, so past 30 within a month or so and past 90 within about two; the last ones
 * are still unpaid when the window ends. Normal customers stay under 30 days past due.
 * Labelled: the invoices issued since that fell due inside the window, and the payments
 * made on them.
 */
export const deterioratingPayments: PatternInjector = {
  kind: 'deteriorating_payments',
  minDays: 300,
  inject({ random, window }) {
    const start = window.start + random.int(20, window.days - 270) * DAY_MS
    const slope = random.between(1.3, 1.7)
    let anchor: number | null = null
    return {
      transactions: [],
      lateness: (issuedAt) => {
        if (issuedAt < start) return null
        anchor ??= issuedAt
        return Math.round(Math.min(240, Math.max(0, 3 + (slope * (issuedAt - anchor)) / DAY_MS + random.normal(0, 1.5))))
      },
      label: ({ billing }) => {
        const invoices = billing.invoices.filter((invoice) => anchor !== null && invoice.issuedAt >= anchor && invoice.dueAt < window.end)
        const ids = new Set(invoices.map((invoice) => invoice.id))
        const payments = billing.payments.filter((payment) => payment.allocations.some((a) => ids.has(a.invoiceId)))
        const dpd = invoices.map((invoice) => daysPastDue(invoice, payments, window.end))
        const settled = invoices.map((invoice) => lastPaymentAt(invoice, payments) ?? window.end)
        return {
          from: iso(anchor ?? start),
          to: iso(Math.max(...settled)),
          transactionIds: payments.map((payment) => billing.transactionOf.get(payment.id)!.id),
          invoiceIds: invoices.map((invoice) => invoice.id),
          description: `${invoices.length} invoices paid later and later: ${dpd[0]} days past due at first, up to ${Math.max(...dpd)}; ${invoices.filter((i) => i.status === 'open').length} still unpaid`,
        }
      },
    }
  },
}

function lastPaymentAt(invoice: Invoice, payments: readonly Payment[]): number | null {
  if (invoice.status !== 'paid') return null
  return Math.max(...payments.filter((p) => p.allocations.some((a) => a.invoiceId === invoice.id)).map((p) => p.at))
}

/** Whole days from the due date to full payment, or to `asOf` while unpaid. */
function daysPastDue(invoice: Invoice, payments: readonly Payment[], asOf: number): number {
  return Math.max(0, Math.floor(((lastPaymentAt(invoice, payments) ?? asOf) - invoice.dueAt) / DAY_MS))
}
