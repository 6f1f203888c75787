/**
 * Connected groups of customers: those tied by control, ownership, guarantee or a common
 * beneficial owner are one risk, because one's trouble reaches the others (a guarantor pays
 * for the guaranteed, a parent props up or drains its subsidiary). A group is a connected
 * component of the ties below (union–find with path halving and union by size), and its
 * exposure the sum of its members'.
 *
 * Which relationships tie (`GroupingRules`):
 * - parent → subsidiary: always;
 * - shareholder: when the share is at least `minSharePct` (default 50: control); a share
 *   below it, or not recorded, does not tie;
 * - guarantor: always (the guarantor stands for the debt);
 * - common_owner (a shared beneficial owner): always.
 *
 * Only groups of two or more customers are returned; a customer with no ties is a group of one,
 * which single-name concentration already covers.
 */
export type Tie = { fromId: string; toId: string; kind: string; sharePct: number | null }

export type GroupingRules = {
  minSharePct: number
  kinds: readonly string[]
}

export const DEFAULT_GROUPING_RULES: GroupingRules = { minSharePct: 50, kinds: ['parent', 'shareholder', 'guarantor', 'common_owner'] }

export type CustomerGroup = {
  /** The member with the largest exposure (ties by id): who the group is named after. */
  leadId: string
  memberIds: string[]
  exposure: number
  /** The ties that joined the group, so each membership can be explained. */
  ties: Tie[]
}

export type GroupsOptions = {
  ties: readonly Tie[]
  exposureOf: (customerId: string) => number
  rules?: GroupingRules
}

export function tiesGroup(tie: Tie, rules: GroupingRules = DEFAULT_GROUPING_RULES): boolean {
  if (!rules.kinds.includes(tie.kind) || tie.fromId === tie.toId) return false
  if (tie.kind === 'shareholder') return tie.sharePct !== null && tie.sharePct >= rules.minSharePct
  return true
}

export function connectedGroups({ ties, exposureOf, rules = DEFAULT_GROUPING_RULES }: GroupsOptions): CustomerGroup[] {
  const parent = new Map<string, string>()
  const size = new Map<string, number>()
  const find = (id: string): string => {
    if (!parent.has(id)) {
      parent.set(id, id)
      size.set(id, 1)
      return id
    }
    let at = id
    while (parent.get(at) !== at) {
      const up = parent.get(parent.get(at)!)!
      parent.set(at, up)
      at = up
    }
    return at
  }
  const grouping = ties.filter((tie) => tiesGroup(tie, rules))
  for (const tie of grouping) {
    let a = find(tie.fromId)
    let b = find(tie.toId)
    if (a === b) continue
    if (size.get(a)! < size.get(b)!) [a, b] = [b, a]
    parent.set(b, a)
    size.set(a, size.get(a)! + size.get(b)!)
  }

  const members = new Map<string, string[]>()
  for (const id of parent.keys()) {
    const root = find(id)
    const list = members.get(root)
    if (list) list.push(id)
    else members.set(root, [id])
  }
  const tiesOf = new Map<string, Tie[]>()
  for (const tie of grouping) {
    const root = find(tie.fromId)
    const list = tiesOf.get(root)
    if (list) list.push(tie)
    else tiesOf.set(root, [tie])
  }

  const groups: CustomerGroup[] = []
  for (const [root, ids] of members) {
    if (ids.length < 2) continue
    const memberIds = [...ids].sort((a, b) => exposureOf(b) - exposureOf(a) || (a < b ? -1 : 1))
    groups.push({ leadId: memberIds[0]!, memberIds, exposure: memberIds.reduce((sum, id) => sum + exposureOf(id), 0), ties: tiesOf.get(root) ?? [] })
  }
  return groups.sort((a, b) => b.exposure - a.exposure || (a.leadId < b.leadId ? -1 : 1))
}
