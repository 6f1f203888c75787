import { AppError, invalidField } from '../../app-error.ts'
import { canonicalJson } from '../../domain/audit/index.ts'
import type { CustomFieldDefinition } from '../../domain/customers/index.ts'
import type { CustomFieldInput } from '../../schemas/custom-field.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type DefineCustomFieldOptions = { store: Store; actor: Actor; input: CustomFieldInput }

/** Adds a typed field every customer can carry (text, number, date, or a select of options). */
export async function defineCustomField({ store, actor, input }: DefineCustomFieldOptions): Promise<CustomFieldDefinition> {
  const definition: CustomFieldDefinition = { key: input.key, label: input.label, type: input.type, options: input.options ?? [], required: input.required ?? false }
  assertOptionsFit(definition)
  const now = new Date().toISOString()
  return withTransaction(store.db, async (trx) => {
    try {
      await trx
        .insertInto('custom_field_definitions')
        .values({ key: definition.key, label: definition.label, type: definition.type, options: canonicalJson(definition.options), required: definition.required ? 1 : 0, created_at: now, updated_at: now })
        .execute()
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `a custom field ${definition.key} already exists`, { details: [{ path: 'key', message: 'is already taken' }] })
      throw error
    }
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'customField.defined', entity: 'custom_field', entityId: definition.key, after: definition, at: now })
    return definition
  })
}

export function assertOptionsFit(definition: CustomFieldDefinition): void {
  if (definition.type === 'select' && definition.options.length === 0) throw invalidField('options', 'must list the choices of a select field')
  if (definition.type !== 'select' && definition.options.length > 0) throw invalidField('options', 'apply only to a select field')
}
