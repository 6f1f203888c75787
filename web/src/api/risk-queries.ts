import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, ApiError } from './client.ts'
import type { Assessment, CustomerFinancialAnalysis, CustomerScore } from './types.ts'

/** A customer's risk figures live under this key, refreshed together after an assessment or an override. */
const riskKey = (customerId: string, kind: string) => ['customer-risk', customerId, kind] as const

/** Ratios and Z-scores of each stored statement, newest first (computed on request by the server). */
export function useFinancialAnalysis(customerId: string) {
  return useQuery({
    queryKey: riskKey(customerId, 'financial-analysis'),
    queryFn: ({ signal }) => api<CustomerFinancialAnalysis>(`/api/v1/customers/${customerId}/financial-analysis`, { signal }),
  })
}

/** The customer's assessments, newest first. */
export function useAssessments(customerId: string) {
  return useQuery({
    queryKey: riskKey(customerId, 'assessments'),
    queryFn: ({ signal }) => api<{ items: Assessment[] }>(`/api/v1/customers/${customerId}/assessments`, { signal }).then((page) => page.items),
  })
}

/** Assesses the customer now from what is on file, then refreshes the history. */
export function useAssessCustomer(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api<Assessment>(`/api/v1/customers/${customerId}/assessments`, { method: 'POST', json: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customer-risk', customerId] }),
  })
}

/** Overrides an assessment's grade with a justification; the model's grade stays beside it. */
export function useOverrideAssessment(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ assessmentId, grade, justification }: { assessmentId: string; grade: string; justification: string }) =>
      api<Assessment>(`/api/v1/assessments/${assessmentId}/override`, { method: 'POST', json: { grade, justification } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customer-risk', customerId] }),
  })
}

/**
 * Scores the customer with the approved scorecard. Resolves to null when no scorecard is
 * approved (the server's 409), which is a state to show, not an error.
 */
export function useScoreCustomer(customerId: string) {
  return useMutation({
    mutationFn: async (): Promise<CustomerScore | null> => {
      try {
        return await api<CustomerScore>(`/api/v1/customers/${customerId}/scores`, { method: 'POST', json: {} })
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) return null
        throw error
      }
    },
  })
}
