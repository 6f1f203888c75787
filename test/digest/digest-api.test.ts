import { existsSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_RULE_PACK } from '../../src/domain/alerts/index.ts'
import { createCustomer } from '../../src/services/customers/create-customer.ts'
import { buildRiskHandbook } from '../../src/services/digest/build-handbook.ts'
import { buildWeeklyDigest } from '../../src/services/digest/build-weekly-digest.ts'
import { NO_CHROMIUM_MESSAGE, renderPdf } from '../../src/services/digest/render-pdf.ts'
import { upsertInvoices } from '../../src/store/repositories/receivables.ts'
import { DIALECTS, openTestStore } from '../helpers/dialects.ts'
import { as, startTestApp, type TestApp } from '../helpers/server.ts'

/**
 * Week 2026-W10 is [2026-03-02, 2026-03-09). In it, on a small book (CNY minor units):
 *   alerts  3 of rule "big_one" (2 high, 1 critical); left out: a shadow hit, one on 1 March, one at 9 March 00:00
 *   cases   1 opened (high); 2 closed (1 true positive, 1 false positive), one of them opened the week before
 *   grades  Alpha BBB → BB (a downgrade of 1), Beta first rated A; Gamma stays B since December: monthly review overdue
 *   owed at the week's end  Alpha 600,000, Beta 400,000 = 1,000,000; Gamma's invoice of 20 March is not yet issued
 */
const CHROMIUM = process.env.FENGKONG_CHROMIUM || '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)
if (!hasChromium) console.warn(`\n[fengkong tests] SKIPPING the digest PDF tests: ${CHROMIUM} is not installed (apt-get install chromium fonts-wqy-microhei)\n`)

const at = (iso: string) => Date.parse(iso)

