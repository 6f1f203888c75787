import { describe, expect, it } from 'vitest'
import { buildRiskDigest, renderDigestHtml, type RiskDigestInput } from '../../src/domain/digest/index.ts'

const GRADES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'D']

function input(overrides: Partial<RiskDigestInput> = {}): RiskDigestInput {
  return {
    week: '2026-W10',
    from: '2026-03-02T00:00:00.000Z',
    to: '2026-03-09T00:00:00.000Z',
    generatedAt: '2026-03-10T08:00:00.000Z',
    currency: 'CNY',
    grades: GRADES,
    alerts: [],
    casesOpened: [],
    casesClosed: [],
    gradeChanges: [],
    portfolio: null,
    topExposures: [],
    appetiteBreaches: [],
    ...overrides,
  }
}

/** A busy week: 6 alerts of two rules, 2 cases opened, 4 closed, three grade moves and a portfolio of 1,000,000 minor units. */
const BUSY = input({
  alerts: [
    { ruleKey: 'dpd_30', ruleName: { zh: '逾期30天', en: 'DPD 30' }, severity: 'high', count: 2 },
    { ruleKey: 'large_amount', ruleName: { zh: '大额交易', en: 'Large amount' }, severity: 'medium', count: 3 },
    { ruleKey: 'dpd_30', ruleName: { zh: '逾期30天', en: 'DPD 30' }, severity: 'critical', count: 1 },
  ],
  casesOpened: [
    { severity: 'high', count: 1 },
    { severity: 'critical', count: 1 },
  ],
  casesClosed: [
    { disposition: 'true_positive', count: 1 },
    { disposition: 'false_positive', count: 2 },
    { disposition: null, count: 1 },
  ],
  gradeChanges: [
    { customerId: 'c1', name: 'Down Two', from: 'BBB', to: 'B' },
    { customerId: 'c2', name: 'Up One', from: 'A', to: 'AA' },
    { customerId: 'c3', name: 'Fresh', from: null, to: 'BB' },
    { customerId: 'c4', name: 'Same', from: 'A', to: 'A' },
    { customerId: 'c5', name: 'Odd', from: 'A', to: 'X1' },
  ],
  portfolio: {
    asOf: '2026-03-08T23:59:59.999Z',
    customers: 3,
    exposed: 2,
    exposure: 1_000_000,
    byGrade: [
      { grade: 'BB', customers: 1, exposure: 600_000 },
      { grade: 'B', customers: 2, exposure: 400_000 },
    ],
    hhi: 0.52,
    unconverted: [],
  },
  topExposures: [
    { customerId: 'c1', name: 'Down Two', exposure: 600_000 },
    { customerId: 'c3', name: 'Fresh', exposure: 400_000 },
  ],
  appetiteBreaches: [
    { kind: 'single_name', name: 'Fresh', exposure: 400_000, share: 0.4, limit: 0.1 },
    { kind: 'single_name', name: 'Down Two', exposure: 600_000, share: 0.6, limit: 0.1 },
  ],
  overdueReviews: [{ customerId: 'c9', name: 'Late Co', grade: 'B', assessedAt: '2025-12-01T00:00:00Z', dueOn: '2026-01-01' }],
})

