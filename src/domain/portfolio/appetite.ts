/**
 * The risk appetite the portfolio is held against: the largest share of the total exposure
 * one customer, one connected group or one industry may take. It is data, passed in: the
 * versioned risk policy will supply it; until then `DEFAULT_RISK_APPETITE` applies.
 *
 * The defaults follow the common large-exposure practice scaled to a trade-credit book:
 * - one name at most 10 % (the Basel large-exposure reporting threshold is 10 % of capital);
 * - one connected group at most 15 % (groups are read as one name, with a little more room);
 * - one industry at most 30 % (a sector shock then hits less than a third of the book).
 * A limit of null is not checked.
 */
export type RiskAppetite = {
  version: string
  maxSingleNameShare: number | null
  maxGroupShare: number | null
  maxIndustryShare: number | null
}

export const DEFAULT_RISK_APPETITE: RiskAppetite = {
  version: 'fengkong-default-appetite-1',
  maxSingleNameShare: 0.1,
  maxGroupShare: 0.15,
  maxIndustryShare: 0.3,
}

export type BreachKind = 'single_name' | 'group' | 'industry'

export type Breach = {
  kind: BreachKind
  key: string
  name: string
  exposure: number
  total: number
  share: number
  limit: number
  /** How much exposure would have to go for the share to meet the limit (the rest staying): minor units. */
  excess: number
}

export type AppetiteOptions = {
  appetite: RiskAppetite
  total: number
  names: readonly { key: string; name: string; exposure: number }[]
  groups: readonly { key: string; name: string; exposure: number }[]
  industries: readonly { key: string; name: string; exposure: number }[]
}

/** Every customer, group and industry whose share of the total is above its limit, largest share first. */
export function appetiteBreaches({ appetite, total, names, groups, industries }: AppetiteOptions): Breach[] {
  if (!(total > 0)) return []
  const breaches: Breach[] = []
  const check = (kind: BreachKind, limit: number | null, items: AppetiteOptions['names']) => {
    if (limit === null) return
    for (const item of items) {
      const share = item.exposure / total
      if (share <= limit) continue
      // (x − e) / (T − e) = limit  ⇒  e = (x − limit·T) / (1 − limit)
      const excess = limit >= 1 ? 0 : Math.ceil((item.exposure - limit * total) / (1 - limit))
      breaches.push({ kind, key: item.key, name: item.name, exposure: item.exposure, total, share, limit, excess })
    }
  }
  check('single_name', appetite.maxSingleNameShare, names)
  check('group', appetite.maxGroupShare, groups)
  check('industry', appetite.maxIndustryShare, industries)
  return breaches.sort((a, b) => b.share - a.share || (a.key < b.key ? -1 : 1))
}
