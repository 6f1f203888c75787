import type { Invoice, Payment } from '../activity.ts'
import { aging, type Aging } from './aging.ts'
import { daysBeyondTerms, type DaysBeyondTerms } from './days-beyond-terms.ts'
import { daysPastDue, type DaysPastDue } from './days-past-due.ts'
import { countbackDso, simpleDso, type CountbackDso } from './dso.ts'
import type { Figure, Money } from './figure.ts'
import { outstanding, type Outstanding } from './outstanding.ts'
import { paymentIndex, type PaymentIndex, type PaymentIndexAnchor } from './payment-index.ts'
import { ledgerCurrencies, receivablesLedger, type UnappliedCash } from './receivables-ledger.ts'
import { creditUtilisation, type Utilisation } from './utilisation.ts'

/**
 * Every receivables figure of one customer at `asOf`, per currency, in one plain object (what
 * the API will return). Amounts in different currencies are never added together.
 */
export type ReceivablesSummaryOptions = {
  invoices: readonly Invoice[]
  payments: readonly Payment[]
  /** Epoch milliseconds. */
  asOf: number
  limit?: Money | null
  /** Aging bucket edges in days past due; default [30, 60, 90, 120]. */
  agingBuckets?: readonly number[]
  /** The simple DSO window in days; default 90. */
  dsoDays?: number
  /** The paid days-beyond-terms window in days; default 90. */
  dbtDays?: number
  /** The payment index window in months; default 12. */
  paymentIndexMonths?: number
  paymentIndexAnchors?: readonly PaymentIndexAnchor[]
}

export type CurrencyReceivables = Outstanding & {
  daysPastDue: DaysPastDue
  aging: Aging
  dso: { simple: Figure; countback: CountbackDso }
  daysBeyondTerms: DaysBeyondTerms
  paymentIndex: PaymentIndex
}

export type ReceivablesSummary = {
  /** ISO-8601. */
  asOf: string
  /** One entry per currency the customer was invoiced in (cancelled invoices aside), in order. */
  currencies: CurrencyReceivables[]
  unappliedCash: UnappliedCash[]
  utilisation: Utilisation
  /** What was left out or looked inconsistent in the input. */
  notes: string[]
}

export function receivablesSummary(options: ReceivablesSummaryOptions): ReceivablesSummary {
  const { invoices, payments, asOf, limit = null, agingBuckets, dsoDays, dbtDays, paymentIndexMonths, paymentIndexAnchors } = options
  const ledger = receivablesLedger({ invoices, payments, asOf })
  const currencies = ledgerCurrencies(ledger).map((currency) => ({
    ...outstanding({ ledger, currency }),
    daysPastDue: daysPastDue({ ledger, currency }),
    aging: aging({ ledger, currency, edges: agingBuckets }),
    dso: { simple: simpleDso({ ledger, currency, days: dsoDays }), countback: countbackDso({ ledger, currency }) },
    daysBeyondTerms: daysBeyondTerms({ ledger, currency, days: dbtDays }),
    paymentIndex: paymentIndex({ ledger, currency, months: paymentIndexMonths, anchors: paymentIndexAnchors }),
  }))
  return {
    asOf: new Date(asOf).toISOString(),
    currencies,
    unappliedCash: ledger.unappliedCash,
    utilisation: creditUtilisation({ ledger, limit }),
    notes: ledger.notes,
  }
}
