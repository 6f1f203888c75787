import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, queryString } from './client.ts'
import type { BureauRecord, Contact, DocumentInfo, Page, RelationshipView, Statement, TimelineItem } from './types.ts'

type RecordKinds = { contacts: Contact; statements: Statement; bureau: BureauRecord }

/** Everything kept about one customer lives under this key, refreshed together after a change. */
const recordsKey = (customerId: string, kind: string) => ['customer-records', customerId, kind] as const

/** One kind of record of a customer (up to 500, newest first). */
export function useCustomerRecords<K extends keyof RecordKinds>(customerId: string, kind: K) {
  return useQuery({
    queryKey: recordsKey(customerId, kind),
    queryFn: ({ signal }) => api<Page<RecordKinds[K]>>(`/api/v1/customers/${customerId}/${kind}?limit=500`, { signal }).then((page) => page.items),
  })
}

export function useRelationships(customerId: string) {
  return useQuery({
    queryKey: recordsKey(customerId, 'relationships'),
    queryFn: ({ signal }) => api<{ items: RelationshipView[] }>(`/api/v1/customers/${customerId}/relationships`, { signal }).then((page) => page.items),
  })
}

export function useDocuments(customerId: string) {
  return useQuery({
    queryKey: recordsKey(customerId, 'documents'),
    queryFn: ({ signal }) => api<{ items: DocumentInfo[] }>(`/api/v1/customers/${customerId}/documents`, { signal }).then((page) => page.items),
  })
}

export function documentContentUrl(document: Pick<DocumentInfo, 'customerId' | 'id'>): string {
  return `/api/v1/customers/${document.customerId}/documents/${document.id}/content`
}

/** Uploads a file as the raw request body, its name in the query. */
export function useUploadDocument(customerId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (file: File) => api<DocumentInfo>(`/api/v1/customers/${customerId}/documents${queryString({ filename: file.name })}`, { method: 'POST', body: file }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['customer-records', customerId] }),
  })
}

/** A customer's history, newest first, 20 entries at a time. */
export function useTimeline(customerId: string) {
  return useInfiniteQuery({
    queryKey: recordsKey(customerId, 'timeline'),
    queryFn: ({ pageParam, signal }) =>
      api<{ items: TimelineItem[]; nextCursor: number | null }>(`/api/v1/customers/${customerId}/timeline${queryString({ limit: 20, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}
