import type { InvoiceDaysPastDue } from '../../api/types.ts'

export type OpenInvoiceRow = {
  invoiceId: string
  number: string
  /** The due date (UTC), YYYY-MM-DD. */
  dueDate: string
  openAmount: number
  daysPastDue: number
}

/**
 * The open invoices, most overdue first, then by due date and number. The server sends `dueAt`
 * as epoch milliseconds inside the summary (it is not converted at the edge like the other
 * times); an ISO string is read as well.
 */
export function openInvoiceRows(invoices: readonly InvoiceDaysPastDue[]): OpenInvoiceRow[] {
  return invoices
    .map((invoice) => ({
      invoiceId: invoice.invoiceId,
      number: invoice.number,
      dueDate: new Date(invoice.dueAt).toISOString().slice(0, 10),
      openAmount: invoice.openAmount,
      daysPastDue: invoice.daysPastDue,
    }))
    .sort((a, b) => b.daysPastDue - a.daysPastDue || a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number))
}
