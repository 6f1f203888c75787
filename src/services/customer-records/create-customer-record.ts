import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import type { RecordKind } from '../../store/repositories/customer-record-kinds.ts'
import { insertRecord } from '../../store/repositories/customer-records.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { assertCustomerExists, assertValidRecord, duplicateRecordError } from './record-checks.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type CreateCustomerRecordOptions<Input> = { store: Store; actor: Actor; kind: RecordKind<unknown, Input>; customerId: string; input: Input }

/** Adds a contact, interaction, task, statement, bureau record or contract to a customer, audited. */
export async function createCustomerRecord<View, Input>({ store, actor, kind, customerId, input }: CreateCustomerRecordOptions<Input>): Promise<View> {
  const now = new Date().toISOString()
  const label = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    await assertCustomerExists(trx, customerId)
    await assertValidRecord(trx, kind, input as Record<string, unknown>)
    const columns = kind.toColumns(input, { actor: label, userId: actor.kind === 'user' ? actor.userId : null, now, before: null })
    let view: View
    try {
      view = (await insertRecord(trx, kind, {
        id: crypto.randomUUID(),
        customer_id: customerId,
        ...columns,
        created_at: now,
        ...(kind.hasUpdatedAt ? { updated_at: now } : {}),
      })) as View
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateRecordError(kind)
      throw error
    }
    const after = view as { id: string }
    await appendAuditEntry(trx, { actor: label, action: `${kind.entity}.created`, entity: kind.entity, entityId: after.id, after: view as never, at: now })
    return view
  })
}
