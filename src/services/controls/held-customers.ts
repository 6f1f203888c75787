import type { Store } from '../../store/open-store.ts'

/**
 * The customers under an active credit hold, kept in memory so the transaction hot path asks
 * a Set, not the store: loaded at start, then told of every hold placed or lifted in this
 * process (after the commit).
 */
export type HeldCustomers = {
  open(): Promise<void>
  /** Loads the holds unless they are loaded: what a request awaits when loading at start failed. */
  ready(): Promise<void>
  has(customerId: string): boolean
  add(customerId: string): void
  delete(customerId: string): void
}

export function createHeldCustomers({ store }: { store: Store }): HeldCustomers {
  let held = new Set<string>()
  let loaded = false
  const open = async () => {
    const rows = await store.db.selectFrom('credit_holds').select('customer_id').where('lifted_at', 'is', null).execute()
    held = new Set(rows.map((row) => row.customer_id))
    loaded = true
  }
  return {
    open,
    ready: async () => {
      if (!loaded) await open()
    },
    has: (customerId) => held.has(customerId),
    add: (customerId) => void held.add(customerId),
    delete: (customerId) => void held.delete(customerId),
  }
}
