import { DEFAULT_RULE_PACK } from '../../domain/alerts/index.ts'
import type { Store } from '../../store/open-store.ts'
import type { Actor } from '../actor.ts'
import { changeRuleState } from '../rules/change-rule-state.ts'
import { createRule } from '../rules/create-rule.ts'

export type InstallDemoRulesOptions = { store: Store; actor: Actor }

export type InstallDemoRulesResult = { installed: number; skipped: number }

/**
 * The default rule pack (src/domain/alerts/default-pack.ts) as stored, active rules, through the
 * services a person uses in the rule editor: each rule saved as a draft (rule.created), then
 * activated (rule.state_changed). A key already stored, in any version or state, is left as it
 * is — a rule someone changed, retired or is still drafting is theirs — so running it twice
 * adds nothing.
 */
export async function installDemoRules({ store, actor }: InstallDemoRulesOptions): Promise<InstallDemoRulesResult> {
  const stored = new Set((await store.db.selectFrom('rules').select('key').distinct().execute()).map((row) => row.key))
  const result: InstallDemoRulesResult = { installed: 0, skipped: 0 }
  for (const { id: _id, version: _version, state: _state, ...input } of DEFAULT_RULE_PACK) {
    if (stored.has(input.key)) {
      result.skipped += 1
      continue
    }
    const draft = await createRule({ store, actor, input })
    await changeRuleState({ store, actor, ruleId: draft.id, state: 'active' })
    result.installed += 1
  }
  return result
}
