import { describe, expect, it } from 'vitest'
import { customerFeatures } from '../../testing/activity-fixtures.ts'
import { baselineFacts, featureFacts } from './feature-facts.ts'

const byKey = (facts: ReturnType<typeof featureFacts>) => Object.fromEntries(facts.map((fact) => [fact.key, fact]))

describe('featureFacts', () => {
  it('reads the counterparties, shares, largest amounts, dormancy and category shift of a customer with activity', () => {
    const facts = byKey(featureFacts(customerFeatures()))
    expect(facts.distinct30d).toMatchObject({ value: 3, reason: null }) // Hanoi, Acme and 华强 (2 March)
    expect(facts.cashShare!.value).toBeCloseTo(10_000_00 / (88_000_00 + 10_000_00 + 30_000_00))
    expect(facts.roundAmountShare!.value).toBe(1) // every amount in the last 30 days is a multiple of ¥1,000
    expect(facts.highRiskCountryShare!.value).toBeCloseTo(30_000_00 / (120_000_00 + 45_000_00 + 88_000_00 + 10_000_00 + 30_000_00)) // the USD payment has no rate
    expect(facts.largest30d).toMatchObject({ format: 'money', value: 88_000_00 })
    expect(facts.largest90d).toMatchObject({ format: 'money', value: 120_000_00 })
    expect(facts.daysDormant!.value).toBeCloseTo(1.5)
    expect(typeof facts.categoryShift!.value).toBe('number')
  })

  it('gives every missing figure a reason: the UI’s own where the server gives none, the server’s for the category shift', () => {
    const facts = byKey(featureFacts(customerFeatures([])))
    expect(facts.cashShare).toMatchObject({ value: null, reason: { key: 'noTransactionsYet' } })
    expect(facts.daysDormant).toMatchObject({ value: null, reason: { key: 'noTransactionsYet' } })
    expect(facts.distinct30d).toMatchObject({ value: 0, reason: null })
    expect(facts.categoryShift).toMatchObject({ value: null, reason: { key: 'noCategories120' } })
  })

  it('names the period a share is missing for when the customer has older activity', () => {
    const quiet = { ...customerFeatures(), cashShare: null, largestAmount: { '30d': null, '90d': 120_000_00 } }
    const facts = byKey(featureFacts(quiet))
    expect(facts.cashShare!.reason).toEqual({ key: 'noAmounts30d' })
    expect(facts.largest30d!.reason).toEqual({ key: 'noAmounts30d' })
  })

  it('passes a category-shift reason it does not know through as the server wrote it', () => {
    const features = { ...customerFeatures(), categoryShift: { divergence: null, reason: 'categories were reset' } }
    expect(byKey(featureFacts(features)).categoryShift!.reason).toEqual({ text: 'categories were reset' })
  })
})

describe('baselineFacts', () => {
  it('gives mean ± standard deviation of the amount and daily-count baselines', () => {
    const [amount, daily] = baselineFacts(customerFeatures())
    expect(amount).toMatchObject({ key: 'amountBaseline', format: 'money', observations: 5, reason: null })
    expect(amount!.sd).toBeGreaterThan(0)
    expect(daily).toMatchObject({ key: 'dailyCountBaseline', format: 'count', reason: null })
    expect(daily!.mean).toBeGreaterThan(0)
  })

  it('says why a baseline is missing', () => {
    expect(baselineFacts(customerFeatures([])).map((b) => b.reason)).toEqual([{ key: 'noTransactionsYet' }, { key: 'noClosedDay' }])
    const one = baselineFacts({ ...customerFeatures(), baselines: { amount: { count: 1, weight: 1, mean: 500, variance: null }, dailyCount: { count: 0, weight: 0, mean: null, variance: null } } })
    expect(one[0]).toMatchObject({ mean: 500, sd: null, reason: { key: 'oneObservation' } })
  })
})
