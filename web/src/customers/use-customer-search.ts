import { useSearchParams } from 'react-router'
import type { CustomerSearch } from '../api/customer-queries.ts'

const KEYS = ['q', 'status', 'type', 'country', 'industry', 'tag', 'sort', 'order'] as const

/** The customer list's search, filters and sort, kept in the address so a view can be shared or reloaded. */
export function useCustomerSearch(): [CustomerSearch, (change: Partial<CustomerSearch>) => void] {
  const [params, setParams] = useSearchParams()
  const search = Object.fromEntries(KEYS.flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : []))) as CustomerSearch
  function update(change: Partial<CustomerSearch>) {
    const next = new URLSearchParams(params)
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value)
      else next.delete(key)
    }
    setParams(next, { replace: true })
  }
  return [search, update]
}
