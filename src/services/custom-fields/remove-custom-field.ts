import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { listCustomFieldDefinitions } from '../../store/repositories/custom-fields.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type RemoveCustomFieldOptions = { store: Store; actor: Actor; key: string }

/** Removes a field no customer holds a value for; values are never dropped silently. */
export async function removeCustomField({ store, actor, key }: RemoveCustomFieldOptions): Promise<void> {
  await withTransaction(store.db, async (trx) => {
    const before = (await listCustomFieldDefinitions(trx)).find((d) => d.key === key)
    if (!before) throw new AppError('not_found', `no custom field ${key}`)
    // customFields is canonical JSON, so a held value always appears as "key":
    const holders = await trx
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('custom_fields', 'like', `%${JSON.stringify(key)}:%`)
      .executeTakeFirstOrThrow()
    if (Number(holders.n) > 0) throw new AppError('conflict', `${holders.n} customer(s) hold a value for ${key}; clear those first`)
    await trx.deleteFrom('custom_field_definitions').where('key', '=', key).execute()
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'customField.removed', entity: 'custom_field', entityId: key, before })
  })
}
