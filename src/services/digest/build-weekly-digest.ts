import { invalidField } from '../../app-error.ts'
import { DEFAULT_RULE_PACK } from '../../domain/alerts/index.ts'
import { buildRiskDigest, lastFullIsoWeek, overdueReviews, parseIsoWeek, type RiskDigest, type RuleName } from '../../domain/digest/index.ts'
import { DEFAULT_RISK_APPETITE } from '../../domain/portfolio/index.ts'
import type { Store } from '../../store/open-store.ts'
import { countAlertsRaised, countCasesClosed, countCasesOpened, readGradesAt } from '../../store/repositories/digest.ts'
import { readCustomerNames } from '../../store/repositories/portfolio.ts'
import { activePolicy } from '../policy/active-policy.ts'
import { getPortfolioSummary } from '../portfolio/get-portfolio-summary.ts'
import type { Fx } from '../portfolio/portfolio-positions.ts'

export type BuildWeeklyDigestOptions = {
  store: Store
  /** `YYYY-Www`; default the last full ISO week before `now`. */
  week?: string
  /** The clock (epoch ms); default Date.now(). */
  now?: number
  /** The reporting currency and exchange rates (featureConfigOf(config)); default CNY without rates. */
  fx?: Fx
  /** At most this many names in each list of the digest. */
  listLimit?: number
}

const WEEK_HELP = 'must be an ISO week YYYY-Www, such as 2025-W23'

/**
 * The weekly risk digest of one ISO week [Monday, next Monday) UTC: the alerts raised and the
 * cases opened and closed in it, the customers whose grade changed in it, and the portfolio
 * at its end (or now, for the week under way) — exposure by grade, the largest names, the
 * breaches of the active policy's risk appetite, the reviews overdue by its review frequencies.
 * Reads only; nothing is written, so nothing is audited.
 */
export async function buildWeeklyDigest({ store, week, now = Date.now(), fx, listLimit }: BuildWeeklyDigestOptions): Promise<RiskDigest> {
  const period = week === undefined ? lastFullIsoWeek(now) : parseIsoWeek(week)
  if (!period) throw invalidField('week', WEEK_HELP)
  const from = `${period.from}T00:00:00.000Z`
  const to = `${period.to}T00:00:00.000Z`
  // The last moment of the week, or now while the week is not over.
  const endMs = Math.min(Date.parse(to) - 1, now)
  const end = new Date(endMs).toISOString()
  const beforeStart = new Date(Date.parse(from) - 1).toISOString()

  const { policy } = await activePolicy(store)
  const appetite = { ...DEFAULT_RISK_APPETITE, version: 'risk-policy', maxSingleNameShare: policy.riskAppetite.maxSingleNameShare, maxIndustryShare: policy.riskAppetite.maxIndustryShare }

  const [alerts, ruleNames, opened, closed, gradesBefore, gradesAfter, gradesOpen, summary] = await Promise.all([
    countAlertsRaised(store.db, from, to),
    readRuleNames(store),
    countCasesOpened(store.db, from, to),
    countCasesClosed(store.db, from, to),
    readGradesAt(store.db, beforeStart),
    readGradesAt(store.db, end),
    readGradesAt(store.db, end, { openOnly: true }),
    getPortfolioSummary({ store, fx, appetite, now: endMs }),
  ])

  const gradeBefore = new Map(gradesBefore.map((g) => [g.customerId, g.grade]))
  const changed = gradesAfter.filter((g) => gradeBefore.get(g.customerId) !== g.grade)
  const overdue = overdueReviews({ customers: gradesOpen, frequency: policy.reviewFrequencyPerGrade, asOf: end })
  const names = await readCustomerNames(store.db, [...changed.map((g) => g.customerId), ...overdue.map((o) => o.customerId)])
  const nameOf = (id: string) => names.get(id) ?? id

  return buildRiskDigest({
    week: period.week,
    from,
    to,
    generatedAt: new Date(now).toISOString(),
    currency: summary.currency,
    grades: policy.masterScale.grades.map((g) => g.grade),
    alerts: alerts.map((a) => ({ ...a, ruleName: ruleNames.get(a.ruleKey) ?? a.ruleKey })),
    casesOpened: opened,
    casesClosed: closed,
    gradeChanges: changed.map((g) => ({ customerId: g.customerId, name: nameOf(g.customerId), from: gradeBefore.get(g.customerId) ?? null, to: g.grade })),
    portfolio: {
      asOf: summary.asOf,
      customers: summary.customers,
      exposed: summary.exposed,
      exposure: summary.exposure,
      byGrade: summary.byGrade.map((b) => ({ grade: b.key, customers: b.customers, exposure: b.exposure })),
      hhi: summary.concentration.customers.hhi,
      unconverted: summary.unconverted,
    },
    topExposures: summary.concentration.customers.top.top.map((t) => ({ customerId: t.key, name: t.name, exposure: t.exposure })),
    appetiteBreaches: summary.appetite.breaches.map((b) => ({ kind: b.kind, name: b.name, exposure: b.exposure, share: b.share, limit: b.limit })),
    overdueReviews: overdue.map((o) => ({ ...o, name: nameOf(o.customerId) })),
    listLimit,
  })
}

/** Each rule key's name: the newest stored version's, else the default pack's. */
async function readRuleNames(store: Store): Promise<Map<string, RuleName>> {
  const names = new Map<string, RuleName>(DEFAULT_RULE_PACK.map((rule) => [rule.key, rule.name]))
  const rows = await store.db.selectFrom('rules').select(['key', 'version', 'document']).orderBy('key').orderBy('version', 'asc').execute()
  for (const row of rows) {
    const name = (JSON.parse(row.document) as { name?: RuleName }).name
    if (name !== undefined) names.set(row.key, name)
  }
  return names
}
