import { gradeIndex } from '../scoring/rating/master-scale.ts'
import { applyPolicy, type LimitFacts, type RatingSignals } from './apply-policy.ts'
import type { RiskPolicy } from './risk-policy.ts'

/**
 * What-if: a candidate policy (a draft) run over the current portfolio beside the active one.
 * Both policies rate every customer from the same facts (the inputs of its latest
 * assessment), so every difference is the policy's doing, not newer data.
 *
 * It reports who changes grade (and by how many notches on the scales), how each limit
 * changes, and which alerts the policy's own thresholds and risk appetite would raise under
 * each policy — marked `isNew` when the candidate raises one the active policy does not:
 *
 *   utilisation_breach    outstanding / limit above thresholds.utilisationBreach; a limit of 0
 *                         (or none, after a rating) while something is owed counts as a breach
 *   utilisation_warning   at or above thresholds.utilisationWarning, not above the breach level
 *   downgrade             the candidate grades the customer thresholds.downgradeAlertNotches or
 *                         more notches worse than the active policy (candidate only)
 *   watch_list            graded thresholds.watchListGrade or worse
 *   single_name_concentration  the customer's limit is more than riskAppetite.maxSingleNameShare
 *                         of all limits in its currency
 *   industry_concentration     an industry's limits are more than riskAppetite.maxIndustryShare
 *                         of all limits in their currency (customers without an industry code
 *                         count in the total, not as an industry)
 *
 * Not covered: the early-warning rules over transactions and receivables (they do not depend
 * on the policy), and utilisation in a currency other than the limit's (no exchange rates).
 */
export type PortfolioCustomer = {
  customerId: string
  name: string
  industryCode: string | null
  signals: RatingSignals
  limitFacts: LimitFacts
  /** What the customer owes now, per currency (minor units, positive amounts only). */
  outstanding: readonly { currency: string; amount: number }[]
}

export const WHAT_IF_ALERT_KINDS = ['utilisation_breach', 'utilisation_warning', 'downgrade', 'watch_list', 'single_name_concentration', 'industry_concentration'] as const
export type WhatIfAlertKind = (typeof WHAT_IF_ALERT_KINDS)[number]

export type WhatIfAlert = {
  kind: WhatIfAlertKind
  /** The customer it is about; null for an industry. */
  customerId: string | null
  industryCode: string | null
  currency: string | null
  /** The figure compared (a ratio, share or notches); null when it cannot be a number (owed against a limit of 0). */
  value: number | null
  threshold: number | string
  message: string
  /** Raised by the candidate but not by the active policy. */
  isNew: boolean
}

export type PolicyView = { grade: string | null; pd: number | null; limit: number | null; currency: string | null; limitReason: string | null; utilisation: number | null }

export type GradeChange = 'unchanged' | 'upgrade' | 'downgrade' | 'now_rated' | 'no_longer_rated'

export type WhatIfCustomer = {
  customerId: string
  name: string
  industryCode: string | null
  before: PolicyView
  after: PolicyView
  gradeChange: GradeChange
  /** Positions moved on the scales, positive worse; null unless rated under both. */
  notches: number | null
  /** after − before in minor units; null unless both have a limit in the same currency. */
  limitChange: number | null
}

export type WhatIfResult = {
  customers: WhatIfCustomer[]
  summary: {
    customers: number
    upgrades: number
    downgrades: number
    unchanged: number
    nowRated: number
    noLongerRated: number
    limitsChanged: number
    /** Total limits per currency under each policy. */
    limitTotals: { currency: string; before: number; after: number }[]
    /** Per kind: how many alerts each policy raises. */
    alertCounts: Record<WhatIfAlertKind, { before: number; after: number }>
  }
  /** The candidate's alerts, `isNew` when the active policy does not raise them. */
  alerts: WhatIfAlert[]
}

export type WhatIfOptions = { customers: readonly PortfolioCustomer[]; active: RiskPolicy; candidate: RiskPolicy }

