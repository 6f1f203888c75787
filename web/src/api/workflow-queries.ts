import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ApprovalStatus, TransitionProblem } from '../../../src/domain/workflow/index.ts'
import type { ApprovalRequest, Review } from '../../../src/schemas/workflow.ts'
import { api, queryString } from './client.ts'
import type { Customer } from './types.ts'

/** GET /api/v1/approvals and /api/v1/reviews, typed by the server's own definitions. */
export type { ApprovalKind, ApprovalStatus, TransitionProblem } from '../../../src/domain/workflow/index.ts'
export type { ApprovalRequest, Review } from '../../../src/schemas/workflow.ts'

/** GET /api/v1/customers/:id/lifecycle. */
export type CustomerLifecycle = {
  customerId: string
  status: Customer['status']
  kycChecklist: { item: string; done: boolean }[]
  transitions: { to: Customer['status']; problems: TransitionProblem[] }[]
}

export function useApprovals(view: 'inbox' | 'mine' | 'all', status?: ApprovalStatus) {
  return useQuery({
    queryKey: ['approvals', view, status ?? null],
    queryFn: ({ signal }) => api<{ items: ApprovalRequest[] }>(`/api/v1/approvals${queryString({ view, status })}`, { signal }).then((page) => page.items),
  })
}

/** Approves or rejects a request (the note is required to reject), then refreshes the lists it touches. */
export function useDecideApproval() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: 'approve' | 'reject' | 'cancel'; note: string | null }) =>
      api<ApprovalRequest>(`/api/v1/approvals/${id}/${decision}`, { method: 'POST', json: { note } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['approvals'] })
      await queryClient.invalidateQueries({ queryKey: ['customers'] })
    },
  })
}

export function useReviews(range: { from: string; to: string }) {
  return useQuery({
    queryKey: ['reviews', range],
    queryFn: ({ signal }) => api<{ items: Review[] }>(`/api/v1/reviews${queryString(range)}`, { signal }).then((page) => page.items),
  })
}

export function useOverdueReviews() {
  return useQuery({
    queryKey: ['reviews', 'overdue'],
    queryFn: ({ signal }) => api<{ items: Review[] }>('/api/v1/reviews?overdue=true', { signal }).then((page) => page.items),
  })
}

export function useCompleteReview() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, outcome }: { id: string; outcome: string }) => api<{ review: Review; next: Review | null }>(`/api/v1/reviews/${id}/complete`, { method: 'POST', json: { outcome } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reviews'] }),
  })
}

export function useCustomerLifecycle(customerId: string) {
  return useQuery({ queryKey: ['customers', customerId, 'lifecycle'], queryFn: ({ signal }) => api<CustomerLifecycle>(`/api/v1/customers/${customerId}/lifecycle`, { signal }) })
}

/** Moves the customer to a status; the server's refusal carries one detail per missing item. */
export function useChangeCustomerStatus(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ status, note }: { status: Customer['status']; note: string | null }) => api<Customer>(`/api/v1/customers/${customerId}/status`, { method: 'POST', json: { status, note } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers'] }),
  })
}
