import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { CustomerLookup } from '../../src/services/imports/customer-lookup.ts'
import type { CustomerRow } from '../../src/store/schema.ts'
import { openTestStore, type TestStore } from '../helpers/dialects.ts'
import { registrationIdOf } from './fixtures.ts'

const actor = { kind: 'cli', name: 'tester' } as const

describe('looking customers up for an import batch', () => {
  let store: TestStore
  let stored: CustomerRow
  beforeEach(async () => {
    store = await openTestStore('sqlite')
    const created = await createCustomer({ store, actor, input: { type: 'company', name: '旧名公司', country: 'CN', externalId: 'old', registrationId: registrationIdOf(5) } })
    stored = await store.db.selectFrom('customers').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow()
  })
  afterEach(async () => {
    await store.drop()
  })

  it('answers from the batch still in flight before the store, which may not hold its writes yet', async () => {
    // The batch in flight re-keyed the stored customer and inserted another; none of it is committed.
    const inFlight = new CustomerLookup(store.db)
    const rekeyed = { ...stored, external_id: 'new', registration_id: registrationIdOf(6), version: 2 }
    const inserted = { ...stored, id: 'b7c0e5a0-0000-7000-8000-000000000001', external_id: 'fresh', registration_id: null }
    inFlight.forget(stored)
    inFlight.remember([rekeyed, inserted])

    const next = new CustomerLookup(store.db, inFlight.written())
    await next.prefetch({ ids: [stored.id], externalIds: ['old', 'new', 'fresh'], registrations: [{ country: 'CN', registrationId: registrationIdOf(5) }] })
    expect(await next.byExternalId('old')).toBeNull()
    expect(await next.byRegistration('CN', registrationIdOf(5))).toBeNull()
    expect(await next.byExternalId('new')).toEqual(rekeyed)
    expect(await next.byId(stored.id)).toEqual(rekeyed)
    expect(await next.byRegistration('CN', registrationIdOf(6))).toEqual(rekeyed)
    expect(await next.byExternalId('fresh')).toEqual(inserted)
  })

  it('hands on only what its own batch wrote, not what it read or was handed', async () => {
    const first = new CustomerLookup(store.db)
    first.remember([{ ...stored, id: 'b7c0e5a0-0000-7000-8000-000000000002', external_id: 'one', registration_id: null }])
    const second = new CustomerLookup(store.db, first.written())
    await second.prefetch({ ids: [stored.id], externalIds: ['one'], registrations: [] })
    const two = { ...stored, id: 'b7c0e5a0-0000-7000-8000-000000000003', external_id: 'two', registration_id: null }
    second.remember([two])
    expect(second.written()).toEqual([{ row: two, kept: true }])
    // By the third batch the first has landed: what it wrote comes from the store (here: nothing, it was never written).
    const third = new CustomerLookup(store.db, second.written())
    expect(await third.byExternalId('two')).toEqual(two)
    expect(await third.byExternalId('one')).toBeNull()
  })

  it('without a batch in flight, reads the store', async () => {
    const lookup = new CustomerLookup(store.db)
    expect(await lookup.byExternalId('old')).toEqual(stored)
    expect(await lookup.byRegistration('CN', registrationIdOf(5))).toEqual(stored)
  })
})
