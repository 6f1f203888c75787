import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { ruleFromRow, type StoredRule } from './stored-rule.ts'

export async function getRule({ store, ruleId }: { store: Store; ruleId: string }): Promise<StoredRule> {
  const row = await store.db.selectFrom('rules').selectAll().where('id', '=', ruleId).executeTakeFirst()
  if (!row) throw new AppError('not_found', `no rule ${ruleId}`)
  return ruleFromRow(row)
}
