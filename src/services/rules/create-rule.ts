import { AppError } from '../../app-error.ts'
import { canonicalJson, type JsonValue } from '../../domain/audit/index.ts'
import type { RuleDocument } from '../../domain/alerts/index.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { checkRule } from './check-rule.ts'
import type { StoredRule } from './stored-rule.ts'

/** What a person writes: the document without the id, version and state the store gives it; the dedupe key defaults to DEFAULT_DEDUPE_KEY. */
export type RuleInput = Omit<RuleDocument, 'id' | 'version' | 'state' | 'dedupeKey'> & { dedupeKey?: string }

export type CreateRuleOptions = { store: Store; actor: Actor; input: RuleInput }

/**
 * Saves a rule as a new draft version: version 1 for a new key, the next version for a key
 * saved before (the earlier versions keep their states). The document is checked with
 * validateRule first; every problem comes back in one 400, each naming its field path and,
 * for the expression and dedupe key, the line and column. Audited as rule.created.
 */
export async function createRule({ store, actor, input }: CreateRuleOptions): Promise<StoredRule> {
  const { draft, problems: details } = checkRule(input)
  if (details.length > 0) throw new AppError('validation_failed', details.map((d) => `${d.path} ${d.message}`).join('; '), { details })
  const by = actorLabel(actor)
  try {
    return await withTransaction(store.db, async (trx) => {
      const latest = await trx.selectFrom('rules').select((eb) => eb.fn.max('version').as('version')).where('key', '=', draft.key).executeTakeFirst()
      const version = Number(latest?.version ?? 0) + 1
      const document = { ...draft, version } as RuleDocument
      const at = new Date().toISOString()
      await trx
        .insertInto('rules')
        .values({ id: document.id, key: document.key, version, state: 'draft', document: canonicalJson(document as unknown as JsonValue), created_by: by, created_at: at, updated_at: at })
        .execute()
      await appendAuditEntry(trx, { actor: by, action: 'rule.created', entity: 'rule', entityId: document.id, after: document as unknown as JsonValue, at })
      return { id: document.id, key: document.key, version, state: 'draft' as const, document, createdBy: by, createdAt: at, updatedAt: at }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `rule ${draft.key} was saved by someone else at the same moment; save it again for the next version`)
    throw error
  }
}
