import { describe, expect, it } from 'vitest'
import { DEFAULT_RULE_PACK } from '../../src/domain/alerts/index.ts'
import { approvalInWords, buildHandbook, escapeHtml, handbookRuleOf, LABELS, pickLanguage, renderHandbookHtml } from '../../src/domain/digest/index.ts'
import { DEFAULT_RISK_POLICY, type RiskPolicy } from '../../src/domain/policy/index.ts'

const PACK = DEFAULT_RULE_PACK.map(handbookRuleOf)

describe('the risk handbook', () => {
  it('has one row per grade of the scale with its actions, review frequency, limit factor and watch-list place', () => {
    const handbook = buildHandbook({ policy: DEFAULT_RISK_POLICY, policyVersion: 3, rules: PACK, rulesSource: 'stored' })
    expect(handbook.grades.map((g) => g.grade)).toEqual(DEFAULT_RISK_POLICY.masterScale.grades.map((g) => g.grade))
    const bb = handbook.grades.find((g) => g.grade === 'BB')!
    expect(bb).toMatchObject({ lower: 0.01, upper: 0.03, actions: ['monitor', 'require_guarantee'], review: { every: 3, unit: 'months' }, limitFactor: 0.5, isWatchList: false })
    // The default watch list starts at B.
    expect(handbook.grades.filter((g) => g.isWatchList).map((g) => g.grade)).toEqual(['B', 'CCC', 'D'])
  })

  it('orders the rules by severity, critical first, then by key', () => {
    const handbook = buildHandbook({ policy: DEFAULT_RISK_POLICY, policyVersion: 1, rules: PACK, rulesSource: 'default_pack' })
    const rank = { critical: 0, high: 1, medium: 2, low: 3 }
    const order = handbook.rules.map((r) => [rank[r.severity], r.key] as const)
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)))
    expect(handbook.rules).toHaveLength(DEFAULT_RULE_PACK.length)
  })

  it.each(['en', 'zh-CN'] as const)('shows every grade, every rule and each rule’s playbook in %s', (language) => {
    const page = renderHandbookHtml(buildHandbook({ policy: DEFAULT_RISK_POLICY, policyVersion: 2, rules: PACK, rulesSource: 'stored' }), language)
    for (const grade of DEFAULT_RISK_POLICY.masterScale.grades) expect(page).toContain(`<td><strong>${grade.grade}</strong></td>`)
    for (const rule of DEFAULT_RULE_PACK) {
      expect(page).toContain(`id="rule-${rule.key}"`)
      const name = typeof rule.name === 'string' ? rule.name : language === 'en' ? rule.name.en : rule.name.zh
      expect(page).toContain(escapeHtml(name))
      for (const item of [...rule.playbook.check, ...rule.playbook.do, ...rule.playbook.tell]) expect(page).toContain(`<li>${escapeHtml(pickLanguage(item, language))}</li>`)
    }
    expect(page).toContain(`<html lang="${language}">`)
    expect(page).not.toContain(LABELS[language].defaultPackNote)
  })

  it('says so when the rules are the default pack because none is active', () => {
    const page = renderHandbookHtml(buildHandbook({ policy: DEFAULT_RISK_POLICY, policyVersion: 0, rules: PACK, rulesSource: 'default_pack' }), 'en')
    expect(page).toContain(LABELS.en.defaultPackNote)
    expect(page).toContain('the built-in default policy')
  })

  it('puts the approval matrix in words, in order, with the amount in the matrix currency', () => {
    const amount = (minor: number) => `${(minor / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })} CNY`
    const [first, second] = DEFAULT_RISK_POLICY.approvalMatrix.rules.map((rule) => approvalInWords(rule, LABELS.en, amount))
    expect(first).toBe('Credit limit requests up to 5,000,000.00 CNY, grades AAA, AA, A, BBB: approved by 1 user with the role risk manager.')
    expect(second).toBe('Credit limit requests of any amount, any grade: approved by 2 different users with the role admin.')
    const page = renderHandbookHtml(buildHandbook({ policy: DEFAULT_RISK_POLICY, policyVersion: 1, rules: [], rulesSource: 'stored' }), 'zh-CN')
    expect(page).toContain('信用额度申请（不超过 5,000,000.00 CNY，等级 AAA, AA, A, BBB）：由 1 名风险经理审批。')
  })

  it('shows the risk appetite and the thresholds of the policy it is given', () => {
    const policy: RiskPolicy = { ...DEFAULT_RISK_POLICY, riskAppetite: { maxSingleNameShare: 0.07, maxIndustryShare: 0.25 }, thresholds: { ...DEFAULT_RISK_POLICY.thresholds, downgradeAlertNotches: 3 } }
    const page = renderHandbookHtml(buildHandbook({ policy, policyVersion: 5, rules: [], rulesSource: 'stored' }), 'en')
    expect(page).toContain('Largest share of one customer: 7 %')
    expect(page).toContain('Largest share of one industry: 25 %')
    expect(page).toContain('A downgrade by 3 notches or more at once raises an alert.')
    expect(page).toContain('Risk policy version: v5')
  })

  it('escapes the texts of a rule', () => {
    const rule = { ...PACK[0]!, key: 'x', name: '<img src=x onerror=alert(1)>', description: 'a < b & c', expression: "tx.note == '<b>'", playbook: { check: ['<script>1</script>'], do: [], tell: [] } }
    const page = renderHandbookHtml(buildHandbook({ policy: DEFAULT_RISK_POLICY, policyVersion: 1, rules: [rule], rulesSource: 'stored' }), 'en')
    expect(page).not.toContain('<img')
    expect(page).not.toContain('<script')
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(page).toContain('a &lt; b &amp; c')
    expect(page).toContain('tx.note == &#39;&lt;b&gt;&#39;')
  })

  it('picks one language of a bilingual playbook item and leaves a plain one alone', () => {
    expect(pickLanguage('call the customer / 致电客户', 'en')).toBe('call the customer')
    expect(pickLanguage('call the customer / 致电客户', 'zh-CN')).toBe('致电客户')
    expect(pickLanguage('and/or something', 'zh-CN')).toBe('and/or something')
  })
})
