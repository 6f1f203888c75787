import { RULE_SEVERITIES } from '../alerts/rule.ts'

/**
 * The weekly risk digest for other departments: what happened in one week [from, to) — new
 * alerts, cases opened and closed, grade changes — and where the portfolio stood at its end —
 * exposure, the largest names, the breaches of the risk appetite, the reviews overdue.
 * Built from plain data (the service reads it); every derived figure carries its formula and
 * inputs so a reader can check it by hand.
 */

export type RuleName = string | { zh: string; en: string }

/** A derived number with how it was computed. */
export type Figure = { value: number | null; formula: string; inputs: Record<string, number | null> }

export type PortfolioFiguresInput = {
  asOf: string
  customers: number
  exposed: number
  /** Reporting-currency minor units. */
  exposure: number
  byGrade: readonly { grade: string; customers: number; exposure: number }[]
  /** Herfindahl index over customers' exposures, 0–1; null without exposure. */
  hhi: number | null
  unconverted: readonly { currency: string; amount: number; customers: number }[]
}

export type RiskDigestInput = {
  /** `YYYY-Www`. */
  week: string
  /** ISO times: the period is [from, to). */
  from: string
  to: string
  generatedAt: string
  /** The reporting currency of every amount. */
  currency: string
  /** The master scale's grades, best first: gives the direction of a grade change. */
  grades: readonly string[]
  /** New alerts (shadow hits left out), counted per rule and severity. */
  alerts: readonly { ruleKey: string; ruleName: RuleName; severity: string; count: number }[]
  casesOpened: readonly { severity: string; count: number }[]
  casesClosed: readonly { disposition: string | null; count: number }[]
  /** Customers whose grade at `to` differs from their grade at `from` (null: not graded then). */
  gradeChanges: readonly { customerId: string; name: string; from: string | null; to: string }[]
  /** Null when the portfolio was not read. */
  portfolio: PortfolioFiguresInput | null
  /** The largest exposures at `to`, largest first. */
  topExposures: readonly { customerId: string; name: string; exposure: number }[]
  appetiteBreaches: readonly { kind: string; name: string; exposure: number; share: number; limit: number }[]
  /** Customers whose periodic review is overdue at `to`; null or absent when not reported. */
  overdueReviews?: readonly { customerId: string; name: string; grade: string; assessedAt: string; dueOn: string }[] | null
  /** At most this many rows in each list of names (the count keeps them all); 20 when not given. */
  listLimit?: number
}

export type GradeChange = { customerId: string; name: string; from: string | null; to: string; notches: number | null }

export type Listed<T> = { count: number; items: T[] }

export type RiskDigest = {
  week: string
  from: string
  to: string
  generatedAt: string
  currency: string
  /** True when nothing happened: no alert, no case opened or closed, no grade change. */
  isQuiet: boolean
  alerts: {
    total: Figure
    /** Every severity, zero included, lowest first, then any unknown severity. */
    bySeverity: { severity: string; count: number }[]
    /** Most alerts first, ties by rule key then severity. */
    byRule: { ruleKey: string; ruleName: RuleName; severity: string; count: number }[]
  }
  cases: {
    opened: Figure
    openedBySeverity: { severity: string; count: number }[]
    closed: Figure
    closedByDisposition: { disposition: string; count: number }[]
    truePositiveRate: Figure
  }
  gradeChanges: {
    upgrades: Listed<GradeChange>
    downgrades: Listed<GradeChange>
    newlyRated: Listed<GradeChange>
    /** A change whose grade is not on the scale, so has no direction. */
    other: Listed<GradeChange>
  }
  portfolio:
    | (Omit<PortfolioFiguresInput, 'byGrade'> & {
        byGrade: { grade: string; customers: number; exposure: number; share: Figure }[]
        topShare: Figure
      })
    | null
  topExposures: { customerId: string; name: string; exposure: number; share: Figure }[]
  appetiteBreaches: RiskDigestInput['appetiteBreaches'][number][]
  overdueReviews: Listed<NonNullable<RiskDigestInput['overdueReviews']>[number]> | null
}

export const DEFAULT_LIST_LIMIT = 20

