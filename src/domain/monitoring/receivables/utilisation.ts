import { computed, notComputed, roundTo, type Figure, type Money } from './figure.ts'
import { ledgerCurrencies, type ReceivablesLedger } from './receivables-ledger.ts'
import { outstanding } from './outstanding.ts'

/**
 * How much of its credit limit a customer uses: outstanding / limit, as a ratio to four decimals
 * (0.75 is 75 %; above 1 is over the limit). Only the outstanding in the limit's currency can
 * be set against it; when the customer also owes something in another currency, there is no
 * exchange rate here to add it, so the figure is null and says so.
 */
export type Utilisation = Figure & { currency: string | null }

export type UtilisationOptions = { ledger: ReceivablesLedger; limit?: Money | null }

export function creditUtilisation({ ledger, limit = null }: UtilisationOptions): Utilisation {
  const formula = 'outstanding / limit'
  if (limit === null) return { ...notComputed(formula, { outstanding: null, limit: null }, 'no credit limit'), currency: null }
  const owed = outstanding({ ledger, currency: limit.currency }).outstanding.amount
  const inputs = { outstanding: owed, limit: limit.amount }
  const foreign = ledgerCurrencies(ledger)
    .filter((currency) => currency !== limit.currency)
    .map((currency) => ({ currency, amount: outstanding({ ledger, currency }).outstanding.amount }))
    .filter((o) => o.amount > 0)
  const currency = limit.currency
  if (foreign.length > 0) {
    const owedElsewhere = foreign.map((o) => `${o.amount} ${o.currency}`).join(', ')
    return { ...notComputed(formula, inputs, `the limit is in ${currency} but the customer also owes ${owedElsewhere} (minor units), which cannot be set against it`), currency }
  }
  if (!(limit.amount > 0)) return { ...notComputed(formula, inputs, `the limit is ${limit.amount}: nothing to divide by`), currency }
  return { ...computed(formula, inputs, roundTo(owed / limit.amount, 4)), currency }
}
