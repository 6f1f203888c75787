import { DEFAULT_RULE_PACK } from '../../domain/alerts/index.ts'
import { buildHandbook, handbookRuleOf, type Handbook } from '../../domain/digest/index.ts'
import type { Store } from '../../store/open-store.ts'
import { activePolicy } from '../policy/active-policy.ts'
import { listRules } from '../rules/list-rules.ts'

export type BuildRiskHandbookOptions = { store: Store }

/**
 * The risk handbook of the installation: the active risk policy (the built-in default when
 * none is active) and the playbooks of the active rules — the newest active version of each
 * key — or, when no rule is active, those of the default rule pack.
 */
export async function buildRiskHandbook({ store }: BuildRiskHandbookOptions): Promise<Handbook> {
  const [policy, stored] = await Promise.all([activePolicy(store), listRules({ store, state: 'active' })])
  const newest = new Map<string, (typeof stored)[number]>()
  for (const rule of stored) if (!newest.has(rule.key)) newest.set(rule.key, rule)
  const rules = newest.size > 0 ? [...newest.values()].map((rule) => handbookRuleOf({ ...rule.document, key: rule.key, version: rule.version })) : DEFAULT_RULE_PACK.map(handbookRuleOf)
  return buildHandbook({ policy: policy.policy, policyVersion: policy.version, rules, rulesSource: newest.size > 0 ? 'stored' : 'default_pack' })
}
