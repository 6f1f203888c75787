import { AppError } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import { RULE_STATES, type RuleDocument, type RuleState } from '../../domain/alerts/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntries, type AuditRecord } from '../../store/repositories/audit-ledger.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { ruleFromRow, type StoredRule } from './stored-rule.ts'

export type ChangeRuleStateOptions = { store: Store; actor: Actor; ruleId: string; state: RuleState }

/**
 * Moves a rule version forward: draft → shadow → active → retired (a step may be skipped;
 * nothing moves back, and retired is final — a change is a new version). Activating a version
 * retires the key's version that was active, so one version of a key raises alerts.
 * Audited as rule.state_changed, one entry per version that changed.
 */
export async function changeRuleState({ store, actor, ruleId, state }: ChangeRuleStateOptions): Promise<StoredRule> {
  const by = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    let select = trx.selectFrom('rules').selectAll().where('id', '=', ruleId)
    if (store.dialect === 'postgres') select = select.forUpdate()
    const row = await select.executeTakeFirst()
    if (!row) throw new AppError('not_found', `no rule ${ruleId}`)
    const rule = ruleFromRow(row)
    if (RULE_STATES.indexOf(state) <= RULE_STATES.indexOf(rule.state)) {
      throw new AppError('conflict', `rule ${rule.key} version ${rule.version} is ${rule.state}: it can only move forward (draft → shadow → active → retired); save a new version instead`)
    }
    const at = new Date().toISOString()
    const changes: StoredRule[] = [rule]
    if (state === 'active') {
      const others = await trx.selectFrom('rules').selectAll().where('key', '=', rule.key).where('state', '=', 'active').where('id', '!=', rule.id).execute()
      changes.push(...others.map(ruleFromRow))
    }
    const audit: AuditRecord[] = []
    let changed = rule
    for (const before of changes) {
      const to: RuleState = before.id === rule.id ? state : 'retired'
      const document: RuleDocument = { ...before.document, state: to }
      await trx.updateTable('rules').set({ state: to, document: canonicalJson(document as unknown as JsonValue), updated_at: at }).where('id', '=', before.id).execute()
      audit.push({ actor: by, action: 'rule.state_changed', entity: 'rule', entityId: before.id, before: { key: before.key, version: before.version, state: before.state }, after: { key: before.key, version: before.version, state: to }, at })
      if (before.id === rule.id) changed = { ...before, state: to, document, updatedAt: at }
    }
    await appendAuditEntries(trx, audit)
    return changed
  })
}
