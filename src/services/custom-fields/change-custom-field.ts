import { AppError } from '../../app-error.ts'
import { canonicalJson } from '../../domain/audit/index.ts'
import type { CustomFieldDefinition } from '../../domain/customers/index.ts'
import type { CustomFieldPatch } from '../../schemas/custom-field.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { listCustomFieldDefinitions } from '../../store/repositories/custom-fields.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { assertOptionsFit } from './define-custom-field.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type ChangeCustomFieldOptions = { store: Store; actor: Actor; key: string; patch: CustomFieldPatch }

/** Relabels a field, changes its choices or whether it is required; its key and type stay, so stored values keep their meaning. */
export async function changeCustomField({ store, actor, key, patch }: ChangeCustomFieldOptions): Promise<CustomFieldDefinition> {
  const now = new Date().toISOString()
  return withTransaction(store.db, async (trx) => {
    const before = (await listCustomFieldDefinitions(trx)).find((d) => d.key === key)
    if (!before) throw new AppError('not_found', `no custom field ${key}`)
    const after: CustomFieldDefinition = { ...before, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) }
    assertOptionsFit(after)
    await trx
      .updateTable('custom_field_definitions')
      .set({ label: after.label, options: canonicalJson(after.options), required: after.required ? 1 : 0, updated_at: now })
      .where('key', '=', key)
      .execute()
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'customField.changed', entity: 'custom_field', entityId: key, before, after, at: now })
    return after
  })
}