describe('the weekly risk digest', () => {
  it('totals alerts by severity, every severity listed and zero where none, with the sum’s inputs', () => {
    const digest = buildRiskDigest(BUSY)
    expect(digest.alerts.bySeverity).toEqual([
      { severity: 'low', count: 0 },
      { severity: 'medium', count: 3 },
      { severity: 'high', count: 2 },
      { severity: 'critical', count: 1 },
    ])
    expect(digest.alerts.total.value).toBe(6)
    expect(digest.alerts.total.inputs).toEqual({ low: 0, medium: 3, high: 2, critical: 1 })
    expect(digest.alerts.byRule.map((r) => [r.ruleKey, r.severity, r.count])).toEqual([
      ['large_amount', 'medium', 3],
      ['dpd_30', 'high', 2],
      ['dpd_30', 'critical', 1],
    ])
  })

  it('counts cases opened and closed, a closed case without a disposition included, and the true-positive share of the closed', () => {
    const { cases } = buildRiskDigest(BUSY)
    expect(cases.opened.value).toBe(2)
    expect(cases.closed.value).toBe(4)
    expect(cases.closedByDisposition).toEqual([
      { disposition: 'true_positive', count: 1 },
      { disposition: 'false_positive', count: 2 },
      { disposition: 'not_actionable', count: 0 },
      { disposition: 'none', count: 1 },
    ])
    expect(cases.truePositiveRate).toEqual({ value: 0.25, formula: 'true_positive ÷ closed', inputs: { true_positive: 1, closed: 4 } })
  })

  it('sorts grade changes into downgrades and upgrades by notches on the scale, first ratings, and changes off the scale; an unchanged grade is no change', () => {
    const { gradeChanges } = buildRiskDigest(BUSY)
    expect(gradeChanges.downgrades.items.map((c) => [c.name, c.notches])).toEqual([['Down Two', 2]])
    expect(gradeChanges.upgrades.items.map((c) => [c.name, c.notches])).toEqual([['Up One', -1]])
    expect(gradeChanges.newlyRated.items.map((c) => c.name)).toEqual(['Fresh'])
    expect(gradeChanges.other.items.map((c) => c.name)).toEqual(['Odd'])
  })

  it('gives each exposure its share of the total with the inputs, and the share of the largest names', () => {
    const digest = buildRiskDigest(BUSY)
    expect(digest.topExposures.map((t) => t.share)).toEqual([
      { value: 0.6, formula: 'exposure ÷ total exposure', inputs: { exposure: 600_000, total: 1_000_000 } },
      { value: 0.4, formula: 'exposure ÷ total exposure', inputs: { exposure: 400_000, total: 1_000_000 } },
    ])
    expect(digest.portfolio!.topShare.value).toBe(1)
    expect(digest.portfolio!.byGrade.map((g) => g.share.value)).toEqual([0.6, 0.4])
    expect(digest.appetiteBreaches.map((b) => b.name)).toEqual(['Down Two', 'Fresh'])
  })

  it('keeps every count but lists at most listLimit names', () => {
    const many = Array.from({ length: 5 }, (_, i) => ({ customerId: `c${i}`, name: `Name ${i}`, from: 'A', to: 'BBB' }))
    const digest = buildRiskDigest(input({ gradeChanges: many, listLimit: 2 }))
    expect(digest.gradeChanges.downgrades.count).toBe(5)
    expect(digest.gradeChanges.downgrades.items.map((c) => c.name)).toEqual(['Name 0', 'Name 1'])
    expect(renderDigestHtml(digest, 'en')).toContain('… and 3 more not listed.')
  })

  it('calls a week with no alert, case or grade change quiet, and a busy one not', () => {
    expect(buildRiskDigest(input()).isQuiet).toBe(true)
    expect(buildRiskDigest(BUSY).isQuiet).toBe(false)
    expect(buildRiskDigest(input({ casesClosed: [{ disposition: 'false_positive', count: 1 }] })).isQuiet).toBe(false)
    expect(buildRiskDigest(input()).cases.truePositiveRate.value).toBeNull()
  })

  it('refuses a negative count', () => {
    expect(() => buildRiskDigest(input({ alerts: [{ ruleKey: 'k', ruleName: 'k', severity: 'low', count: -1 }] }))).toThrow(RangeError)
  })
})

describe('the digest page', () => {
  it('says an empty week is quiet, in each language, and that what was not read is not reported', () => {
    const empty = buildRiskDigest(input())
    const en = renderDigestHtml(empty, 'en')
    expect(en).toContain('A quiet week: no new alerts, no cases opened or closed and no grade changes.')
    expect(en).toContain('Not reported.')
    const zh = renderDigestHtml(empty, 'zh-CN')
    expect(zh).toContain('本周平稳')
    expect(zh).toContain('<html lang="zh-CN">')
    expect(renderDigestHtml(buildRiskDigest(BUSY), 'en')).not.toContain('A quiet week')
  })

  it('shows the week, the totals and amounts in the reporting currency, and the rule names in the language', () => {
    const en = renderDigestHtml(buildRiskDigest(BUSY), 'en')
    expect(en).toContain('2026-W10 (2026-03-02 – 2026-03-08)')
    expect(en).toMatch(/New alerts<\/div>/)
    expect(en).toContain('<div class="value">6</div>')
    expect(en).toContain('10,000.00 CNY')
    expect(en).toContain('60.0 %')
    expect(en).toContain('DPD 30')
    expect(en).toContain('Late Co')
    expect(renderDigestHtml(buildRiskDigest(BUSY), 'zh-CN')).toContain('逾期30天')
  })

  it('escapes every text from the data and loads nothing from outside', () => {
    const hostile = '<script>alert("x")</script> & Co'
    const page = renderDigestHtml(
      buildRiskDigest(input({ gradeChanges: [{ customerId: 'h', name: hostile, from: 'A', to: 'B' }], alerts: [{ ruleKey: 'k', ruleName: '<b>bold</b>', severity: '"><i>', count: 1 }] })),
      'en',
    )
    expect(page).not.toContain('<script')
    expect(page).not.toContain('<b>bold')
    expect(page).not.toContain('"><i>')
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co')
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//)
    expect(page).toContain('<style>')
    expect(page).toContain('@page { size: A4')
  })
})
