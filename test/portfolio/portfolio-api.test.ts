import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { weekOf } from '../../src/domain/portfolio/index.ts'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { readPortfolioFigures } from '../../src/store/repositories/portfolio.ts'
import { insertPayments, upsertInvoices } from '../../src/store/repositories/receivables.ts'
import { DIALECTS } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

/**
 * A portfolio small enough to compute by hand (CNY minor units, USD at 7.1):
 *   A  industry C, Guangdong  owes 600,000 − 100,000 paid = 500,000   BBB (Jan) → BB (Jun), PD 2 %
 *   B  industry C, Jiangsu    owes 300,000 (another invoice is paid)    A (Jun), PD 0.2 %
 *   C  industry F, Guangdong  owes 10,000 USD = 71,000; 5,000 EUR unconverted; never rated
 *   D  industry F, no region  owes 129,000                              B (Jan), overridden to CCC (Mar), PD 4 %
 *   E  no industry, closed    owes nothing                              AA (Jan)
 * Total 1,000,000. A is C's parent (a group of 571,000); B holds 30 % of D (no control: no group).
 */
const DAY = 86_400_000
const at = (date: string) => Date.parse(`${date}T00:00:00Z`)

describe.each(DIALECTS)('%s: portfolio API', (dialect) => {
  let test: TestApp
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    test = await startTestApp(dialect, { config: { fxRates: { USD: 7.1 } } })
    const actor = { kind: 'system' } as const
    const specs = [
      ['A', { code: 'C', name: 'Manufacturing' }, 'Guangdong'],
      ['B', { code: 'C', name: 'Manufacturing' }, 'Jiangsu'],
      ['C', { code: 'F', name: 'Construction' }, 'Guangdong'],
      ['D', { code: 'F', name: 'Construction' }, null],
      ['E', null, null],
    ] as const
    for (const [name, industry, region] of specs) {
      const customer = await createCustomer({ store: test.store, actor, input: { type: 'company', name: `Company ${name}`, country: 'CN', industry, region } })
      ids[name] = customer.id
    }
    const db = test.store.db
    await db.updateTable('customers').set({ status: 'closed' }).where('id', '=', ids.E!).execute()

    const invoice = (id: string, customer: string, amount: number, currency: string, status: 'open' | 'paid' = 'open') => ({
      id, source: 'erp', customerId: ids[customer]!, number: id, issuedAt: at('2026-03-01'), dueAt: at('2026-04-30'), amount, currency, status,
    })
    await upsertInvoices(db, [
      invoice('ia', 'A', 600_000, 'CNY'),
      invoice('ib', 'B', 300_000, 'CNY'),
      invoice('ib2', 'B', 50_000, 'CNY', 'paid'),
      invoice('ic', 'C', 10_000, 'USD'),
      invoice('ic2', 'C', 5_000, 'EUR'),
      invoice('id', 'D', 129_000, 'CNY'),
    ], Date.now())
    await insertPayments(db, [
      { id: 'pa', source: 'erp', customerId: ids.A!, at: at('2026-03-15'), amount: 100_000, currency: 'CNY', allocations: [{ invoiceId: 'ia', amount: 100_000 }] },
      { id: 'pb', source: 'erp', customerId: ids.B!, at: at('2026-03-15'), amount: 50_000, currency: 'CNY', allocations: [{ invoiceId: 'ib2', amount: 50_000 }] },
    ], Date.now())

    const assessment = (id: string, customer: string, date: string, grade: string, pd: number, finalGrade = grade) => ({
      id, customer_id: ids[customer]!, created_at: `${date}T10:00:00.000Z`, created_by: 'test', grade, pd, credit_limit: null, currency: null,
      weights_version: 'w', scale_version: 's', inputs: '{}', result: '{}', override: null, final_grade: finalGrade,
    })
    await db.insertInto('assessments').values([
      assessment('a1', 'A', '2026-01-10', 'BBB', 0.005),
      assessment('a2', 'A', '2026-06-10', 'BB', 0.02),
      assessment('b1', 'B', '2026-06-01', 'A', 0.002),
      assessment('d1', 'D', '2026-01-05', 'B', 0.04),
      assessment('d2', 'D', '2026-03-01', 'B', 0.04, 'CCC'),
      assessment('e1', 'E', '2026-01-02', 'AA', 0.0005),
    ]).execute()

    const now = new Date().toISOString()
    await db.insertInto('relationships').values([
      { id: 'r1', from_customer_id: ids.A!, to_customer_id: ids.C!, kind: 'parent', share_pct: null, note: null, created_at: now },
      { id: 'r2', from_customer_id: ids.B!, to_customer_id: ids.D!, kind: 'shareholder', share_pct: 30, note: null, created_at: now },
    ]).execute()

    const contract = (id: string, customer: string, limit: number, currency: string, status: string) => ({
      id, customer_id: ids[customer]!, number: id, signed_on: null, expires_on: null, credit_terms_days: 60, credit_limit: limit, currency, securities: '[]', status, created_at: now, updated_at: now,
    })
    await db.insertInto('contracts').values([contract('k1', 'A', 2_000_000, 'CNY', 'active'), contract('k2', 'B', 999_999, 'CNY', 'draft'), contract('k3', 'C', 100_000, 'USD', 'active')]).execute()

    await db.insertInto('rules').values({ id: 'rule-1', key: 'k', version: 1, state: 'active', document: '{}', created_by: 'test', created_at: now, updated_at: now }).execute()
    const alert = (id: string, severity: string, raisedAt: string, shadow = 0) => ({
      id, rule_id: 'rule-1', rule_key: 'k', rule_version: 1, customer_id: ids.A!, severity, score: 50, status: 'closed', dedupe_key: id,
      transaction_source: null, transaction_id: id, at: raisedAt, raised_at: raisedAt, evidence: '[]', shadow, case_id: null,
    })
    const eightDaysAgo = new Date(Date.now() - 8 * DAY).toISOString()
    await db.insertInto('alerts').values([alert('al1', 'high', now), alert('al2', 'high', now), alert('al3', 'critical', eightDaysAgo), alert('al4', 'high', now, 1)]).execute()
    await db.insertInto('cases').values({ id: 'case-1', customer_id: ids.A!, status: 'closed', owner_id: null, opened_at: eightDaysAgo, closed_at: now, closed_by: 'test', disposition: 'false_positive', note: 'n', severity: 'critical', severity_rank: 4, escalation_level: 0 }).execute()
  })
  afterAll(() => test.close())

  async function get(url: string) {
    const response = await as(test, 'viewer', { method: 'GET', url })
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }

  it('keeps on each invoice what payments allocated to it, and counts a payment only from the day it was made', async () => {
    const paid = await test.store.db.selectFrom('invoices').select(['id', 'paid_amount', 'paid_through']).where('id', 'in', ['ia', 'ib', 'ib2']).orderBy('id').execute()
    expect(paid.map((row) => [row.id, Number(row.paid_amount), row.paid_through === null ? null : Number(row.paid_through)])).toEqual([
      ['ia', 100_000, at('2026-03-15')],
      ['ib', 0, null],
      ['ib2', 50_000, at('2026-03-15')],
    ])
    const owedByA = async (date: string) => {
      const figures = await readPortfolioFigures(test.store.db, { dialect, basis: 'outstanding', asOf: `${date}T00:00:00.000Z`, asOfMs: at(date), reporting: 'CNY', rates: { USD: 7.1 }, lgd: 0.45, overShare: null, top: 10 })
      return figures.top.find((named) => named.id === ids.A)?.exposure
    }
    // Before A's payment of 15 March the invoice owes all of it (the allocations are read), after it the rest (the invoice alone answers).
    expect(await owedByA('2026-03-10')).toBe(600_000)
    expect(await owedByA('2026-03-20')).toBe(500_000)
  })

  it('sums exposure by grade, industry and region, converting with the configured rates and reporting what it cannot', async () => {
    const summary = await get('/api/v1/portfolio/summary')
    expect(summary).toMatchObject({ currency: 'CNY', basis: 'outstanding', customers: 5, exposed: 4, exposure: 1_000_000 })
    expect(summary.unconverted).toEqual([{ currency: 'EUR', amount: 5_000, customers: 1 }])
    const grades = Object.fromEntries(summary.byGrade.map((b: { key: string; exposure: number }) => [b.key, b.exposure]))
    expect(grades).toEqual({ A: 300_000, AA: 0, BB: 500_000, CCC: 129_000, unrated: 71_000 })
    expect(summary.byGrade.map((b: { key: string }) => b.key)).toEqual(['AA', 'A', 'BB', 'CCC', 'unrated'])
    expect(summary.byIndustry.map((b: { key: string; name: string; exposure: number; share: number }) => [b.key, b.name, b.exposure, b.share])).toEqual([
      ['C', 'Manufacturing', 800_000, 0.8],
      ['F', 'Construction', 200_000, 0.2],
      ['unknown', 'unknown', 0, 0],
    ])
    expect(summary.byRegion.map((b: { key: string; exposure: number }) => [b.key, b.exposure])).toEqual([
      ['Guangdong', 571_000],
      ['Jiangsu', 300_000],
      ['unknown', 129_000],
    ])
  })

  it('gives HHI, effective number and top-10 by customer, industry and group, with the names and shares they rest on', async () => {
    const { concentration } = await get('/api/v1/portfolio/summary')
    // 0.5² + 0.3² + 0.129² + 0.071²
    expect(concentration.customers.hhi).toBeCloseTo(0.361682, 10)
    expect(concentration.customers.effectiveNumber).toBeCloseTo(1 / 0.361682, 8)
    expect(concentration.customers.names).toBe(4)
    expect(concentration.customers.top.share).toBe(1)
    expect(concentration.customers.top.top.map((t: { name: string; share: number }) => [t.name, t.share])).toEqual([
      ['Company A', 0.5],
      ['Company B', 0.3],
      ['Company D', 0.129],
      ['Company C', 0.071],
    ])
    // 0.8² + 0.2²
    expect(concentration.industries.hhi).toBeCloseTo(0.68, 10)
    // Groups: {A, C} 0.571, B 0.3, D 0.129 (E has nothing)
    expect(concentration.groups.hhi).toBeCloseTo(0.571 ** 2 + 0.3 ** 2 + 0.129 ** 2, 10)
    expect(concentration.groups.top.top[0]).toMatchObject({ key: ids.A, name: 'Company A (+1)', exposure: 571_000 })
  })

  it('sums expected loss as PD × LGD × EAD over the rated, reporting the unrated exposure apart', async () => {
    const { expectedLoss } = await get('/api/v1/portfolio/summary')
    // A 0.02 × 0.45 × 500,000 = 4,500; B 0.002 × 0.45 × 300,000 = 270; D 0.04 × 0.45 × 129,000 = 2,322
    expect(expectedLoss).toMatchObject({ total: 7_092, ratedExposure: 929_000, unratedExposure: 71_000, unratedCustomers: 1, lgd: 0.45 })
    expect(expectedLoss.top[0]).toEqual({ customerId: ids.A, name: 'Company A', grade: 'BB', pd: 0.02, lgd: 0.45, ead: 500_000, value: 4_500 })
    const lower = await get('/api/v1/portfolio/summary?lgd=0.2')
    expect(lower.expectedLoss.total).toBe(2_000 + 120 + 1_032)
  })

  it('lists the breaches of the default appetite with the exposure to shed', async () => {
    const { appetite } = await get('/api/v1/portfolio/summary')
    expect(appetite.breaches.map((b: { kind: string; name: string; share: number; excess: number }) => [b.kind, b.name, b.share, b.excess])).toEqual([
      ['industry', 'Manufacturing', 0.8, 714_286], // (800,000 − 0.3 × 1,000,000) / 0.7
      ['group', 'Company A (+1)', 0.571, 495_295], // (571,000 − 150,000) / 0.85
      ['single_name', 'Company A', 0.5, 444_445], // (500,000 − 100,000) / 0.9
      ['single_name', 'Company B', 0.3, 222_223],
      ['single_name', 'Company D', 0.129, 32_223],
    ])
  })

  it('takes the credit limits of active contracts as EAD on the limit basis', async () => {
    const summary = await get('/api/v1/portfolio/summary?basis=limit')
    // A 2,000,000 CNY; C 100,000 USD × 7.1 = 710,000; B's contract is a draft.
    expect(summary).toMatchObject({ basis: 'limit', exposure: 2_710_000, exposed: 2 })
    expect(summary.concentration.customers.hhi).toBeCloseTo((2_000_000 / 2_710_000) ** 2 + (710_000 / 2_710_000) ** 2, 10)
  })

  it('gives no concentration figures, with the reason, when nothing is exposed', async () => {
    const groups = await get('/api/v1/portfolio/groups?basis=limit&minSharePct=25')
    // B and D form a group too, with nothing exposed on this basis.
    expect(groups.items.map((g: { exposure: number; members: unknown[] }) => [g.exposure, g.members.length])).toEqual([[2_710_000, 2], [0, 2]])
    expect(groups.items[0].name).toBe('Company A')
    await test.store.db.updateTable('contracts').set({ status: 'expired' }).execute()
    const summary = await get('/api/v1/portfolio/summary?basis=limit')
    expect(summary).toMatchObject({ exposure: 0, exposed: 0 })
    expect(summary.concentration.customers.hhi).toBeNull()
    expect(summary.concentration.customers.reason).toMatch(/no exposure/)
  })

  it('builds the grade migration matrix, counting new and exited customers', async () => {
    const today = new Date().toISOString().slice(0, 10)
    const matrix = await get(`/api/v1/portfolio/migration?from=2026-02-01&to=${today}`)
    const cell = (from: string, to: string) => matrix.rows.find((r: { from: string }) => r.from === from).counts[matrix.columns.indexOf(to)]
    expect(matrix.columns.at(-1)).toBe('exited')
    expect([cell('BBB', 'BB'), cell('B', 'CCC'), cell('AA', 'exited'), cell('new', 'A')]).toEqual([1, 1, 1, 1])
    expect(matrix).toMatchObject({ customers: 4, upgrades: 0, downgrades: 2, unchanged: 0 })
    expect(matrix.rows.find((r: { from: string }) => r.from === 'BBB').percentages[matrix.columns.indexOf('BB')]).toBe(100)

    const spring = await get('/api/v1/portfolio/migration?from=2026-02-01&to=2026-04-01')
    expect(spring).toMatchObject({ customers: 3, unchanged: 2, downgrades: 1 })
  })

  it('refuses a migration whose start is after its end, naming the field', async () => {
    const response = await as(test, 'viewer', { method: 'GET', url: '/api/v1/portfolio/migration?from=2026-05-01&to=2026-04-01' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details).toEqual([{ path: 'from', message: 'must not be after to (2026-04-01)' }])
  })

  it('lists connected groups with members and the ties that join them; a lower control threshold joins B and D', async () => {
    const groups = await get('/api/v1/portfolio/groups')
    expect(groups).toMatchObject({ total: 1_000_000, groups: 1, rules: { minSharePct: 50 } })
    expect(groups.items[0]).toMatchObject({ leadId: ids.A, name: 'Company A', exposure: 571_000, share: 0.571, breach: true })
    expect(groups.items[0].members.map((m: { name: string; ead: number }) => [m.name, m.ead])).toEqual([['Company A', 500_000], ['Company C', 71_000]])
    expect(groups.items[0].ties).toEqual([{ fromId: ids.A, toId: ids.C, kind: 'parent', sharePct: null }])

    const looser = await get('/api/v1/portfolio/groups?minSharePct=25')
    expect(looser.items.map((g: { name: string; exposure: number }) => [g.name, g.exposure])).toEqual([['Company A', 571_000], ['Company B', 429_000]])
  })

  it('counts alerts per week by severity (not shadow hits) and closed cases per week by disposition', async () => {
    const trends = await get('/api/v1/portfolio/alert-trends?weeks=4')
    expect(trends.alerts.weeks).toHaveLength(4)
    const thisWeek = trends.alerts.weeks.indexOf(weekOf(new Date().toISOString().slice(0, 10)))
    expect(thisWeek).toBe(3)
    const lastWeek = trends.alerts.weeks.indexOf(weekOf(new Date(Date.now() - 8 * DAY).toISOString().slice(0, 10)))
    const series = Object.fromEntries(trends.alerts.series.map((s: { key: string; counts: number[] }) => [s.key, s.counts]))
    expect(series.high[thisWeek]).toBe(2)
    expect(series.critical[lastWeek]).toBe(1)
    expect(trends.alerts.series.map((s: { key: string }) => s.key)).toEqual(['low', 'medium', 'high', 'critical'])
    expect(trends.dispositions.series).toEqual([{ key: 'false_positive', counts: [0, 0, 0, 1], total: 1 }])
  })
})
