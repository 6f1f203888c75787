import { describe, expect, it } from 'vitest'
import { CUSTOMER_FIELD_DEFAULTS, type Customer } from '../../src/domain/customers/index.ts'
import { computeRatios } from '../../src/domain/scoring/index.ts'
import type { BureauRecord, Statement } from '../../src/schemas/customer-records.ts'
import { featuresOf, fullYears } from '../../src/services/models/customer-features.ts'

const customer: Customer = {
  ...CUSTOMER_FIELD_DEFAULTS,
  id: 'c-1',
  type: 'company',
  name: '宁波手工测试制造有限公司',
  country: 'CN',
  region: '浙江省',
  industry: { code: 'c39', name: '计算机、通信和其他电子设备制造业' },
  founded: '2015-06-30',
  employees: 320,
  listed: true,
  status: 'active',
  customFields: { segment: 'export', creditLine: 5_000_000, note: null, blank: '  ' },
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
}

function statement(periodEnd: string, periodMonths: number, items: Statement['items']): Statement {
  return { id: `s-${periodEnd}-${periodMonths}`, customerId: 'c-1', createdAt: '', updatedAt: '', periodEnd, periodMonths, currency: 'CNY', audited: true, items }
}

const bureau: BureauRecord = {
  id: 'b-1',
  customerId: 'c-1',
  createdAt: '',
  agency: '百行征信',
  reportedOn: '2026-03-31',
  score: 712,
  scoreMin: 300,
  scoreMax: 850,
  rating: 'A',
  recommendedLimit: null,
  currency: null,
  defaults: 0,
  courtJudgments: 2,
  taxArrears: 15_000,
}

describe('customer features', () => {
  it('flattens the profile, custom fields, the latest statement and the latest bureau record into named features', () => {
    const year2024 = statement('2024-12-31', 12, { revenue: 800, netIncome: 40, totalAssets: 1_000 })
    const year2025 = statement('2025-12-31', 12, { revenue: 1_000, netIncome: 50, totalAssets: 1_200, currentAssets: 600, currentLiabilities: 400, inventory: null })
    const half2025 = statement('2025-12-31', 6, { revenue: 520 })
    const features = featuresOf({ customer, statements: [year2024, half2025, year2025], bureau }, '2026-06-29')

    expect(features).toMatchObject({
      type: 'company',
      country: 'CN',
      region: '浙江省',
      industryCode: 'c39',
      industrySection: 'C',
      employees: 320,
      ageYears: 10,
      listed: 1,
      status: 'active',
      'custom.segment': 'export',
      'custom.creditLine': 5_000_000,
      'statement.revenue': 1_000,
      'statement.currentAssets': 600,
      'ratio.currentRatio': 1.5,
      'ratio.revenueGrowth': 0.25,
      'bureau.score': 712,
      'bureau.defaults': 0,
      'bureau.courtJudgments': 2,
      'bureau.taxArrears': 15_000,
    })
    // The full year is the latest statement (the longer period first at the same end), and its ratios are the domain's.
    const ratios = computeRatios(year2025, year2024)
    for (const [name, ratio] of Object.entries(ratios)) {
      if (ratio.value === null) expect(features).not.toHaveProperty(`ratio.${name}`)
      else expect(features[`ratio.${name}`]).toBe(ratio.value)
    }
    // What is not known is absent, never null: empty custom fields, unreported items, ratios that cannot be computed.
    expect(features).not.toHaveProperty('custom.note')
    expect(features).not.toHaveProperty('custom.blank')
    expect(features).not.toHaveProperty('statement.inventory')
    expect(features).not.toHaveProperty('ratio.quickRatio')
    expect(Object.values(features).every((value) => value !== null)).toBe(true)
  })

  it('gives a customer with nothing on file only its profile', () => {
    const bare: Customer = { ...customer, region: null, industry: null, founded: null, employees: null, listed: false, customFields: {} }
    expect(featuresOf({ customer: bare, statements: [], bureau: null }, '2026-06-29')).toEqual({ type: 'company', country: 'CN', listed: 0, status: 'active' })
  })

  it('counts whole years of age, the day before an anniversary still the year before', () => {
    expect(fullYears('2015-06-30', '2026-06-29')).toBe(10)
    expect(fullYears('2015-06-30', '2026-06-30')).toBe(11)
    expect(fullYears('2015-06-30', '2015-06-30')).toBe(0)
    expect(fullYears('2027-01-01', '2026-06-30')).toBeNull()
  })
})
