import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.ts'
import type { AlertView } from './types.ts'

export type Money = { amount: number; currency: string }
export type ControlReason = { rule: string; severity: string; grade: string | null; text: string }
export type CreditHoldView = {
  id: string
  customerId: string
  reason: string
  alertId: string | null
  placedAt: string
  placedBy: string
  liftedAt: string | null
  liftedBy: string | null
  liftNote: string | null
}
export type LimitProposalStatus = 'proposed' | 'accepted' | 'rejected'
export type LimitProposalView = {
  id: string
  customerId: string
  contractId: string
  caseId: string | null
  alertId: string | null
  currentLimit: Money
  proposedLimit: Money
  cutPercent: number
  reason: string
  reasons: ControlReason[]
  status: LimitProposalStatus
  proposedAt: string
  proposedBy: string
  decidedAt: string | null
  decidedBy: string | null
  note: string | null
}
export type ControlReviewView = {
  id: string
  customerId: string
  caseId: string | null
  alertId: string | null
  taskId: string
  taskStatus: string | null
  statusBefore: string
  dueOn: string
  reason: string
  reasons: ControlReason[]
  triggeredAt: string
  triggeredBy: string
}
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
