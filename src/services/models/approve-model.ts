import { AppError } from '../../app-error.ts'
import type { JsonValue } from '../../domain/audit/index.ts'
import type { ModelSummary } from '../../schemas/model.ts'
import type { Store } from '../../store/open-store.ts'
import { appendAuditEntry } from '../../store/repositories/audit-ledger.ts'
import { findApprovedModelOf, findModelSummary, updateModelStatus } from '../../store/repositories/models.ts'
import { isUniqueViolation } from '../../store/unique-violation.ts'
import { withTransaction } from '../../store/with-transaction.ts'
import { actorLabel, type Actor } from '../actor.ts'

export type ApproveModelOptions = { store: Store; actor: Actor; modelId: string }

/**
 * Approves a draft model for use: from now on it scores customers and feeds their rating.
 * Four eyes: the user who trained a model cannot approve it. The version of the same name
 * approved until now is retired in the same transaction; both changes are audited.
 */
export async function approveModel({ store, actor, modelId }: ApproveModelOptions): Promise<ModelSummary> {
  const by = actorLabel(actor)
  try {
    return await withTransaction(store.db, async (trx) => {
      const model = await findModelSummary(trx, modelId)
      if (!model) throw new AppError('not_found', `no model ${modelId}`)
      if (model.trainedBy === by) throw new AppError('forbidden', `approving needs a second user: you trained ${model.name} v${model.version}, so someone else must approve it`)
      if (model.status !== 'draft') throw new AppError('conflict', `${model.name} v${model.version} is ${model.status}: only a draft can be approved`)
      const now = new Date().toISOString()
      const previous = await findApprovedModelOf(trx, model.name)
      if (previous) {
        const retired = await updateModelStatus(trx, previous.id, { status: 'retired', retired_at: now })
        await appendAuditEntry(trx, { actor: by, action: 'model.retired', entity: 'model', entityId: previous.id, before: statusOf(previous), after: { ...statusOf(retired), replacedBy: model.id }, at: now })
      }
      const approved = await updateModelStatus(trx, model.id, { status: 'approved', approved_by: by, approved_at: now })
      await appendAuditEntry(trx, { actor: by, action: 'model.approved', entity: 'model', entityId: model.id, before: statusOf(model), after: statusOf(approved), at: now })
      return approved
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'another version of this model was approved at the same moment; reload and try again')
    throw error
  }
}

/** What the ledger keeps of a status change: who the model is and where it stands. */
export function statusOf(model: ModelSummary): { [key: string]: JsonValue } {
  return { id: model.id, name: model.name, version: model.version, status: model.status, approvedBy: model.approvedBy, approvedAt: model.approvedAt, retiredAt: model.retiredAt }
}
