import { connectedGroups, DEFAULT_GROUPING_RULES, DEFAULT_RISK_APPETITE, type GroupingRules } from '../../domain/portfolio/index.ts'
import type { GroupExposures } from '../../schemas/portfolio.ts'
import type { Store } from '../../store/open-store.ts'
import { readCustomerNames, readTies } from '../../store/repositories/portfolio.ts'
import { readFigures, type ExposureBasis, type Fx } from './portfolio-positions.ts'

export type GetGroupExposuresOptions = { store: Store; basis?: ExposureBasis; fx?: Fx; rules?: GroupingRules; maxGroupShare?: number | null; limit?: number; now?: number }

/** The connected groups of customers (docs/portfolio.md), largest exposure first, with their members and the ties that join them. */
export async function getGroupExposures({ store, basis, fx, rules = DEFAULT_GROUPING_RULES, maxGroupShare = DEFAULT_RISK_APPETITE.maxGroupShare, limit = 50, now }: GetGroupExposuresOptions): Promise<GroupExposures> {
  const figures = await readFigures({ store, basis, fx, parts: 'groups', now })
  const ties = await readTies(store.db)
  const byId = new Map(figures.tied.map((t) => [t.id, t]))
  const total = figures.totals.exposure
  const groups = connectedGroups({ ties, exposureOf: (id) => byId.get(id)?.exposure ?? 0, rules })
  const shown = groups.slice(0, limit)
  const names = await readCustomerNames(store.db, shown.flatMap((g) => g.memberIds))
  return {
    asOf: figures.asOf,
    currency: figures.currency,
    basis: figures.basis,
    total,
    rules: { minSharePct: rules.minSharePct, kinds: [...rules.kinds] },
    maxGroupShare,
    groups: groups.length,
    items: shown.map((g) => {
      const share = total === 0 ? null : g.exposure / total
      return {
        leadId: g.leadId,
        name: names.get(g.leadId) ?? g.leadId,
        exposure: g.exposure,
        share,
        breach: share !== null && maxGroupShare !== null && share > maxGroupShare,
        members: g.memberIds.map((id) => ({ customerId: id, name: names.get(id) ?? id, grade: byId.get(id)?.grade ?? null, ead: byId.get(id)?.exposure ?? 0 })),
        ties: g.ties,
      }
    }),
  }
}
