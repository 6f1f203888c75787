import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { seedDemo } from '../../src/cli/commands/demo.ts'
import { DEFAULT_RULE_PACK } from '../../src/domain/alerts/index.ts'
import { OPEN_CASE_STATUSES } from '../../src/domain/alerts/case-lifecycle.ts'
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

describe.each(DIALECTS)('%s: seeding the demo as `fengkong demo` does', (dialect) => {
  let store: TestStore
  let printed: string[] = []
  const seed = (customers: number) => seedDemo({ store, actor: { kind: 'system' }, customers, seed: 5, asOf: '2026-06-01' })
  const count = async (table: 'customers' | 'assessments' | 'alerts' | 'cases' | 'rules' | 'audit_entries') =>
    Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
  const openCases = async () => (await store.db.selectFrom('cases').select('status').execute()).filter((c) => (OPEN_CASE_STATUSES as readonly string[]).includes(c.status)).length
  const totals = async () => ({ customers: await count('customers'), assessments: await count('assessments'), alerts: await count('alerts'), cases: await count('cases'), rules: await count('rules'), audit: await count('audit_entries') })

  beforeAll(async () => {
    store = await openTestStore(dialect)
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')))
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true)
  })
  afterAll(async () => {
    vi.restoreAllMocks()
    await store.drop()
  })

  it('assesses every demo customer, with a grade, a PD and a limit', async () => {
    await seed(30)
    const rows = await store.db.selectFrom('customers').leftJoin('assessments', 'assessments.customer_id', 'customers.id').select(['customers.id', 'assessments.grade', 'assessments.pd', 'assessments.credit_limit']).execute()
    expect(rows).toHaveLength(30)
    expect(new Set(rows.map((row) => row.id)).size).toBe(30)
    expect(rows.filter((row) => row.grade === null || row.pd === null)).toEqual([])
    expect(rows.some((row) => row.credit_limit !== null)).toBe(true)
  })

  it('installs the default rule pack as the active rules, audited', async () => {
    const rules = await store.db.selectFrom('rules').select(['key', 'state']).orderBy('key').execute()
    expect(rules).toEqual(DEFAULT_RULE_PACK.map((rule) => ({ key: rule.key, state: 'active' })).sort((a, b) => a.key.localeCompare(b.key)))
    const audited = await store.db.selectFrom('audit_entries').select('action').where('entity', '=', 'rule').execute()
    expect(audited.filter((a) => a.action === 'rule.created')).toHaveLength(DEFAULT_RULE_PACK.length)
  })

  it('raises alerts on the activity as live and from the daily rules of the last days, grouped in one open case per customer', async () => {
    const alerts = await store.db.selectFrom('alerts').select(['customer_id', 'case_id', 'transaction_id', 'at']).where('shadow', '=', 0).execute()
    expect(alerts.some((alert) => alert.transaction_id !== null)).toBe(true)
    const daily = alerts.filter((alert) => alert.transaction_id === null)
    expect(daily.length).toBeGreaterThan(0)
    // Daily alerts are raised at the end of a day of the 30 before the demo's today.
    for (const alert of daily) expect(alert.at >= '2026-05-02T00:00:00.000Z' && alert.at <= '2026-06-01T00:00:00.000Z').toBe(true)
    const cases = await store.db.selectFrom('cases').select(['id', 'customer_id', 'status']).execute()
    const open = cases.filter((c) => (OPEN_CASE_STATUSES as readonly string[]).includes(c.status))
    expect(open.length).toBeGreaterThan(0)
    expect(new Set(open.map((c) => c.customer_id)).size).toBe(open.length)
    const caseOf = new Map(cases.map((c) => [c.id, c.customer_id]))
    for (const alert of alerts) expect(caseOf.get(alert.case_id!)).toBe(alert.customer_id)
    expect(await verifyAuditLedger({ store })).toMatchObject({ ok: true })
  })

  it('prints one summary line a step', () => {
    expect(printed.find((line) => line.startsWith('demo rules:'))).toBe(`demo rules: ${DEFAULT_RULE_PACK.length} rules of the default pack installed and active; 0 already present`)
    expect(printed.find((line) => line.startsWith('demo assessments:'))).toMatch(/^demo assessments: 30 customers assessed \(30 graded, \d+ with a credit limit\); 0 already present$/)
    expect(printed.find((line) => line.startsWith('demo daily rules'))).toMatch(/^demo daily rules \(last 30 days\): \d+ alerts raised; the store holds \d+ alerts in \d+ open cases$/)
  })

  it('adds nothing when run again, and says each step was already done', async () => {
    const before = await totals()
    printed = []
    await seed(30)
    expect(await totals()).toEqual(before)
    expect(printed.filter((line) => line.startsWith('demo '))).toEqual([
      'demo portfolio (seed 5): 0 customers created with 0 records and 0 ties; 30 already present',
      `demo rules: 0 rules of the default pack installed and active; ${DEFAULT_RULE_PACK.length} already present`,
      'demo activity: already present',
      'demo assessments: 0 customers assessed (0 graded, 0 with a credit limit); 30 already present',
      `demo daily rules: already run; the store holds ${before.alerts} alerts in ${await openCases()} open cases`,
    ])
  })

})
