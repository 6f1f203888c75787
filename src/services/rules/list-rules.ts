import type { RuleState } from '../../domain/alerts/index.ts'
import type { Store } from '../../store/open-store.ts'
import { ruleFromRow, type StoredRule } from './stored-rule.ts'

export type ListRulesOptions = { store: Store; key?: string; state?: RuleState }

/** Every rule version, by key and newest version first; optionally of one key or state. */
export async function listRules({ store, key, state }: ListRulesOptions): Promise<StoredRule[]> {
  let select = store.db.selectFrom('rules').selectAll()
  if (key !== undefined) select = select.where('key', '=', key)
  if (state !== undefined) select = select.where('state', '=', state)
  const rows = await select.orderBy('key').orderBy('version', 'desc').execute()
  return rows.map(ruleFromRow)
}
