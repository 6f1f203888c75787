import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyAuditLedger } from '../../src/services/audit/verify-audit-ledger.ts'
import { createDemoUsers } from '../../src/services/demo/create-demo-users.ts'
import { seedDemoPortfolio } from '../../src/services/demo/seed-demo-portfolio.ts'
import { logIn } from '../../src/services/auth/log-in.ts'
import { DIALECTS, openTestStore, type TestStore } from '../helpers/dialects.ts'

describe.each(DIALECTS)('%s: seeding the demo', (dialect) => {
  let store: TestStore
  beforeAll(async () => {
    store = await openTestStore(dialect)
  })
  afterAll(() => store.drop())

  it('writes the portfolio with its records and ties, all audited', async () => {
    const result = await seedDemoPortfolio({ store, actor: { kind: 'system' }, customers: 30, seed: 3 })
    expect(result.created).toBe(30)
    const count = async (table: 'customers' | 'financial_statements' | 'contacts') =>
      Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
    expect(await count('customers')).toBe(30)
    expect(await count('financial_statements')).toBe(90)
    expect(await count('contacts')).toBeGreaterThanOrEqual(30)
    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: true })
  })

  it('adds nothing when run again with the same seed', async () => {
    const again = await seedDemoPortfolio({ store, actor: { kind: 'system' }, customers: 30, seed: 3 })
    expect(again).toMatchObject({ created: 0, skipped: 30, records: 0 })
  })

  it('creates one demo user per role whose printed password signs in, once', async () => {
    const logins = await createDemoUsers({ store, actor: { kind: 'system' } })
    expect(logins.map((l) => l.role)).toEqual(['admin', 'risk_manager', 'analyst', 'viewer'])
    const session = await logIn({ store, email: logins[2]!.email, password: logins[2]!.password, sessionHours: 1 })
    expect(session.user.role).toBe('analyst')
    expect(await createDemoUsers({ store, actor: { kind: 'system' } })).toEqual([])
  })
})
