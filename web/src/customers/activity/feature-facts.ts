import type { BaselineFeatures, CustomerFeatures } from '../../api/types.ts'

export type FactFormat = 'count' | 'money' | 'share' | 'days' | 'divergence'

/** Why a figure is missing: a key under activity.features.reasons, or the server's own words when they are not ones the UI knows. */
export type FactReason = { key: string } | { text: string }

/** One figure of the features card; `key` names its label under activity.features. */
export type FeatureFact = { key: string; format: FactFormat; value: number | null; reason: FactReason | null }

/** An EWMA baseline: mean ± standard deviation, and why either is missing. */
export type BaselineFact = { key: 'amountBaseline' | 'dailyCountBaseline'; format: 'money' | 'count'; mean: number | null; sd: number | null; observations: number; reason: FactReason | null }

/** The server's reasons for a missing category shift (src/domain/monitoring/features/features-as-of.ts). */
const CATEGORY_SHIFT_REASONS: Record<string, string> = {
  'no categorised amounts in the last 120 days': 'noCategories120',
  'no categorised amounts in the last 30 days': 'noCategories30',
  'no categorised amounts in the 90 days before the last 30': 'noCategoriesBefore',
}

/**
 * The card's figures in the order it shows them. The server gives a reason only for the
 * category shift; the shares, largest amounts and dormancy are null for one reason each
 * (nothing in their period), which the UI names itself.
 */
export function featureFacts(features: CustomerFeatures): FeatureFact[] {
  const none = features.totalCount === 0
  const missing = (value: number | null, key: string): FactReason | null => (value !== null ? null : { key: none ? 'noTransactionsYet' : key })
  const fact = (key: string, format: FactFormat, value: number | null, whyNull = 'noTransactionsYet'): FeatureFact => ({ key, format, value, reason: missing(value, whyNull) })
  const shift = features.categoryShift
  return [
    fact('distinct30d', 'count', features.distinctCounterparties['30d']),
    fact('distinct90d', 'count', features.distinctCounterparties['90d']),
    fact('newCounterparties', 'count', features.newCounterparties),
    fact('cashShare', 'share', features.cashShare, 'noAmounts30d'),
    fact('roundAmountShare', 'share', features.roundAmountShare, 'noTransactions30d'),
    fact('highRiskCountryShare', 'share', features.highRiskCountryShare, 'noAmounts90d'),
    fact('largest30d', 'money', features.largestAmount['30d'], 'noAmounts30d'),
    fact('largest90d', 'money', features.largestAmount['90d'], 'noAmounts90d'),
    fact('daysDormant', 'days', features.daysDormant),
    {
      key: 'categoryShift',
      format: 'divergence',
      value: shift.divergence,
      reason: shift.divergence !== null ? null : shift.reason ? (CATEGORY_SHIFT_REASONS[shift.reason] ? { key: CATEGORY_SHIFT_REASONS[shift.reason]! } : { text: shift.reason }) : null,
    },
  ]
}

/** The amount baseline (reporting-currency minor units) and the daily-count baseline, each as mean ± sd. */
export function baselineFacts(features: CustomerFeatures): BaselineFact[] {
  const of = (key: BaselineFact['key'], format: BaselineFact['format'], baseline: BaselineFeatures, whenEmpty: string): BaselineFact => ({
    key,
    format,
    mean: baseline.mean,
    sd: baseline.variance === null ? null : Math.sqrt(Math.max(0, baseline.variance)),
    observations: baseline.count,
    reason: baseline.mean === null ? { key: whenEmpty } : baseline.variance === null ? { key: 'oneObservation' } : null,
  })
  return [of('amountBaseline', 'money', features.baselines.amount, 'noTransactionsYet'), of('dailyCountBaseline', 'count', features.baselines.dailyCount, 'noClosedDay')]
}
