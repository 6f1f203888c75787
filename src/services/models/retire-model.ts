import { AppError } from '../../app-error.ts'
import type { ModelSummary } from '../../schemas/model.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findModelSummary, updateModelStatus } from '../../store/repositories/models.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'
import { statusOf } from './approve-model.ts'

export type RetireModelOptions = { store: Store; actor: Actor; modelId: string }

/** Retires a draft or approved model: it stays in the registry, to read, but no longer scores by default. Audited. */
export async function retireModel({ store, actor, modelId }: RetireModelOptions): Promise<ModelSummary> {
  return withTransaction(store.db, async (trx) => {
    const model = await findModelSummary(trx, modelId)
    if (!model) throw new AppError('not_found', `no model ${modelId}`)
    if (model.status === 'retired') throw new AppError('conflict', `${model.name} v${model.version} is retired already`)
    const now = new Date().toISOString()
    const retired = await updateModelStatus(trx, model.id, { status: 'retired', retired_at: now })
    await appendAuditEntry(trx, { actor: actorLabel(actor), action: 'model.retired', entity: 'model', entityId: model.id, before: statusOf(model), after: statusOf(retired), at: now })
    return retired
  })
}
