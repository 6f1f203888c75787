import { AppError } from '../../app-error.ts'
import type { ModelDetail } from '../../schemas/model.ts'
import type { Store } from '../../store/open-store.ts'
import { findModel } from '../../store/repositories/models.ts'

export type GetModelOptions = { store: Store; modelId: string }

/** One model with its scorecard and validation curves; 404 when there is none. Reads only. */
export async function getModel({ store, modelId }: GetModelOptions): Promise<ModelDetail> {
  const model = await findModel(store.db, modelId)
  if (!model) throw new AppError('not_found', `no model ${modelId}`)
  return model
}
