import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { PolicyChange, WhatIfAlertKind } from '../../../src/domain/policy/index.ts'
import type { PolicyDocument, PolicyVersion, PolicyVersionSummary, PolicyWhatIf } from '../../../src/schemas/policy.ts'
import { api, queryString } from './client.ts'

/** The risk policy and its versions (docs/policy.md), typed by the server's own definitions. */
export type { PolicyStatus, PolicyVersion, PolicyVersionSummary, PolicyWhatIf } from '../../../src/schemas/policy.ts'
export type { GradeChange, PolicyChange, PolicyView, ReviewFrequency, WhatIfAlert, WhatIfAlertKind, WhatIfCustomer } from '../../../src/domain/policy/index.ts'
export type RiskPolicy = PolicyDocument
export type MasterScaleGrade = RiskPolicy['masterScale']['grades'][number]
export type ApprovalRule = RiskPolicy['approvalMatrix']['rules'][number]
export const WHAT_IF_ALERT_KINDS: readonly WhatIfAlertKind[] = ['utilisation_breach', 'utilisation_warning', 'downgrade', 'watch_list', 'single_name_concentration', 'industry_concentration']
export type PolicyDiff = { from: { id: string; version: number }; to: { id: string; version: number }; changes: PolicyChange[] }

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