export function whatIf({ customers, active, candidate }: WhatIfOptions): WhatIfResult {
  const rows = customers.map((customer) => {
    const before = viewUnder(active, customer)
    const after = viewUnder(candidate, customer)
    return { customer, before, after, ...gradeChangeOf(before.grade, after.grade, active, candidate) }
  })
  const results: WhatIfCustomer[] = rows.map(({ customer, before, after, gradeChange, notches }) => ({
    customerId: customer.customerId,
    name: customer.name,
    industryCode: customer.industryCode,
    before,
    after,
    gradeChange,
    notches,
    limitChange: before.limit !== null && after.limit !== null && before.currency === after.currency ? after.limit - before.limit : null,
  }))

  const beforeAlerts = alertsUnder(active, results, 'before', customers)
  const afterAlerts = alertsUnder(candidate, results, 'after', customers)
  const keyOf = (alert: WhatIfAlert) => `${alert.kind}|${alert.customerId}|${alert.industryCode}|${alert.currency}`
  const raisedBefore = new Set(beforeAlerts.map(keyOf))
  for (const result of results) {
    if (result.notches !== null && result.notches >= candidate.thresholds.downgradeAlertNotches) {
      afterAlerts.push({
        kind: 'downgrade',
        customerId: result.customerId,
        industryCode: result.industryCode,
        currency: null,
        value: result.notches,
        threshold: candidate.thresholds.downgradeAlertNotches,
        message: `${result.name}: ${result.before.grade} → ${result.after.grade}, ${result.notches} notches down (alert from ${candidate.thresholds.downgradeAlertNotches})`,
        isNew: true,
      })
    }
  }
  const alerts = afterAlerts.map((alert) => ({ ...alert, isNew: !raisedBefore.has(keyOf(alert)) }))

  const count = (kind: GradeChange) => results.filter((r) => r.gradeChange === kind).length
  const alertCounts = Object.fromEntries(
    WHAT_IF_ALERT_KINDS.map((kind) => [kind, { before: beforeAlerts.filter((a) => a.kind === kind).length, after: alerts.filter((a) => a.kind === kind).length }]),
  ) as WhatIfResult['summary']['alertCounts']
  return {
    customers: results,
    summary: {
      customers: results.length,
      upgrades: count('upgrade'),
      downgrades: count('downgrade'),
      unchanged: count('unchanged'),
      nowRated: count('now_rated'),
      noLongerRated: count('no_longer_rated'),
      limitsChanged: results.filter((r) => r.before.limit !== r.after.limit || r.before.currency !== r.after.currency).length,
      limitTotals: limitTotals(results),
      alertCounts,
    },
    alerts,
  }
}

function viewUnder(policy: RiskPolicy, customer: PortfolioCustomer): PolicyView {
  const outcome = applyPolicy({ policy, signals: customer.signals, limitFacts: customer.limitFacts })
  const limit = outcome.limit?.limit ?? null
  const currency = outcome.limit?.currency ?? null
  return {
    grade: outcome.rating.rated ? outcome.rating.grade : null,
    pd: outcome.rating.rated ? outcome.rating.pd : null,
    limit,
    currency,
    limitReason: outcome.limitReason ?? (limit === null ? (outcome.limit?.explanation.at(-1) ?? null) : null),
    utilisation: utilisationOf(limit, currency, customer.outstanding),
  }
}

/** outstanding / limit, to four decimals, when everything owed is in the limit's currency and the limit is above 0. */
export function utilisationOf(limit: number | null, currency: string | null, outstanding: PortfolioCustomer['outstanding']): number | null {
  if (limit === null || currency === null || limit <= 0) return null
  if (outstanding.some((o) => o.currency !== currency && o.amount > 0)) return null
  const owed = outstanding.filter((o) => o.currency === currency).reduce((sum, o) => sum + o.amount, 0)
  return Math.round((owed / limit) * 10_000) / 10_000
}

function gradeChangeOf(before: string | null, after: string | null, active: RiskPolicy, candidate: RiskPolicy): { gradeChange: GradeChange; notches: number | null } {
  if (before === null && after === null) return { gradeChange: 'unchanged', notches: null }
  if (before === null) return { gradeChange: 'now_rated', notches: null }
  if (after === null) return { gradeChange: 'no_longer_rated', notches: null }
  const notches = gradeIndex(candidate.masterScale, after) - gradeIndex(active.masterScale, before)
  return { gradeChange: notches > 0 ? 'downgrade' : notches < 0 ? 'upgrade' : 'unchanged', notches }
}