describe.each(DIALECTS)('%s: weekly digest and handbook API', (dialect) => {
  let test: TestApp
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    test = await startTestApp(dialect)
    const actor = { kind: 'system' } as const
    for (const [key, name] of [['alpha', 'Alpha Trading'], ['beta', 'Beta <Foods> & Co'], ['gamma', 'Gamma Steel']] as const) {
      const customer = await createCustomer({ store: test.store, actor, input: { type: 'company', name, country: 'CN', industry: { code: 'C', name: 'Manufacturing' }, region: 'Guangdong' } })
      ids[key] = customer.id
    }
    const db = test.store.db
    const invoice = (id: string, customer: string, amount: number, issued: string) => ({
      id, source: 'erp', customerId: ids[customer]!, number: id, issuedAt: at(issued), dueAt: at(issued) + 30 * 86_400_000, amount, currency: 'CNY', status: 'open' as const,
    })
    await upsertInvoices(db, [invoice('i1', 'alpha', 600_000, '2026-02-20T00:00:00Z'), invoice('i2', 'beta', 400_000, '2026-03-04T00:00:00Z'), invoice('i3', 'gamma', 500_000, '2026-03-20T00:00:00Z')], Date.now())

    const assessment = (id: string, customer: string, createdAt: string, grade: string, pd: number) => ({
      id, customer_id: ids[customer]!, created_at: createdAt, created_by: 'test', grade, pd, credit_limit: null, currency: null,
      weights_version: 'w', scale_version: 's', inputs: '{}', result: '{}', override: null, final_grade: grade,
    })
    await db.insertInto('assessments').values([
      assessment('a1', 'alpha', '2026-01-10T10:00:00.000Z', 'BBB', 0.005),
      assessment('a2', 'alpha', '2026-03-04T10:00:00.000Z', 'BB', 0.02),
      assessment('b1', 'beta', '2026-03-05T10:00:00.000Z', 'A', 0.002),
      assessment('g1', 'gamma', '2025-12-01T10:00:00.000Z', 'B', 0.05),
    ]).execute()

    const now = new Date().toISOString()
    const document = JSON.stringify({ ...DEFAULT_RULE_PACK[0]!, id: 'rule-1', key: 'big_one', name: { zh: '大额测试', en: 'Big one' }, playbook: { check: ['the invoice / 发票'], do: ['call / 致电'], tell: ['the RM / 客户经理'] } })
    await db.insertInto('rules').values({ id: 'rule-1', key: 'big_one', version: 1, state: 'active', document, created_by: 'test', created_at: now, updated_at: now }).execute()
    const alert = (id: string, severity: string, raisedAt: string, shadow = 0) => ({
      id, rule_id: 'rule-1', rule_key: 'big_one', rule_version: 1, customer_id: ids.alpha!, severity, score: 50, status: 'new', dedupe_key: id,
      transaction_source: null, transaction_id: id, at: raisedAt, raised_at: raisedAt, evidence: '[]', shadow, case_id: null,
    })
    await db.insertInto('alerts').values([
      alert('in1', 'high', '2026-03-02T00:00:00.000Z'),
      alert('in2', 'high', '2026-03-05T12:00:00.000Z'),
      alert('in3', 'critical', '2026-03-08T23:59:59.999Z'),
      alert('shadow', 'high', '2026-03-05T12:00:00.000Z', 1),
      alert('before', 'critical', '2026-03-01T23:59:59.999Z'),
      alert('after', 'critical', '2026-03-09T00:00:00.000Z'),
    ]).execute()
    const kase = (id: string, openedAt: string, closedAt: string | null, disposition: string | null, severity: string) => ({
      id, customer_id: ids.alpha!, status: closedAt ? 'closed' : 'new', owner_id: null, opened_at: openedAt, closed_at: closedAt, closed_by: closedAt ? 'test' : null, disposition, note: null,
      team_id: null, severity, severity_rank: severity === 'critical' ? 4 : 3, sla_due_at: null, escalation_level: 0, escalated_at: null,
    })
    await db.insertInto('cases').values([
      kase('k1', '2026-03-03T09:00:00.000Z', null, null, 'high'),
      kase('k2', '2026-02-25T09:00:00.000Z', '2026-03-04T09:00:00.000Z', 'true_positive', 'critical'),
      kase('k3', '2026-03-02T09:00:00.000Z', '2026-03-06T09:00:00.000Z', 'false_positive', 'high'),
    ]).execute()
  })
  afterAll(() => test.close())

  async function get(url: string, role: 'viewer' | 'analyst' = 'viewer') {
    const response = await as(test, role, { method: 'GET', url })
    expect(response.statusCode, response.body).toBe(200)
    return response
  }

  it('counts the week’s alerts, cases and grade changes, leaving out shadow hits and what falls outside [Monday, next Monday)', async () => {
    const digest = (await get('/api/v1/digest/weekly?week=2026-W10&format=json')).json()
    expect(digest).toMatchObject({ week: '2026-W10', from: '2026-03-02T00:00:00.000Z', to: '2026-03-09T00:00:00.000Z', isQuiet: false, currency: 'CNY' })
    expect(digest.alerts.total.value).toBe(3)
    expect(digest.alerts.byRule).toEqual([
      { ruleKey: 'big_one', ruleName: { zh: '大额测试', en: 'Big one' }, severity: 'high', count: 2 },
      { ruleKey: 'big_one', ruleName: { zh: '大额测试', en: 'Big one' }, severity: 'critical', count: 1 },
    ])
    expect(digest.cases.opened.value).toBe(2)
    expect(digest.cases.closed.value).toBe(2)
    expect(digest.cases.truePositiveRate.value).toBe(0.5)
    expect(digest.gradeChanges.downgrades.items.map((c: { name: string; from: string; to: string; notches: number }) => [c.name, c.from, c.to, c.notches])).toEqual([['Alpha Trading', 'BBB', 'BB', 1]])
    expect(digest.gradeChanges.newlyRated.items.map((c: { name: string }) => c.name)).toEqual(['Beta <Foods> & Co'])
    expect(digest.overdueReviews.items.map((o: { name: string; dueOn: string }) => [o.name, o.dueOn])).toEqual([['Gamma Steel', '2026-01-01']])
  })

  it('takes the portfolio at the end of the week: exposure, largest names and the breaches of the risk appetite', async () => {
    const digest = (await get('/api/v1/digest/weekly?week=2026-W10&format=json')).json()
    expect(digest.portfolio).toMatchObject({ customers: 3, exposed: 2, exposure: 1_000_000, asOf: '2026-03-08T23:59:59.999Z' })
    expect(digest.topExposures.map((t: { name: string; exposure: number; share: { value: number } }) => [t.name, t.exposure, t.share.value])).toEqual([
      ['Alpha Trading', 600_000, 0.6],
      ['Beta <Foods> & Co', 400_000, 0.4],
    ])
    // The default policy allows 10 % for one name and 30 % for one industry.
    expect(digest.appetiteBreaches.map((b: { kind: string; name: string }) => `${b.kind}:${b.name}`)).toEqual(['industry:Manufacturing', 'single_name:Alpha Trading', 'single_name:Beta <Foods> & Co'])
  })

  it('answers a printable HTML page with the week’s figures, escaped, in the language asked for', async () => {
    const response = await get('/api/v1/digest/weekly?week=2026-W10&lang=en')
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-security-policy']).toContain("default-src 'none'")
    const page = response.body
    expect(page).toContain('Weekly risk digest 2026-W10')
    expect(page).toContain('2026-03-02 – 2026-03-08')
    expect(page).toContain('<div class="value">3</div><div class="label">New alerts</div>')
    expect(page).toContain('Big one')
    expect(page).toContain('10,000.00 CNY')
    expect(page).toContain('Alpha Trading')
    expect(page).toContain('Beta &lt;Foods&gt; &amp; Co')
    expect(page).not.toContain('<Foods>')
    expect(page).toContain('Gamma Steel')
    const zh = (await get('/api/v1/digest/weekly?week=2026-W10&lang=zh-CN')).body
    expect(zh).toContain('每周风险简报 2026-W10')
    expect(zh).toContain('大额测试')
  })

  it('says a week without events is quiet', async () => {
    const page = (await get('/api/v1/digest/weekly?week=2025-W40&lang=en')).body
    expect(page).toContain('A quiet week')
  })

  it('takes the last full week by default, on the clock it is given', async () => {
    const digest = await buildWeeklyDigest({ store: test.store, now: at('2026-03-11T08:00:00Z') })
    expect(digest.week).toBe('2026-W10')
    expect(digest.alerts.total.value).toBe(3)
    expect(digest.generatedAt).toBe('2026-03-11T08:00:00.000Z')
  })

  it('refuses a week that does not exist, naming the field', async () => {
    const response = await as(test, 'viewer', { method: 'GET', url: '/api/v1/digest/weekly?week=2025-W53' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.details[0].path).toBe('week')
    expect((await as(test, 'viewer', { method: 'GET', url: '/api/v1/digest/weekly?lang=fr' })).statusCode).toBe(400)
  })

  it('answers the handbook of the active policy with the stored active rules’ playbooks', async () => {
    const handbook = (await get('/api/v1/handbook?format=json')).json()
    expect(handbook.rulesSource).toBe('stored')
    expect(handbook.rules.map((r: { key: string }) => r.key)).toEqual(['big_one'])
    expect(handbook.grades.map((g: { grade: string }) => g.grade)).toEqual(['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'D'])
    const page = (await get('/api/v1/handbook?lang=en')).body
    expect(page).toContain('<title>Risk handbook</title>')
    expect(page).toContain('id="rule-big_one"')
    expect(page).toContain('<li>the invoice</li>')
    const zh = (await get('/api/v1/handbook?lang=zh-CN')).body
    expect(zh).toContain('<title>风险手册</title>')
    expect(zh).toContain('<li>发票</li>')
  })

  it.skipIf(!hasChromium)('prints the digest and the handbook to PDF attachments', { timeout: 60_000 }, async () => {
    const digest = await get('/api/v1/digest/weekly?week=2026-W10&lang=zh-CN&format=pdf')
    expect(digest.headers['content-type']).toBe('application/pdf')
    expect(digest.headers['content-disposition']).toBe('attachment; filename="risk-digest-2026-W10-zh-CN.pdf"')
    expect(digest.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const handbook = await get('/api/v1/handbook?lang=en&format=pdf')
    expect(handbook.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  })
})

describe('printing to PDF', () => {
  it('says how to get Chromium when the browser is not there', async () => {
    await expect(renderPdf({ html: '<p>x</p>', executablePath: '/nonexistent/chromium' })).rejects.toThrow(NO_CHROMIUM_MESSAGE)
  })
})

describe.each(DIALECTS)('%s: the handbook without active rules', (dialect) => {
  it('shows the default pack’s playbooks when no rule is active (a draft does not count)', async () => {
    const store = await openTestStore(dialect)
    try {
      const now = new Date().toISOString()
      const draft = { ...DEFAULT_RULE_PACK[0]!, id: 'draft-1', key: 'drafty', state: 'draft' }
      await store.db.insertInto('rules').values({ id: 'draft-1', key: 'drafty', version: 1, state: 'draft', document: JSON.stringify(draft), created_by: 'test', created_at: now, updated_at: now }).execute()
      const handbook = await buildRiskHandbook({ store })
      expect(handbook.rulesSource).toBe('default_pack')
      expect(handbook.rules.map((r) => r.key).sort()).toEqual(DEFAULT_RULE_PACK.map((r) => r.key).sort())
    } finally {
      await store.drop()
    }
  })
})
