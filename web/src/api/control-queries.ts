import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ControlReview, CreditHold, LimitProposal } from '../../../src/schemas/controls.ts'
import { api } from './client.ts'
import type { AlertView } from './types.ts'

/** The controls on a customer, typed by the server's own definitions (src/schemas/controls.ts). */
export type { ControlReason } from '../../../src/domain/alerts/control-policy.ts'
export type { LimitProposalStatus } from '../../../src/schemas/controls.ts'
export type CreditHoldView = CreditHold
export type LimitProposalView = LimitProposal
export type ControlReviewView = ControlReview & { taskStatus: string | null }
export type CustomerControlsView = {
  customerId: string
  creditHold: (CreditHoldView & { alert: AlertView | null }) | null
  liftedHolds: CreditHoldView[]
  limitProposals: LimitProposalView[]
  reviews: ControlReviewView[]
}

const controlsKey = (customerId: string) => ['customers', customerId, 'controls'] as const

/** The controls on a customer: its credit hold, limit proposals and reviews. */
export function useCustomerControls(customerId: string) {
  return useQuery({ queryKey: controlsKey(customerId), queryFn: ({ signal }) => api<CustomerControlsView>(`/api/v1/customers/${customerId}/controls`, { signal }) })
}

/** Lifts the customer's credit hold with a note; refreshes its controls and timeline. */
export function useLiftCreditHold(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (note: string) => api<CreditHoldView>(`/api/v1/customers/${customerId}/controls/lift`, { method: 'POST', json: { note } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customers', customerId] }),
  })
}

/** Accepts (the contract's limit changes) or rejects (with a note) a limit proposal. */
export function useDecideLimitProposal(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, decision, note }: { id: string; decision: 'accept' | 'reject'; note?: string }) =>
      api<LimitProposalView>(`/api/v1/limit-proposals/${id}/${decision}`, { method: 'POST', json: note ? { note } : {} }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['customers', customerId] })
      await queryClient.invalidateQueries({ queryKey: ['customer-records', customerId] })
    },
  })
}
