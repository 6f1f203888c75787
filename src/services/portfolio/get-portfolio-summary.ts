import {
  appetiteBreaches,
  connectedGroups,
  DEFAULT_GROUPING_RULES,
  DEFAULT_LGD,
  DEFAULT_RISK_APPETITE,
  exposureBuckets,
  herfindahl,
  herfindahlOfSums,
  largest,
  topNShare,
  type GroupingRules,
  type RiskAppetite,
  type TopN,
} from '../../domain/portfolio/index.ts'
import { DEFAULT_MASTER_SCALE } from '../../domain/scoring/index.ts'
import type { PortfolioSummary } from '../../schemas/portfolio.ts'
import type { Store } from '../../store/open-store.ts'
import { readCustomerNames, readTies } from '../../store/repositories/portfolio.ts'
import { readFigures, type ExposureBasis, type Fx } from './portfolio-positions.ts'

export const UNRATED = 'unrated'
export const TOP_N = 10

export type GetPortfolioSummaryOptions = {
  store: Store
  basis?: ExposureBasis
  fx?: Fx
  lgd?: number
  appetite?: RiskAppetite
  grouping?: GroupingRules
  now?: number
}

/**
 * The portfolio at a glance: exposure by grade, industry and region; concentration by
 * customer, industry and connected group (HHI, effective number, top-10 share with the names);
 * expected loss; the breaches of the risk appetite. Every figure carries what it was computed
 * on (totals, the names, the shares) so it can be checked by hand. The per-customer work is
 * done in the database; only buckets, the largest names and the customers relationships tie
 * come back.
 */
export async function getPortfolioSummary({ store, basis, fx, lgd = DEFAULT_LGD, appetite = DEFAULT_RISK_APPETITE, grouping = DEFAULT_GROUPING_RULES, now = Date.now() }: GetPortfolioSummaryOptions): Promise<PortfolioSummary> {
  const figures = await readFigures({ store, basis, fx, lgd, overShare: appetite.maxSingleNameShare, top: TOP_N, now })
  const ties = await readTies(store.db)
  const exposure = figures.totals.exposure

  const byGrade = exposureBuckets({ sums: figures.grades, unknownKey: UNRATED, order: [...DEFAULT_MASTER_SCALE.grades.map((g) => g.grade), UNRATED] })
  const industryNames = new Map(figures.industries.map((b) => [b.key ?? 'unknown', b.name ?? b.key ?? 'unknown']))
  const byIndustry = exposureBuckets({ sums: figures.industries }).map((b) => ({ ...b, name: industryNames.get(b.key) ?? b.key }))
  const byRegion = exposureBuckets({ sums: figures.regions })

  // Connected groups over the customers relationships name; everyone else is a group of one.
  const tiedEad = new Map(figures.tied.map((t) => [t.id, t.exposure]))
  const groups = connectedGroups({ ties, exposureOf: (id) => tiedEad.get(id) ?? 0, rules: grouping })
  const grouped = new Set(groups.flatMap((g) => g.memberIds))
  const sizeOf = new Map(groups.map((g) => [g.leadId, g.memberIds.length]))
  const groupedSquares = groups.reduce((sum, g) => sum + g.memberIds.reduce((s, id) => s + (tiedEad.get(id) ?? 0) ** 2, 0), 0)
  const groupedNames = groups.reduce((sum, g) => sum + g.memberIds.filter((id) => (tiedEad.get(id) ?? 0) > 0).length, 0)
  const groupConcentration = herfindahlOfSums({
    total: exposure,
    sumOfSquares: figures.totals.sumOfSquares - groupedSquares + groups.reduce((sum, g) => sum + g.exposure ** 2, 0),
    names: figures.totals.exposed - groupedNames + groups.filter((g) => g.exposure > 0).length,
  })
  // The ten largest groups-or-singles are among the groups, the largest untied customers and the tied ones in no group.
  const singles = [...figures.topUntied, ...figures.tied.filter((t) => !grouped.has(t.id))].map((t) => ({ key: t.id, name: '', exposure: t.exposure }))
  const groupCandidates = [...groups.map((g) => ({ key: g.leadId, name: '', exposure: g.exposure })), ...singles]

  const customerTop = topNShare(figures.top.map((t) => ({ key: t.id, name: '', exposure: t.exposure })), TOP_N, { total: exposure })
  const groupTop = topNShare(largest(groupCandidates, TOP_N), TOP_N, { total: exposure })
  const groupBreaches = appetite.maxGroupShare === null ? [] : groups.filter((g) => g.exposure > appetite.maxGroupShare! * exposure)

  const names = await readCustomerNames(store.db, [...customerTop.top.map((t) => t.key), ...groupTop.top.map((t) => t.key), ...figures.topEl.map((t) => t.id), ...figures.over.map((t) => t.id), ...groupBreaches.map((g) => g.leadId)])
  const customerName = (id: string) => names.get(id) ?? id
  const groupName = (id: string) => (sizeOf.has(id) ? `${customerName(id)} (+${sizeOf.get(id)! - 1})` : customerName(id))
  const withNames = (top: TopN, nameOf: (key: string) => string): TopN => ({ ...top, top: top.top.map((t) => ({ ...t, name: nameOf(t.key) })) })
  const industryItems = byIndustry.map((b) => ({ key: b.key, name: b.name, exposure: b.exposure }))

  const breaches = appetiteBreaches({
    appetite,
    total: exposure,
    names: figures.over.map((t) => ({ key: t.id, name: customerName(t.id), exposure: t.exposure })),
    groups: groupBreaches.map((g) => ({ key: g.leadId, name: groupName(g.leadId), exposure: g.exposure })),
    industries: industryItems,
  })
  const el = figures.expectedLoss

  return {
    asOf: figures.asOf,
    currency: figures.currency,
    basis: figures.basis,
    customers: figures.totals.customers,
    exposed: figures.totals.exposed,
    exposure,
    unconverted: figures.unconverted,
    byGrade,
    byIndustry,
    byRegion,
    concentration: {
      customers: { ...herfindahlOfSums({ total: exposure, sumOfSquares: figures.totals.sumOfSquares, names: figures.totals.exposed }), top: withNames(customerTop, customerName) },
      industries: { ...herfindahl(industryItems.map((i) => i.exposure)), top: topNShare(industryItems, TOP_N) },
      groups: { ...groupConcentration, top: withNames(groupTop, groupName) },
    },
    expectedLoss: {
      total: el.total,
      ratedExposure: el.ratedExposure,
      unratedExposure: figures.unrated.exposure,
      unratedCustomers: figures.unrated.customers,
      rate: el.ratedExposure === 0 ? null : el.total / el.ratedExposure,
      lgd,
      top: figures.topEl.map((t) => ({ customerId: t.id, name: customerName(t.id), grade: t.grade, pd: t.pd!, lgd, ead: t.exposure, value: t.el })),
    },
    appetite: { ...appetite, breaches },
  }
}
