import type { Kysely } from 'kysely'
import type { CustomerRow, Database } from '../../store/schema.ts'

export type RegistrationKey = { country: string; registrationId: string }

/**
 * Finds customers by id, external id or (country, registration id) for one batch: fetched
 * in a few queries up front, then answered from memory, and kept up to date as the batch
 * inserts and changes customers, so a later row sees what an earlier row did.
 */
export class CustomerLookup {
  private readonly ids = new Map<string, CustomerRow | null>()
  private readonly externalIds = new Map<string, CustomerRow | null>()
  private readonly registrations = new Map<string, CustomerRow | null>()

  constructor(private readonly db: Kysely<Database>) {}

  async prefetch(keys: { ids: Iterable<string>; externalIds: Iterable<string>; registrations: Iterable<RegistrationKey> }): Promise<void> {
    const ids = unseen(keys.ids, this.ids)
    const externalIds = unseen(keys.externalIds, this.externalIds)
    for (const chunk of chunks(ids)) this.remember(await this.db.selectFrom('customers').selectAll().where('id', 'in', chunk).execute())
    for (const chunk of chunks(externalIds)) this.remember(await this.db.selectFrom('customers').selectAll().where('external_id', 'in', chunk).execute())
    // Customers found above are known by their registration ids too: ask only for the others.
    const byCountry = new Map<string, Set<string>>()
    for (const { country, registrationId } of keys.registrations) {
      if (this.registrations.has(registrationKey(country, registrationId))) continue
      byCountry.set(country, (byCountry.get(country) ?? new Set()).add(registrationId))
    }
    for (const [country, registrationIds] of byCountry) {
      for (const chunk of chunks([...registrationIds])) {
        this.remember(await this.db.selectFrom('customers').selectAll().where('country', '=', country).where('registration_id', 'in', chunk).execute())
      }
    }
    // What was asked for and not found is known to be absent.
    for (const id of ids) if (!this.ids.has(id)) this.ids.set(id, null)
    for (const externalId of externalIds) if (!this.externalIds.has(externalId)) this.externalIds.set(externalId, null)
    for (const [country, registrationIds] of byCountry) {
      for (const registrationId of registrationIds) {
        const key = registrationKey(country, registrationId)
        if (!this.registrations.has(key)) this.registrations.set(key, null)
      }
    }
  }

  async byId(id: string): Promise<CustomerRow | null> {
    if (!this.ids.has(id)) await this.prefetch({ ids: [id], externalIds: [], registrations: [] })
    return this.ids.get(id) ?? null
  }

  async byExternalId(externalId: string): Promise<CustomerRow | null> {
    if (!this.externalIds.has(externalId)) await this.prefetch({ ids: [], externalIds: [externalId], registrations: [] })
    return this.externalIds.get(externalId) ?? null
  }

  async byRegistration(country: string, registrationId: string): Promise<CustomerRow | null> {
    const key = registrationKey(country, registrationId)
    if (!this.registrations.has(key)) await this.prefetch({ ids: [], externalIds: [], registrations: [{ country, registrationId }] })
    return this.registrations.get(key) ?? null
  }

  /** Records rows as they now are in the store (fetched, inserted or updated). */
  remember(rows: readonly CustomerRow[]): void {
    for (const row of rows) {
      this.ids.set(row.id, row)
      if (row.external_id) this.externalIds.set(row.external_id, row)
      if (row.registration_id) this.registrations.set(registrationKey(row.country, row.registration_id), row)
    }
  }

  /** Records that a row's keys no longer find it (it is about to be changed). */
  forget(row: CustomerRow): void {
    if (row.external_id) this.externalIds.set(row.external_id, null)
    if (row.registration_id) this.registrations.set(registrationKey(row.country, row.registration_id), null)
  }
}

export function registrationKey(country: string, registrationId: string): string {
  return `${country}\u0000${registrationId}`
}

/** A registration id as stored: trimmed and upper-cased, as withCustomerDefaults stores it. */
export function normaliseRegistrationId(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().toUpperCase() : null
}

function unseen(values: Iterable<string>, known: Map<string, unknown>): string[] {
  return [...new Set(values)].filter((value) => !known.has(value))
}

// Far below SQLite's (32,766) and PostgreSQL's (65,535) limits on bound parameters.
const CHUNK = 1000

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = []
  for (let start = 0; start < values.length; start += CHUNK) out.push(values.slice(start, start + CHUNK))
  return out
}
