import type { Invoice, Payment } from '../monitoring/activity.ts'
import type { FeatureConfig } from '../monitoring/features/index.ts'
import { outstanding } from '../monitoring/receivables/outstanding.ts'
import { ledgerCurrencies, receivablesLedger } from '../monitoring/receivables/receivables-ledger.ts'

/**
 * What the rules know of the customer's place in the portfolio, as of a day's end: its
 * outstanding receivables and every customer's together, in the reporting currency, and the
 * risk appetite's single-name limit. The `portfolio.*` variables read them; the daily rules get
 * them (the backtest and the live daily run compute them the same way, with exposureTracker),
 * rules of the other scopes read them as null.
 *
 * Amounts in a currency without a rate to the reporting currency (FeatureConfig.fxToReporting)
 * are left out of both the customer's and the total, as the features leave them out of sums.
 */
export type PortfolioFacts = {
  /** The customer's outstanding receivables, reporting-currency minor units. */
  outstanding: number
  /** Every customer's outstanding receivables added up, reporting-currency minor units. */
  totalOutstanding: number
  /** The risk appetite's limit on one customer's share of the total (0.1 = 10 %). */
  maxSingleNameShare: number
}

/**
 * The limit on one customer's share of the portfolio's outstanding receivables when no risk
 * policy says otherwise: 10 %, the default policy's riskAppetite.maxSingleNameShare.
 */
export const DEFAULT_MAX_SINGLE_NAME_SHARE = 0.1

export type ExposureConfig = Pick<FeatureConfig, 'reportingCurrency' | 'fxToReporting'>

export type CustomerReceivables = { invoices?: readonly Invoice[]; payments?: readonly Payment[] }

/** The customer's outstanding receivables at `asOf`, every currency with a rate converted to reporting minor units. */
export function outstandingInReporting({ invoices = [], payments = [] }: CustomerReceivables, asOf: number, config: ExposureConfig): number {
  if (invoices.length === 0) return 0
  const ledger = receivablesLedger({ invoices, payments, asOf })
  let total = 0
  for (const currency of ledgerCurrencies(ledger)) {
    const amount = outstanding({ ledger, currency }).outstanding.amount
    const rate = currency === config.reportingCurrency ? 1 : config.fxToReporting[currency]
    if (typeof rate === 'number' && rate > 0 && rate < Infinity) total += Math.round(amount * rate)
  }
  return total
}

/**
 * outstandingInReporting of one customer, asked for at times in increasing order: computed again
 * only when an invoice was issued or a payment made since the time asked before (nothing else
 * moves the outstanding amount), so a backtest pays for the days that change it only. Exact:
 * it gives what outstandingInReporting gives at every time.
 */
export function exposureTracker(c: CustomerReceivables, config: ExposureConfig): (asOf: number) => number {
  const times = [...(c.invoices ?? []).filter((invoice) => invoice.status !== 'cancelled').map((invoice) => invoice.issuedAt), ...(c.payments ?? []).map((payment) => payment.at)].sort((a, b) => a - b)
  let last: { asOf: number; seen: number; value: number } | null = null
  return (asOf) => {
    let seen = last !== null && asOf >= last.asOf ? last.seen : 0
    while (seen < times.length && times[seen]! <= asOf) seen += 1
    if (last === null || seen !== last.seen || asOf < last.asOf) last = { asOf, seen, value: outstandingInReporting(c, asOf, config) }
    else last = { ...last, asOf }
    return last.value
  }
}

/** Every customer's outstanding receivables as of one time, and their total. */
export type PortfolioExposure = { outstanding: ReadonlyMap<string, number>; total: number }

export function portfolioExposure(outstandings: Iterable<readonly [string, number]>): PortfolioExposure {
  const map = new Map(outstandings)
  let total = 0
  for (const amount of map.values()) total += amount
  return { outstanding: map, total }
}

/** One customer's portfolio facts from the portfolio's exposure; a customer not in it holds nothing. */
export function portfolioFactsOf(exposure: PortfolioExposure, customerId: string, maxSingleNameShare: number): PortfolioFacts {
  return { outstanding: exposure.outstanding.get(customerId) ?? 0, totalOutstanding: exposure.total, maxSingleNameShare }
}

/** The customer's share of the total (0–1); null while the portfolio has nothing outstanding. */
export function exposureShare(facts: PortfolioFacts): number | null {
  return facts.totalOutstanding > 0 ? facts.outstanding / facts.totalOutstanding : null
}
