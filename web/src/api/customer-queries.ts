import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, queryString } from './client.ts'
import type { Customer, CustomerInput, CustomerPatch, CustomFieldDefinition, Page } from './types.ts'

export type CustomerSearch = {
  q?: string
  status?: string
  type?: string
  country?: string
  industry?: string
  tag?: string
  sort?: 'name' | 'createdAt' | 'updatedAt'
  order?: 'asc' | 'desc'
}

export const customerKey = (id: string) => ['customers', id] as const

/** Customers matching a search, a page at a time (cursor paging): fetchNextPage loads more. */
export function useCustomerList(search: CustomerSearch, pageSize = 25) {
  return useInfiniteQuery({
    queryKey: ['customers', 'list', search, pageSize],
    queryFn: ({ pageParam, signal }) => api<Page<Customer>>(`/api/v1/customers${queryString({ ...search, limit: pageSize, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}

/** The first few customers a search box fragment finds. */
export function useCustomerSuggestions(q: string) {
  return useQuery({
    queryKey: ['customers', 'suggest', q],
    queryFn: ({ signal }) => api<Page<Customer>>(`/api/v1/customers${queryString({ q, limit: 8 })}`, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  })
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerKey(id), queryFn: ({ signal }) => api<Customer>(`/api/v1/customers/${id}`, { signal }) })
}

export function useCustomFields() {
  return useQuery({
    queryKey: ['custom-fields'],
    queryFn: ({ signal }) => api<{ items: CustomFieldDefinition[] }>('/api/v1/custom-fields', { signal }).then((page) => page.items),
    staleTime: 5 * 60_000,
  })
}

/** Saves a new customer, or changes one (PATCH with the version edited), and refreshes what shows it. */
export function useSaveCustomer() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (change: { id: null; input: CustomerInput } | { id: string; patch: CustomerPatch }) =>
      change.id === null
        ? api<Customer>('/api/v1/customers', { method: 'POST', json: change.input })
        : api<Customer>(`/api/v1/customers/${change.id}`, { method: 'PATCH', json: change.patch }),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKey(customer.id), customer)
      void queryClient.invalidateQueries({ queryKey: ['customers'], predicate: (query) => query.queryKey[1] !== customer.id })
      void queryClient.invalidateQueries({ queryKey: ['customer-records', customer.id] })
    },
  })
}
