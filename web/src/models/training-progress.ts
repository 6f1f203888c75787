import type { TrainingJob } from '../api/types.ts'

/** A training job's progress in whole percent: 100 once it succeeded, 0 before it knows how much there is to do. */
export function trainingPercent(job: Pick<TrainingJob, 'status' | 'done' | 'total'> | undefined): number {
  if (!job) return 0
  if (job.status === 'succeeded') return 100
  if (!(job.total > 0) || !Number.isFinite(job.done)) return 0
  return Math.min(99, Math.max(0, Math.floor((job.done / job.total) * 100)))
}
