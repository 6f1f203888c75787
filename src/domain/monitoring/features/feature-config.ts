import { DAY_MS, HOUR_MS } from '../activity.ts'

/**
 * What the per-customer feature state counts and how. One config serves every customer; the
 * state remembers the windows it was built with and rebuilds their totals when they change.
 */
export type FeatureConfig = {
  /** Sliding event-time windows of counts and sums, keyed as they appear in the features. */
  windows: readonly { key: string; ms: number }[]
  /** Half-life, in days of event time, of the exponentially weighted amount and daily-count baselines. */
  ewmaHalfLifeDays: number
  /** ISO 3166-1 alpha-2 codes; a transaction is high-risk by its counterparty's country. */
  highRiskCountries: ReadonlySet<string>
  /** An amount is round when divisible by this, in the transaction's own minor units. */
  roundAmountMinor: number
  /** A counterparty is new while its relationship is younger than this many days. */
  newCounterpartyDays: number
  reportingCurrency: string
  /**
   * Reporting minor units per minor unit of a currency (USD→CNY at 7.1: `USD: 7.1`; JPY, with no
   * minor unit, → CNY at 0.047: `JPY: 4.7`). The reporting currency converts at 1 without an entry.
   */
  fxToReporting: Readonly<Record<string, number>>
}

/**
 * FATF, "High-Risk Jurisdictions subject to a Call for Action" (KP, IR, MM) and "Jurisdictions
 * under Increased Monitoring", as of the June 2026 plenary. Review it after each plenary
 * (February, June, October): see docs/monitoring-features.md.
 */
export const FATF_HIGH_RISK_COUNTRIES: readonly string[] = [
  // call for action
  'KP', 'IR', 'MM',
  // increased monitoring
  'AO', 'BA', 'BG', 'BO', 'CD', 'CI', 'CM', 'HT', 'IQ', 'KE', 'KW',
  'LA', 'LB', 'MC', 'NP', 'PG', 'SS', 'SY', 'VE', 'VG', 'VN', 'YE',
]

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = {
  windows: [
    { key: '1h', ms: HOUR_MS },
    { key: '24h', ms: DAY_MS },
    { key: '7d', ms: 7 * DAY_MS },
    { key: '30d', ms: 30 * DAY_MS },
    { key: '90d', ms: 90 * DAY_MS },
  ],
  ewmaHalfLifeDays: 30,
  highRiskCountries: new Set(FATF_HIGH_RISK_COUNTRIES),
  roundAmountMinor: 100_000,
  newCounterpartyDays: 30,
  reportingCurrency: 'CNY',
  fxToReporting: {},
}

/** The fixed periods of the shares, the distinct counts, the largest amounts and the category shift. */
export const RECENT_MS = 30 * DAY_MS
export const LONG_MS = 90 * DAY_MS
/** The category baseline is the 90 days before the recent 30: 120 days back in all. */
export const CATEGORY_BASELINE_MS = 90 * DAY_MS

/**
 * How long a counterparty may stay silent and still be the same relationship: a counterparty
 * not seen for this long is new again when it comes back.
 */
export function relationshipMemoryMs(config: FeatureConfig): number {
  return Math.max(config.newCounterpartyDays * DAY_MS, LONG_MS)
}

/**
 * How far behind the newest transaction the state keeps transactions: the longest window, the
 * category baseline (120 days), and the new-counterparty look-back (new days + memory).
 */
export function retentionMs(config: FeatureConfig): number {
  let longest = RECENT_MS + CATEGORY_BASELINE_MS
  for (const window of config.windows) if (window.ms > longest) longest = window.ms
  const lookBack = config.newCounterpartyDays * DAY_MS + relationshipMemoryMs(config)
  return lookBack > longest ? lookBack : longest
}
