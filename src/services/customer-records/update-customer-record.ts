import { AppError } from '../../app-error.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import type { RecordKind } from '../../store/repositories/customer-record-kinds.ts'
import { findRecord, updateRecord } from '../../store/repositories/customer-records.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { assertValidRecord, duplicateRecordError } from './record-checks.ts'
import { withTransaction } from '../../store/with-transaction.ts'

export type UpdateCustomerRecordOptions<Input> = {
  store: Store
  actor: Actor
  kind: RecordKind<unknown, Input>
  customerId: string
  recordId: string
  patch: Partial<Input>
}

/** Changes some fields of one record; a patch that changes nothing writes and records nothing. */
export async function updateCustomerRecord<View, Input>({ store, actor, kind, customerId, recordId, patch }: UpdateCustomerRecordOptions<Input>): Promise<View> {
  const now = new Date().toISOString()
  const label = actorLabel(actor)
  return withTransaction(store.db, async (trx) => {
    const before = await findRecord(trx, kind, customerId, recordId)
    if (!before) throw new AppError('not_found', `customer ${customerId} has no ${kind.entity.replace(/_/g, ' ')} ${recordId}`)
    const current = kind.toInput(before)
    const defined = Object.fromEntries(Object.entries(patch as object).filter(([, value]) => value !== undefined))
    const input = { ...current, ...defined } as Input
    await assertValidRecord(trx, kind, input as Record<string, unknown>)
    const context = { actor: label, userId: actor.kind === 'user' ? actor.userId : null, now, before }
    const columns = kind.toColumns(input, context)
    if (JSON.stringify(columns) === JSON.stringify(kind.toColumns(current, context))) return before as View
    let after: View
    try {
      after = (await updateRecord(trx, kind, recordId, { ...columns, ...(kind.hasUpdatedAt ? { updated_at: now } : {}) })) as View
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateRecordError(kind)
      throw error
    }
    await appendAuditEntry(trx, { actor: label, action: `${kind.entity}.updated`, entity: kind.entity, entityId: recordId, before: before as never, after: after as never, at: now })
    return after
  })
}
