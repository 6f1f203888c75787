import type { ModelSummary } from '../../schemas/model.ts'
import type { Store } from '../../store/open-store.ts'
import { listModels as listModelRows } from '../../store/repositories/models.ts'

export type ListModelsOptions = { store: Store }

/** Every model in the registry, by name and newest version first, without scorecards or curves. Reads only. */
export async function listModels({ store }: ListModelsOptions): Promise<ModelSummary[]> {
  return listModelRows(store.db)
}
