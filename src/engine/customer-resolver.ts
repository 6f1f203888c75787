import type { Store } from '../store/open-store.ts'

/**
 * Turns the customer a record names — Fengkong's id or the customer's externalId — into
 * Fengkong's id. Every customer's keys are read once and kept in memory (two short strings
 * each); a key not found is looked up again in the store, so customers created since are
 * found, and a batch asks for all its unknown keys in one query.
 */
export class CustomerResolver {
  private readonly byKey = new Map<string, string>()
  private loaded = false

  constructor(private readonly store: Store) {}

  /** Resolves every key it can; a key missing from the result names no customer. */
  async resolve(keys: Iterable<string>): Promise<Map<string, string>> {
    if (!this.loaded) await this.load()
    const unknown = [...new Set(keys)].filter((key) => !this.byKey.has(key))
    for (let start = 0; start < unknown.length; start += 500) {
      const chunk = unknown.slice(start, start + 500)
      const rows = await this.store.db
        .selectFrom('customers')
        .select(['id', 'external_id'])
        .where((eb) => eb.or([eb('id', 'in', chunk), eb('external_id', 'in', chunk)]))
        .execute()
      for (const row of rows) this.remember(row.id, row.external_id)
    }
    return this.byKey
  }

  /** The id for a key already known, without asking the store; undefined otherwise (then use resolve). */
  known(key: string): string | undefined {
    return this.byKey.get(key)
  }

  private async load(): Promise<void> {
    const rows = await this.store.db.selectFrom('customers').select(['id', 'external_id']).execute()
    for (const row of rows) this.remember(row.id, row.external_id)
    this.loaded = true
  }

  private remember(id: string, externalId: string | null): void {
    this.byKey.set(id, id)
    // A customer's own id wins over another customer's external id that happens to equal it.
    if (externalId && !this.byKey.has(externalId)) this.byKey.set(externalId, id)
  }
}
