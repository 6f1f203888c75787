import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, queryString } from './client.ts'
import type { AlertStatus, AlertView, BulkCaseResult, CaseAttachment, CaseComment, CaseDetail, CaseStatus, CaseSummary, CaseTimelineEvent, CaseView, CaseWorker, Disposition, Page, RuleInput, RuleSeverity, RuleState, StoredRule } from './types.ts'

/** The filters of the alert inbox, as GET /api/v1/alerts takes them. */
export type AlertFilters = {
  status?: AlertStatus
  severity?: RuleSeverity
  ruleKey?: string
  customerId?: string
  /** true lists the shadow rules' hits instead of live alerts. */
  shadow?: boolean
  /** newest (the server's default), severity (worst first) or sla (the soonest due case first). */
  sort?: AlertSort
}

export const ALERT_SORTS = ['newest', 'severity', 'sla'] as const
export type AlertSort = (typeof ALERT_SORTS)[number]

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
      await queryClient.invalidateQueries({ queryKey: ['notifications'] })
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

/** The filters and order of the case work queue, as GET /api/v1/cases takes them. */
export type CaseFilters = {
  /** A status, or active: every status but closed. */
  status?: CaseStatus | 'active'
  /** A user id, or me. */
  ownerId?: string
  unassigned?: boolean
  overdue?: boolean
  sort?: 'opened' | 'severity' | 'sla'
}

/** Cases matching the filters, in the order asked for, a page at a time. */
export function useCaseQueue(filters: CaseFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: ['cases', 'queue', filters, pageSize],
    queryFn: ({ pageParam, signal }) =>
      api<Page<CaseSummary>>(
        `/api/v1/cases${queryString({ ...filters, unassigned: filters.unassigned ? 'true' : undefined, overdue: filters.overdue ? 'true' : undefined, limit: pageSize, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}

/** Refreshes what a change to cases shows: cases, alerts and the inbox. */
function useRefreshCases() {
  const queryClient = useQueryClient()
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['cases'] })
    await queryClient.invalidateQueries({ queryKey: ['alerts'] })
    await queryClient.invalidateQueries({ queryKey: ['notifications'] })
  }
}

export type CaseAction = { kind: 'assign'; ownerId?: string } | { kind: 'investigate' } | { kind: 'escalate'; note?: string }

/** Assigns (to a user, or the queue without ownerId), starts investigating or escalates a case. */
export function useCaseAction() {
  const refresh = useRefreshCases()
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: CaseAction }) => {
      const { kind, ...json } = action
      return api<CaseView>(`/api/v1/cases/${id}/${kind}`, { method: 'POST', json })
    },
    onSuccess: refresh,
  })
}

/** One action on many cases; a result per case. */
export function useBulkCaseAction() {
  const refresh = useRefreshCases()
  return useMutation({
    mutationFn: (body: { action: 'assign' | 'escalate' | 'close'; caseIds: string[]; ownerId?: string; disposition?: Disposition; note?: string }) =>
      api<{ results: BulkCaseResult[] }>('/api/v1/cases/bulk', { method: 'POST', json: body }),
    onSuccess: refresh,
  })
}

/** The users cases may be assigned to and @mentioned. */
export function useCaseWorkers(enabled = true) {
  return useQuery({ queryKey: ['case-workers'], queryFn: ({ signal }) => api<{ items: CaseWorker[] }>('/api/v1/case-workers', { signal }).then((r) => r.items), enabled })
}

/** A case's audited actions and the alerts raised into it, newest first. */
export function useCaseTimeline(id: string) {
  return useQuery({ queryKey: ['cases', id, 'timeline'], queryFn: ({ signal }) => api<{ items: CaseTimelineEvent[] }>(`/api/v1/cases/${id}/timeline`, { signal }).then((r) => r.items) })
}

export function useCaseComments(id: string) {
  return useQuery({ queryKey: ['cases', id, 'comments'], queryFn: ({ signal }) => api<{ items: CaseComment[] }>(`/api/v1/cases/${id}/comments`, { signal }).then((r) => r.items) })
}

export function useAddCaseComment(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: string) => api<CaseComment>(`/api/v1/cases/${id}/comments`, { method: 'POST', json: { body } }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['cases', id, 'comments'] }), queryClient.invalidateQueries({ queryKey: ['cases', id, 'timeline'] })]),
  })
}

export function useCaseAttachments(id: string) {
  return useQuery({ queryKey: ['cases', id, 'attachments'], queryFn: ({ signal }) => api<{ items: CaseAttachment[] }>(`/api/v1/cases/${id}/attachments`, { signal }).then((r) => r.items) })
}

export function useAttachToCase(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => api<CaseAttachment>(`/api/v1/cases/${id}/attachments${queryString({ filename: file.name })}`, { method: 'POST', body: file }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['cases', id, 'attachments'] }), queryClient.invalidateQueries({ queryKey: ['cases', id, 'timeline'] })]),
  })
}
