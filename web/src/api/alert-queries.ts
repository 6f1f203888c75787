import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, queryString } from './client.ts'
import type { AlertStatus, AlertView, CaseDetail, CaseStatus, CaseSummary, CaseView, Disposition, Page, RuleInput, RuleSeverity, RuleState, StoredRule } from './types.ts'

/** The filters of the alert inbox, as GET /api/v1/alerts takes them. */
export type AlertFilters = {
  status?: AlertStatus
  severity?: RuleSeverity
  ruleKey?: string
  customerId?: string
  /** true lists the shadow rules' hits instead of live alerts. */
  shadow?: boolean
}

/** Alerts matching the filters, newest first as the server sends them, a page at a time. */
export function useAlerts(filters: AlertFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['alerts', 'list', filters, pageSize],
    queryFn: ({ pageParam, signal }) =>
      api<Page<AlertView>>(`/api/v1/alerts${queryString({ ...filters, shadow: filters.shadow ? 'true' : undefined, limit: pageSize, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}

/** Cases, newest opened first, with how many alerts each holds. */
export function useCases(status: CaseStatus | undefined, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['cases', 'list', status, pageSize],
    queryFn: ({ pageParam, signal }) => api<Page<CaseSummary>>(`/api/v1/cases${queryString({ status, limit: pageSize, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}

/** One case with its alerts, newest first. */
export function useCase(id: string) {
  return useQuery({ queryKey: ['cases', id], queryFn: ({ signal }) => api<CaseDetail>(`/api/v1/cases/${id}`, { signal }) })
}

/** Closes a case and its alerts with a disposition and a note, then refreshes cases and alerts. */
export function useCloseCase() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, disposition, note }: { id: string; disposition: Disposition; note: string }) =>
      api<CaseView>(`/api/v1/cases/${id}/close`, { method: 'POST', json: { disposition, note } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['cases'] })
      await queryClient.invalidateQueries({ queryKey: ['alerts'] })
    },
  })
}

/** Every rule version, by key and newest version first. */
export function useRules() {
  return useQuery({ queryKey: ['rules', 'list'], queryFn: ({ signal }) => api<{ items: StoredRule[] }>('/api/v1/rules', { signal }).then((page) => page.items) })
}

/** One rule version (for the playbook of an alert's rule). */
export function useRule(id: string | null) {
  return useQuery({ queryKey: ['rules', id], queryFn: ({ signal }) => api<StoredRule>(`/api/v1/rules/${id}`, { signal }), enabled: id !== null })
}

/** Saves a rule as a draft: version 1 of a new key, else the key's next version. */
export function useCreateRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: RuleInput) => api<StoredRule>('/api/v1/rules', { method: 'POST', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rules'] }),
  })
}

/** Moves a rule version forward: draft → shadow → active → retired. */
export function useChangeRuleState() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, state }: { id: string; state: RuleState }) => api<StoredRule>(`/api/v1/rules/${id}/state`, { method: 'POST', json: { state } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rules'] }),
  })
}
