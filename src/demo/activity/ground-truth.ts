/**
 * What the generator injected on purpose, so a rule pack can be scored against it: every
 * suspicious pattern is labelled with the customer, the period and the exact records involved.
 */
export const PATTERN_KINDS = [
  'structuring',
  'velocity_spike',
  'dormant_reactivation',
  'fan_in',
  'rapid_in_out',
  'round_tripping',
  'deteriorating_payments',
  'bureau_downgrade',
] as const
export type PatternKind = (typeof PATTERN_KINDS)[number]

export type InjectedPattern = {
  customerId: string
  pattern: PatternKind
  /** ISO-8601 (UTC): when the pattern starts. */
  from: string
  /** ISO-8601 (UTC): when it ends (the last record involved). */
  to: string
  /** The injected transactions, ids of `Transaction.id`; empty for a bureau downgrade. */
  transactionIds: string[]
  /** The invoices involved (deteriorating payments only). */
  invoiceIds?: string[]
  description: string
}