function alertsUnder(policy: RiskPolicy, results: readonly WhatIfCustomer[], side: 'before' | 'after', customers: readonly PortfolioCustomer[]): WhatIfAlert[] {
  const alerts: WhatIfAlert[] = []
  const { utilisationWarning, utilisationBreach, watchListGrade } = policy.thresholds
  const watchFrom = gradeIndex(policy.masterScale, watchListGrade)
  results.forEach((result, index) => {
    const view = result[side]
    const base = { customerId: result.customerId, industryCode: result.industryCode, isNew: false }
    const owed = customers[index]!.outstanding.filter((o) => o.amount > 0)
    if (view.utilisation !== null && view.utilisation > utilisationBreach) {
      alerts.push({ ...base, kind: 'utilisation_breach', currency: view.currency, value: view.utilisation, threshold: utilisationBreach, message: `${result.name} would use ${percent(view.utilisation)} of a limit of ${view.limit} ${view.currency}` })
    } else if (view.utilisation !== null && view.utilisation >= utilisationWarning) {
      alerts.push({ ...base, kind: 'utilisation_warning', currency: view.currency, value: view.utilisation, threshold: utilisationWarning, message: `${result.name} would use ${percent(view.utilisation)} of a limit of ${view.limit} ${view.currency}` })
    } else if (view.grade !== null && (view.limit ?? 0) <= 0 && owed.length > 0) {
      const owes = owed.map((o) => `${o.amount} ${o.currency}`).join(', ')
      alerts.push({ ...base, kind: 'utilisation_breach', currency: view.currency, value: null, threshold: utilisationBreach, message: `${result.name} owes ${owes} with ${view.limit === null ? 'no limit' : 'a limit of 0'}` })
    }
    if (view.grade !== null && watchFrom >= 0 && gradeIndex(policy.masterScale, view.grade) >= watchFrom) {
      alerts.push({ ...base, kind: 'watch_list', currency: null, value: null, threshold: watchListGrade, message: `${result.name} is graded ${view.grade}, on the watch list from ${watchListGrade}` })
    }
  })
  alerts.push(...concentrationAlerts(policy, results, side))
  return alerts
}

function concentrationAlerts(policy: RiskPolicy, results: readonly WhatIfCustomer[], side: 'before' | 'after'): WhatIfAlert[] {
  const alerts: WhatIfAlert[] = []
  const { maxSingleNameShare, maxIndustryShare } = policy.riskAppetite
  const withLimits = results.filter((r) => r[side].limit !== null && r[side].limit! > 0 && r[side].currency !== null)
  for (const currency of [...new Set(withLimits.map((r) => r[side].currency!))].sort()) {
    const inCurrency = withLimits.filter((r) => r[side].currency === currency)
    const total = inCurrency.reduce((sum, r) => sum + r[side].limit!, 0)
    for (const r of inCurrency) {
      const share = r[side].limit! / total
      if (share > maxSingleNameShare) {
        alerts.push({ kind: 'single_name_concentration', customerId: r.customerId, industryCode: r.industryCode, currency, value: round4(share), threshold: maxSingleNameShare, message: `${r.name} would hold ${percent(share)} of all ${currency} limits (appetite ${percent(maxSingleNameShare)})`, isNew: false })
      }
    }
    const byIndustry = new Map<string, number>()
    for (const r of inCurrency) if (r.industryCode !== null) byIndustry.set(r.industryCode, (byIndustry.get(r.industryCode) ?? 0) + r[side].limit!)
    for (const [industryCode, amount] of [...byIndustry].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const share = amount / total
      if (share > maxIndustryShare) {
        alerts.push({ kind: 'industry_concentration', customerId: null, industryCode, currency, value: round4(share), threshold: maxIndustryShare, message: `industry ${industryCode} would hold ${percent(share)} of all ${currency} limits (appetite ${percent(maxIndustryShare)})`, isNew: false })
      }
    }
  }
  return alerts
}

function limitTotals(results: readonly WhatIfCustomer[]): WhatIfResult['summary']['limitTotals'] {
  const totals = new Map<string, { before: number; after: number }>()
  for (const r of results) {
    for (const side of ['before', 'after'] as const) {
      const { limit, currency } = r[side]
      if (limit === null || currency === null) continue
      const total = totals.get(currency) ?? { before: 0, after: 0 }
      total[side] += limit
      totals.set(currency, total)
    }
  }
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, total]) => ({ currency, ...total }))
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`
}
