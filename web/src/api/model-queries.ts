import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, queryString } from './client.ts'
import type { ModelDetail, ModelSummary, TrainingJob } from './types.ts'

const modelKey = (id: string) => ['models', id] as const

/** Every scorecard in the registry. */
export function useModels() {
  return useQuery({
    queryKey: ['models', 'list'],
    queryFn: ({ signal }) => api<{ items: ModelSummary[] }>('/api/v1/models', { signal }).then((page) => page.items),
  })
}

/** One scorecard with its bins and validation curves. */
export function useModel(id: string) {
  return useQuery({ queryKey: modelKey(id), queryFn: ({ signal }) => api<ModelDetail>(`/api/v1/models/${id}`, { signal }) })
}

export type TrainingRequest = {
  file: File
  name: string
  target: string
  bad: string
  holdoutFraction: number
  /** Columns that are not features: ids, dates, anything known only after the outcome. */
  exclude?: string[]
}

/** Sends the CSV file as the request body, the settings in the query; the server answers with a queued job. */
export function useStartTraining() {
  return useMutation({
    mutationFn: ({ file, name, target, bad, holdoutFraction, exclude = [] }: TrainingRequest) =>
      api<TrainingJob>(`/api/v1/models/training-jobs${queryString({ name, target, bad, holdoutFraction, exclude: exclude.join(',') })}`, {
        method: 'POST',
        body: file.type === 'text/csv' ? file : new Blob([file], { type: 'text/csv' }),
      }),
  })
}

export const isFinished = (job: TrainingJob | undefined) => job?.status === 'succeeded' || job?.status === 'failed'

/** A training job, asked again every second until it succeeded or failed. */
export function useTrainingJob(id: string | null, intervalMs = 1000) {
  return useQuery({
    queryKey: ['models', 'training-jobs', id],
    queryFn: ({ signal }) => api<TrainingJob>(`/api/v1/models/training-jobs/${id}`, { signal }),
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : intervalMs),
  })
}

/** Approves or retires a model, then refreshes the registry. */
export function useChangeModelStatus() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'approve' | 'retire' }) => api<ModelSummary>(`/api/v1/models/${id}/${action}`, { method: 'POST', json: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['models'] }),
  })
}
