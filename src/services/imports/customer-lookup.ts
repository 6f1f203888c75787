import type { Kysely } from 'kysely'
import type { CustomerRow, Database } from '../../store/schema.ts'

export type RegistrationKey = { country: string; registrationId: string }

/** What a batch wrote, in order: each customer it inserted or changed (kept) and each it was about to change (let go of its old keys). */
export type WrittenCustomers = readonly { row: CustomerRow; kept: boolean }[]

type KnownCustomers = {
  ids: Map<string, CustomerRow | null>
  externalIds: Map<string, CustomerRow | null>
  registrations: Registrations
}

/**
 * Finds customers by id, external id or (country, registration id) for one batch: fetched
 * in a few queries up front, then answered from memory, and kept up to date as the batch
 * inserts and changes customers, so a later row sees what an earlier row did.
 *
 * A pipelined import plans a batch while the one before it is still being written: that
 * batch's writes (`written()`) are given to the next lookup, which answers from them before
 * asking the store, which may not hold them yet.
 */
export class CustomerLookup {
  private readonly known: KnownCustomers = { ids: new Map(), externalIds: new Map(), registrations: new Registrations() }
  // A log replayed by the next batch's lookup, rather than maps of its own: half the map work a row.
  private readonly writes: { row: CustomerRow; kept: boolean }[] = []

  constructor(
    private readonly db: Kysely<Database>,
    inFlight: WrittenCustomers | null = null,
  ) {
    for (const { row, kept } of inFlight ?? []) {
      if (kept) keep(this.known, row)
      else letGo(this.known, row)
    }
  }

  /** What this batch inserted and changed, for the lookup of the batch after it. */
  written(): WrittenCustomers {
    return this.writes
  }

  async prefetch(keys: { ids: Iterable<string>; externalIds: Iterable<string>; registrations: Iterable<RegistrationKey> }): Promise<void> {
    const ids = unseen(keys.ids, this.known.ids)
    const externalIds = unseen(keys.externalIds, this.known.externalIds)
    for (const chunk of chunks(ids)) this.learn(await this.db.selectFrom('customers').selectAll().where('id', 'in', chunk).execute())
    for (const chunk of chunks(externalIds)) this.learn(await this.db.selectFrom('customers').selectAll().where('external_id', 'in', chunk).execute())
    // Customers found above are known by their registration ids too: ask only for the others.
    const byCountry = new Map<string, Set<string>>()
    for (const { country, registrationId } of keys.registrations) {
      if (this.known.registrations.has(country, registrationId)) continue
      byCountry.set(country, (byCountry.get(country) ?? new Set()).add(registrationId))
    }
    for (const [country, registrationIds] of byCountry) {
      for (const chunk of chunks([...registrationIds])) {
        this.learn(await this.db.selectFrom('customers').selectAll().where('country', '=', country).where('registration_id', 'in', chunk).execute())
      }
    }
    // What was asked for and not found is known to be absent.
    for (const id of ids) if (!this.known.ids.has(id)) this.known.ids.set(id, null)
    for (const externalId of externalIds) if (!this.known.externalIds.has(externalId)) this.known.externalIds.set(externalId, null)
    for (const [country, registrationIds] of byCountry) {
      for (const registrationId of registrationIds) {
        if (!this.known.registrations.has(country, registrationId)) this.known.registrations.set(country, registrationId, null)
      }
    }
  }

  async byId(id: string): Promise<CustomerRow | null> {
    if (!this.known.ids.has(id)) await this.prefetch({ ids: [id], externalIds: [], registrations: [] })
    return this.known.ids.get(id) ?? null
  }

  async byExternalId(externalId: string): Promise<CustomerRow | null> {
    if (!this.known.externalIds.has(externalId)) await this.prefetch({ ids: [], externalIds: [externalId], registrations: [] })
    return this.known.externalIds.get(externalId) ?? null
  }

  async byRegistration(country: string, registrationId: string): Promise<CustomerRow | null> {
    if (!this.known.registrations.has(country, registrationId)) await this.prefetch({ ids: [], externalIds: [], registrations: [{ country, registrationId }] })
    return this.known.registrations.get(country, registrationId) ?? null
  }

  /** Records rows the batch inserted or updated, as they now are. */
  remember(rows: readonly CustomerRow[]): void {
    for (const row of rows) {
      keep(this.known, row)
      this.writes.push({ row, kept: true })
    }
  }

  /** Records that a row's keys no longer find it (it is about to be changed). */
  forget(row: CustomerRow): void {
    letGo(this.known, row)
    this.writes.push({ row, kept: false })
  }

  /**
   * Records rows read from the store under keys not yet known. A key already known keeps its
   * answer: it was written by this batch or by the batch in flight, which the store may not show yet.
   */
  private learn(rows: readonly CustomerRow[]): void {
    for (const row of rows) {
      if (!this.known.ids.has(row.id)) this.known.ids.set(row.id, row)
      if (row.external_id && !this.known.externalIds.has(row.external_id)) this.known.externalIds.set(row.external_id, row)
      if (row.registration_id && !this.known.registrations.has(row.country, row.registration_id)) this.known.registrations.set(row.country, row.registration_id, row)
    }
  }
}

function keep(maps: KnownCustomers, row: CustomerRow): void {
  maps.ids.set(row.id, row)
  if (row.external_id) maps.externalIds.set(row.external_id, row)
  if (row.registration_id) maps.registrations.set(row.country, row.registration_id, row)
}

function letGo(maps: KnownCustomers, row: CustomerRow): void {
  if (row.external_id) maps.externalIds.set(row.external_id, null)
  if (row.registration_id) maps.registrations.set(row.country, row.registration_id, null)
}

/**
 * Answers by (country, registration id), a map of registration ids per country: a key made by
 * joining the two was a new string to hash for every question, five or so a row; the ids'
 * own strings keep their hash once computed.
 */
class Registrations {
  private readonly byCountry = new Map<string, Map<string, CustomerRow | null>>()

  has(country: string, registrationId: string): boolean {
    return this.byCountry.get(country)?.has(registrationId) ?? false
  }

  get(country: string, registrationId: string): CustomerRow | null | undefined {
    return this.byCountry.get(country)?.get(registrationId)
  }

  set(country: string, registrationId: string, row: CustomerRow | null): void {
    let ids = this.byCountry.get(country)
    if (!ids) this.byCountry.set(country, (ids = new Map()))
    ids.set(registrationId, row)
  }
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
