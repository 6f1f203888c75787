import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { api, queryString } from './client.ts'
import type { ActivityInterval, ActivitySeriesItem, CounterpartyActivity, CustomerMetrics, Direction, Page, ReceivablesTrend, TransactionType, TransactionView } from './types.ts'

/** What the monitoring engine knows about a customer lives under this key. */
const activityKey = (customerId: string, kind: string, ...params: unknown[]) => ['customer-activity', customerId, kind, ...params] as const

/** The transaction filters the server takes; `from` and `to` are ISO instants, `to` exclusive. */
export type TransactionFilters = {
  direction?: Direction
  type?: TransactionType
  /** The counterparty's id or exact name. */
  counterparty?: string
  from?: string
  to?: string
}

/** Live transaction features and receivables figures, as of now. */
export function useCustomerMetrics(customerId: string) {
  return useQuery({
    queryKey: activityKey(customerId, 'metrics'),
    queryFn: ({ signal }) => api<CustomerMetrics>(`/api/v1/customers/${customerId}/metrics`, { signal }),
  })
}

/** The customer's transactions matching the filters, newest first, a page at a time (cursor paging). */
export function useCustomerTransactions(customerId: string, filters: TransactionFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: activityKey(customerId, 'transactions', filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      api<Page<TransactionView>>(`/api/v1/customers/${customerId}/transactions${queryString({ ...filters, limit: pageSize, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  })
}

/** Counts and sums in and out per period and currency, from `from` (an ISO instant) to now. */
export function useActivitySeries(customerId: string, { from, interval }: { from: string; interval: ActivityInterval }) {
  return useQuery({
    queryKey: activityKey(customerId, 'series', from, interval),
    queryFn: ({ signal }) => api<{ interval: ActivityInterval; items: ActivitySeriesItem[] }>(`/api/v1/customers/${customerId}/activity-series${queryString({ from, interval })}`, { signal }),
    placeholderData: keepPreviousData,
  })
}

/** The customer's counterparties by volume over the last year, largest first. */
export function useCounterparties(customerId: string, limit = 20) {
  return useQuery({
    queryKey: activityKey(customerId, 'counterparties', limit),
    queryFn: ({ signal }) => api<{ items: CounterpartyActivity[] }>(`/api/v1/customers/${customerId}/counterparties${queryString({ limit })}`, { signal }).then((page) => page.items),
  })
}

/** Outstanding, overdue, DSO and payment index at each of the last `months` month ends, and now. */
export function useReceivablesTrend(customerId: string, months = 12) {
  return useQuery({
    queryKey: activityKey(customerId, 'receivables-trend', months),
    queryFn: ({ signal }) => api<ReceivablesTrend>(`/api/v1/customers/${customerId}/receivables/trend${queryString({ months })}`, { signal }),
  })
}