export function buildRiskDigest(input: RiskDigestInput): RiskDigest {
  const limit = input.listLimit ?? DEFAULT_LIST_LIMIT
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`listLimit must be a whole number ≥ 0, got ${limit}`)

  const bySeverity = countBy(
    input.alerts.map((a) => ({ key: a.severity, count: a.count })),
    RULE_SEVERITIES,
  ).map(({ key, count }) => ({ severity: key, count }))
  const alertTotal = sumFigure('alerts', bySeverity.map((s) => [s.severity, s.count]))
  const byRule = input.alerts
    .filter((a) => a.count > 0)
    .map((a) => ({ ...a }))
    .sort((a, b) => b.count - a.count || compareText(a.ruleKey, b.ruleKey) || compareText(a.severity, b.severity))

  const openedBySeverity = countBy(
    input.casesOpened.map((c) => ({ key: c.severity, count: c.count })),
    RULE_SEVERITIES,
  ).map(({ key, count }) => ({ severity: key, count }))
  const closedByDisposition = countBy(
    input.casesClosed.map((c) => ({ key: c.disposition ?? 'none', count: c.count })),
    ['true_positive', 'false_positive', 'not_actionable'],
  ).map(({ key, count }) => ({ disposition: key, count }))
  const opened = sumFigure('cases opened', openedBySeverity.map((s) => [s.severity, s.count]))
  const closed = sumFigure('cases closed', closedByDisposition.map((d) => [d.disposition, d.count]))
  const truePositives = closedByDisposition.find((d) => d.disposition === 'true_positive')?.count ?? 0
  const truePositiveRate: Figure = {
    value: closed.value ? truePositives / closed.value : null,
    formula: 'true_positive ÷ closed',
    inputs: { true_positive: truePositives, closed: closed.value },
  }

  const changes = input.gradeChanges.filter((c) => c.from !== c.to).map((c) => gradeChange(c, input.grades))
  const byName = (a: GradeChange, b: GradeChange) => compareText(a.name, b.name) || compareText(a.customerId, b.customerId)
  const listed = <T>(items: T[]): Listed<T> => ({ count: items.length, items: items.slice(0, limit) })
  const gradeChanges = {
    // The biggest moves first.
    upgrades: listed(changes.filter((c) => c.notches !== null && c.notches < 0).sort((a, b) => a.notches! - b.notches! || byName(a, b))),
    downgrades: listed(changes.filter((c) => c.notches !== null && c.notches > 0).sort((a, b) => b.notches! - a.notches! || byName(a, b))),
    newlyRated: listed(changes.filter((c) => c.from === null).sort(byName)),
    other: listed(changes.filter((c) => c.from !== null && c.notches === null).sort(byName)),
  }

  const total = input.portfolio?.exposure ?? null
  const shareOf = (exposure: number): Figure => ({ value: total ? exposure / total : null, formula: 'exposure ÷ total exposure', inputs: { exposure, total } })
  const topExposures = input.topExposures.slice(0, limit).map((t) => ({ ...t, share: shareOf(t.exposure) }))
  const topSum = topExposures.reduce((sum, t) => sum + t.exposure, 0)
  const portfolio = input.portfolio
    ? {
        ...input.portfolio,
        byGrade: input.portfolio.byGrade.map((g) => ({ ...g, share: shareOf(g.exposure) })),
        topShare: { value: total ? topSum / total : null, formula: `sum of the ${topExposures.length} largest exposures ÷ total exposure`, inputs: { top: topSum, total } },
      }
    : null

  const overdue = input.overdueReviews ? [...input.overdueReviews].sort((a, b) => compareText(a.dueOn, b.dueOn) || compareText(a.name, b.name)) : null

  return {
    week: input.week,
    from: input.from,
    to: input.to,
    generatedAt: input.generatedAt,
    currency: input.currency,
    isQuiet: alertTotal.value === 0 && opened.value === 0 && closed.value === 0 && changes.length === 0,
    alerts: { total: alertTotal, bySeverity, byRule },
    cases: { opened, openedBySeverity, closed, closedByDisposition, truePositiveRate },
    gradeChanges,
    portfolio,
    topExposures,
    appetiteBreaches: [...input.appetiteBreaches].sort((a, b) => b.share - a.share || compareText(a.name, b.name)),
    overdueReviews: overdue ? listed(overdue) : null,
  }
}

/** Counts summed per key: the known keys first, in their order and zero when absent, then the others by key. */
function countBy(rows: readonly { key: string; count: number }[], known: readonly string[]): { key: string; count: number }[] {
  const counts = new Map<string, number>(known.map((key) => [key, 0]))
  for (const { key, count } of rows) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`${key}: a count must be a whole number ≥ 0, got ${count}`)
    counts.set(key, (counts.get(key) ?? 0) + count)
  }
  const extra = [...counts.keys()].filter((key) => !known.includes(key)).sort(compareText)
  return [...known, ...extra].map((key) => ({ key, count: counts.get(key)! }))
}

function sumFigure(what: string, parts: [string, number][]): Figure {
  return { value: parts.reduce((sum, [, count]) => sum + count, 0), formula: `sum of ${what} by ${parts.map(([key]) => key).join(' + ')}`, inputs: Object.fromEntries(parts) }
}

/** Notches: positive is a downgrade (towards the worst grade); null when either grade is not on the scale or there was none. */
function gradeChange(change: RiskDigestInput['gradeChanges'][number], grades: readonly string[]): GradeChange {
  const from = change.from === null ? -1 : grades.indexOf(change.from)
  const to = grades.indexOf(change.to)
  return { ...change, notches: from < 0 || to < 0 ? null : to - from }
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
