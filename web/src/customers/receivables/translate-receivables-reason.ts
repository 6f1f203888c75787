import type { TFunction } from 'i18next'
import { formatMoney } from '../../format/money.ts'

/**
 * The server's reasons for a receivables figure it could not compute, and its notes on the
 * data (src/domain/monitoring/receivables), in the UI's language where they follow a known
 * pattern. Amounts in them are minor units: shown as money when the currency is known. Any
 * other text is shown as the server wrote it.
 */
export function translateReceivablesReason(reason: string, t: TFunction, locale: string, currency?: string | null): string {
  const money = (minor: string, code = currency) => (code ? formatMoney(Number(minor), code, locale) : minor)
  const known: Record<string, string> = {
    'no open invoices': 'noOpen',
    'no overdue invoices': 'noOverdue',
    'no credit sales on record': 'noSalesOnRecord',
    'no credit limit': 'noLimit',
  }
  if (known[reason]) return t(`receivables.reasons.${known[reason]}`)
  let match = /^no credit sales in the last (\d+) days$/.exec(reason)
  if (match) return t('receivables.reasons.noSalesDays', { days: Number(match[1]) })
  match = /^no invoices paid in the last (\d+) days$/.exec(reason)
  if (match) return t('receivables.reasons.noPaidDays', { days: Number(match[1]) })
  match = /^no invoice paid in the last (\d+) months and none overdue$/.exec(reason)
  if (match) return t('receivables.reasons.noExperience', { months: Number(match[1]) })
  match = /^receivables of (\d+) exceed the credit sales on record$/.exec(reason)
  if (match) return t('receivables.reasons.exceedSales', { amount: money(match[1]!) })
  match = /^the limit is in ([A-Z]{3}) but the customer also owes (.+) \(minor units\), which cannot be set against it$/.exec(reason)
  if (match) {
    const owed = match[2]!.split(', ').map((part) => {
      const [amount, code] = part.split(' ')
      return code && /^\d+$/.test(amount ?? '') ? money(amount!, code) : part
    })
    return t('receivables.reasons.limitOtherCurrency', { currency: match[1], owed: new Intl.ListFormat(locale, { type: 'conjunction' }).format(owed) })
  }
  match = /^the limit is (-?\d+): nothing to divide by$/.exec(reason)
  if (match) return t('receivables.reasons.limitNotPositive', { amount: money(match[1]!) })
  return reason
}

/**
 * A note on the data. `currencyOfPayment` gives a payment's currency (from the unapplied cash)
 * so the amounts it moved can be shown as money.
 */
export function translateReceivablesNote(note: string, t: TFunction, locale: string, currencyOfPayment: (paymentId: string) => string | undefined = () => undefined): string {
  let match = /^(\d+) cancelled invoice\(s\) left out$/.exec(note)
  if (match) return t('receivables.notes.cancelled', { count: Number(match[1]) })
  match = /^(\d+) invoice\(s\) issued after asOf left out$/.exec(note)
  if (match) return t('receivables.notes.notYetIssued', { count: Number(match[1]) })
  match = /^payment (\S+) allocates (\d+) to invoice (\S+), which is not among the invoices: counted as unapplied cash$/.exec(note)
  if (match) {
    const code = currencyOfPayment(match[1]!)
    return t('receivables.notes.unknownInvoice', { payment: match[1], invoice: match[3], amount: code ? formatMoney(Number(match[2]), code, locale) : match[2] })
  }
  return note
}
