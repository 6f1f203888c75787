import { AppError } from '../../app-error.ts'
import type { TrainingJob } from '../../schemas/model.ts'
import type { Store } from '../../store/open-store.ts'
import { findTrainingJob } from '../../store/repositories/model-training-jobs.ts'

export type GetTrainingJobOptions = { store: Store; jobId: string }

/** A training job: its status, phase, progress, and the model or the error it ended with. Reads only. */
export async function getTrainingJob({ store, jobId }: GetTrainingJobOptions): Promise<TrainingJob> {
  const job = await findTrainingJob(store.db, jobId)
  if (!job) throw new AppError('not_found', `no training job ${jobId}`)
  return job
}
