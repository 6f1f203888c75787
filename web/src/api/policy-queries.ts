import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, queryString } from './client.ts'

/** The risk policy document (src/domain/policy/risk-policy.ts; docs/policy.md). */
export type MasterScaleGrade = { grade: string; lower: number; upper: number; description: string }
export type ReviewFrequency = { every: number; unit: 'days' | 'months' }
export type ApprovalRule = { requestKind: string; maxAmount: number | null; grades: string[]; role: string; approvers: number }
export type RiskPolicy = {
  masterScale: { version: string; grades: MasterScaleGrade[] }
  ratingWeights: { version: string; weights: Record<string, number> }
  thresholds: { utilisationWarning: number; utilisationBreach: number; downgradeAlertNotches: number; watchListGrade: string }
  actionsPerGrade: Record<string, string[]>
  reviewFrequencyPerGrade: Record<string, ReviewFrequency>
  limitRules: { gradeScale: Record<string, number>; percentages: Record<string, number>; roundingUnit: number; defaultCreditTermsDays: number }
  approvalMatrix: { currency: string; rules: ApprovalRule[] }
  riskAppetite: { maxSingleNameShare: number; maxIndustryShare: number }
}

export const POLICY_STATUSES = ['draft', 'pending_approval', 'active', 'superseded', 'rejected'] as const
export type PolicyStatus = (typeof POLICY_STATUSES)[number]

export type PolicyVersionSummary = {
  id: string
  version: number
  status: PolicyStatus
  note: string | null
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
  submittedBy: string | null
  submittedAt: string | null
  approvedBy: string | null
  approvedAt: string | null
  rejectedBy: string | null
  rejectedAt: string | null
  rejectionReason: string | null
  supersededAt: string | null
}
export type PolicyVersion = PolicyVersionSummary & { document: RiskPolicy }

export type PolicyChange = { kind: 'changed' | 'added' | 'removed'; path: string; before: unknown; after: unknown }
export type PolicyDiff = { from: { id: string; version: number }; to: { id: string; version: number }; changes: PolicyChange[] }

export type PolicyView = { grade: string | null; pd: number | null; limit: number | null; currency: string | null; limitReason: string | null; utilisation: number | null }
export type GradeChange = 'unchanged' | 'upgrade' | 'downgrade' | 'now_rated' | 'no_longer_rated'
export type WhatIfAlertKind = 'utilisation_breach' | 'utilisation_warning' | 'downgrade' | 'watch_list' | 'single_name_concentration' | 'industry_concentration'
export const WHAT_IF_ALERT_KINDS: WhatIfAlertKind[] = ['utilisation_breach', 'utilisation_warning', 'downgrade', 'watch_list', 'single_name_concentration', 'industry_concentration']
export type WhatIfCustomer = {
  customerId: string
  name: string
  industryCode: string | null
  before: PolicyView
  after: PolicyView
  gradeChange: GradeChange
  notches: number | null
  limitChange: number | null
}
export type WhatIfAlert = { kind: WhatIfAlertKind; customerId: string | null; industryCode: string | null; currency: string | null; value: number | null; threshold: number | string; message: string; isNew: boolean }
export type PolicyWhatIf = {
  active: { id: string; version: number }
  candidate: { id: string; version: number; status: string }
  customers: WhatIfCustomer[]
  summary: {
    customers: number
    upgrades: number
    downgrades: number
    unchanged: number
    nowRated: number
    noLongerRated: number
    limitsChanged: number
    limitTotals: { currency: string; before: number; after: number }[]
    alertCounts: Record<WhatIfAlertKind, { before: number; after: number }>
  }
  alerts: WhatIfAlert[]
}

export type AttestationUser = { id: string; email: string; name: string; role: string }
export type AttestationReport = { policyVersionId: string; version: number; attested: (AttestationUser & { attestedAt: string })[]; notAttested: AttestationUser[] }

const POLICY = ['policy'] as const

/** The active version with its document. */
export function useActivePolicy() {
  return useQuery({ queryKey: [...POLICY, 'active'], queryFn: ({ signal }) => api<PolicyVersion>('/api/v1/policy', { signal }) })
}

/** Every version, newest first, and the names of the users behind them (`user:<id>` → name). */
export function usePolicyVersions() {
  return useQuery({
    queryKey: [...POLICY, 'versions'],
    queryFn: ({ signal }) => api<{ items: PolicyVersionSummary[]; actorNames: Record<string, string> }>('/api/v1/policy/versions', { signal }),
  })
}

/** One version with its document; not asked while `id` is null. */
export function usePolicyVersion(id: string | null) {
  return useQuery({ queryKey: [...POLICY, 'versions', id], queryFn: ({ signal }) => api<PolicyVersion>(`/api/v1/policy/versions/${id}`, { signal }), enabled: id !== null })
}

/** The changes from one version to another; not asked until both are chosen. */
export function usePolicyDiff(from: string | null, to: string | null) {
  return useQuery({
    queryKey: [...POLICY, 'diff', from, to],
    queryFn: ({ signal }) => api<PolicyDiff>(`/api/v1/policy/diff${queryString({ from, to })}`, { signal }),
    enabled: from !== null && to !== null && from !== to,
  })
}

/** Who has and has not acknowledged the active version; asked only when allowed. */
export function useAttestationReport(enabled: boolean) {
  return useQuery({ queryKey: [...POLICY, 'attestations'], queryFn: ({ signal }) => api<AttestationReport>('/api/v1/policy/attestations', { signal }), enabled })
}

/** Every change of a version refreshes everything the policy page shows. */
function usePolicyMutation<Input, Output>(call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient()
  return useMutation({ mutationFn: call, onSuccess: () => queryClient.invalidateQueries({ queryKey: POLICY }) })
}

/** A new draft: a copy of the active policy, or the document given. */
export function useCreatePolicyDraft() {
  return usePolicyMutation((input: { document?: RiskPolicy; note?: string | null }) => api<PolicyVersion>('/api/v1/policy/versions', { method: 'POST', json: input }))
}

export function useUpdatePolicyDraft() {
  return usePolicyMutation(({ id, document, note }: { id: string; document: RiskPolicy; note?: string | null }) =>
    api<PolicyVersion>(`/api/v1/policy/versions/${id}`, { method: 'PUT', json: note === undefined ? { document } : { document, note } }),
  )
}

export type PolicyAction = 'submit' | 'approve' | 'reject'

/** Submits, approves or rejects a version (a rejection with its reason). */
export function useChangePolicyStatus() {
  return usePolicyMutation(({ id, action, reason }: { id: string; action: PolicyAction; reason?: string }) =>
    api<PolicyVersion>(`/api/v1/policy/versions/${id}/${action}`, { method: 'POST', json: action === 'reject' ? { reason } : {} }),
  )
}

/** The version run over the current portfolio beside the active one. */
export function usePolicyWhatIf() {
  return useMutation({ mutationFn: (id: string) => api<PolicyWhatIf>(`/api/v1/policy/versions/${id}/what-if`, { method: 'POST', json: {} }) })
}

export function useAttestPolicy() {
  return usePolicyMutation(() => api<{ policyVersionId: string; version: number; attestedAt: string }>('/api/v1/policy/attest', { method: 'POST', json: {} }))
}

/** Whether the signed-in user has acknowledged the active version. */
export function useMyAttestation() {
  return useQuery({
    queryKey: [...POLICY, 'attestations', 'me'],
    queryFn: ({ signal }) => api<{ policyVersionId: string; version: number; attestedAt: string | null }>('/api/v1/policy/attestations/me', { signal }),
  })
}
