import type { Kysely } from 'kysely'
import type { TrainingJob, TrainingJobPhase, TrainingJobStatus } from '../../schemas/model.ts'
import type { Database, ModelTrainingJobTable } from '../schema.ts'

export function toTrainingJob(row: ModelTrainingJobTable): TrainingJob {
  return {
    id: row.id,
    status: row.status as TrainingJobStatus,
    phase: row.phase as TrainingJobPhase | null,
    done: Number(row.done),
    total: Number(row.total),
    modelId: row.model_id,
    error: row.error,
  }
}

export async function insertTrainingJob(db: Kysely<Database>, row: ModelTrainingJobTable): Promise<TrainingJob> {
  await db.insertInto('model_training_jobs').values(row).execute()
  return toTrainingJob(row)
}

export type TrainingJobChanges = Partial<Pick<ModelTrainingJobTable, 'status' | 'phase' | 'done' | 'total' | 'model_id' | 'error'>>

export async function updateTrainingJob(db: Kysely<Database>, id: string, changes: TrainingJobChanges, now: string): Promise<void> {
  await db.updateTable('model_training_jobs').set({ ...changes, updated_at: now }).where('id', '=', id).execute()
}

export async function findTrainingJob(db: Kysely<Database>, id: string): Promise<TrainingJob | undefined> {
  const row = await db.selectFrom('model_training_jobs').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toTrainingJob(row)
}

/** Marks every job still queued or running as failed: called at start, when no job of this store can be running. */
export async function failUnfinishedTrainingJobs(db: Kysely<Database>, error: string, now: string): Promise<number> {
  const result = await db
    .updateTable('model_training_jobs')
    .set({ status: 'failed', error, updated_at: now })
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
