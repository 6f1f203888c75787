import { describe, expect, it } from 'vitest'
import { DEFAULT_FEATURE_CONFIG, featuresAsOf, jensenShannonDivergence } from '../../../src/domain/monitoring/features/index.ts'
import { config, days, from, run, T0, tx } from './helpers.ts'

const T = T0 + days(200)

describe('shares', () => {
  it('takes the cash share of the last 30 days by amount, cash by type or by channel', () => {
    const { state, evaluations } = run([
      tx({ at: T - days(40), amount: 5_000, type: 'cash' }),
      tx({ at: T - days(3), amount: 300, type: 'cash' }),
      tx({ at: T - days(2), amount: 100, type: 'payment', channel: 'cash', direction: 'out' }),
      tx({ at: T - days(1), amount: 600, type: 'transfer', channel: 'online' }),
    ])
    expect(evaluations.map((e) => e.isCash)).toEqual([true, true, true, false])
    expect(featuresAsOf(state, T, DEFAULT_FEATURE_CONFIG).cashShare).toBe(0.4) // (300 + 100) / 1,000
  })

  it('takes the round-amount share of the last 30 days by count, in the amount as sent', () => {
    const transactions = [
      tx({ at: T - days(31), amount: 500_000 }),
      tx({ at: T - days(4), amount: 100_000 }),
      tx({ at: T - days(3), amount: 250_000 }),
      tx({ at: T - days(2), amount: 300_000, currency: 'XAU' }),
      tx({ at: T - days(1), amount: 12_345 }),
    ]
    const { state, evaluations } = run(transactions)
    expect(evaluations.map((e) => e.isRound)).toEqual([true, true, false, true, false])
    expect(featuresAsOf(state, T, DEFAULT_FEATURE_CONFIG).roundAmountShare).toBe(0.5)
    const fifties = config({ roundAmountMinor: 50_000 })
    expect(featuresAsOf(run(transactions, fifties).state, T, fifties).roundAmountShare).toBe(0.75)
  })

  it('takes the high-risk country share of the last 90 days by amount, by the counterparty country', () => {
    const transactions = [
      tx({ at: T - days(100), amount: 9_000, counterparty: from('old', 'IR') }),
      tx({ at: T - days(80), amount: 200, counterparty: from('k', 'KP') }),
      tx({ at: T - days(10), amount: 600, counterparty: from('c', 'CN') }),
      tx({ at: T - days(1), amount: 200, counterparty: from('i', 'IR'), direction: 'out' }),
      tx({ at: T - days(1), amount: 1_000, counterparty: from('x', 'IR'), currency: 'XAU' }),
    ]
    const { state, evaluations } = run(transactions)
    expect(evaluations.map((e) => e.isHighRiskCountry)).toEqual([true, true, false, true, true])
    expect(featuresAsOf(state, T, DEFAULT_FEATURE_CONFIG).highRiskCountryShare).toBe(0.4) // (200 + 200) / 1,000
    const china = config({ highRiskCountries: new Set(['CN']) })
    expect(featuresAsOf(run(transactions, china).state, T, china).highRiskCountryShare).toBe(0.6)
  })

  it('gives no share, and no largest amount, for a period with nothing in it', () => {
    const { state } = run([tx({ at: T - days(100) })])
    expect(featuresAsOf(state, T, DEFAULT_FEATURE_CONFIG)).toMatchObject({ cashShare: null, roundAmountShare: null, highRiskCountryShare: null, largestAmount: { '30d': null, '90d': null } })
  })

  it('keeps the largest amount of the last 30 and 90 days, in either direction', () => {
    const { state } = run([tx({ at: T - days(60), amount: 900 }), tx({ at: T - days(20), amount: 300, direction: 'out' }), tx({ at: T - days(2), amount: 200 })])
    expect(featuresAsOf(state, T, DEFAULT_FEATURE_CONFIG).largestAmount).toEqual({ '30d': 300, '90d': 900 })
  })
})

describe('category shift', () => {
  const mix = (entries: [string, number][]) => new Map(entries)

  it('is 0 between the same shares, whatever the totals', () => {
    expect(jensenShannonDivergence(mix([['a', 100], ['b', 300]]), mix([['b', 3_000], ['a', 1_000]]))).toBe(0)
  })

  it('is 1 between distributions with no category in common', () => {
    expect(jensenShannonDivergence(mix([['a', 5]]), mix([['b', 7], ['c', 1]]))).toBe(1)
  })

  it('is ½ between (½, ½, 0) and (0, ½, ½)', () => {
    // M = (¼, ½, ¼); KL(P‖M) = ½·log2(2) + ½·log2(1) = ½, and KL(Q‖M) likewise; JSD = ½(½ + ½).
    expect(jensenShannonDivergence(mix([['a', 50], ['b', 50]]), mix([['b', 50], ['c', 50]]))).toBeCloseTo(0.5, 15)
  })

  it('compares the last 30 days by amount with the 90 days before them', () => {
    const { state } = run([
      tx({ at: T - days(121), amount: 1_000, category: 'travel' }), // too old for the baseline
      tx({ at: T - days(100), amount: 50, category: 'rent' }),
      tx({ at: T - days(60), amount: 50, category: 'payroll' }),
      tx({ at: T - days(30), amount: 20, category: 'payroll' }), // exactly 30 days: the baseline's
      tx({ at: T - days(29), amount: 70, category: 'payroll' }),
      tx({ at: T - days(1), amount: 70, category: 'supplies' }),
      tx({ at: T - days(1), amount: 500, category: null }),
    ])
    // recent (payroll 70, supplies 70) = (½, ½); earlier (rent 50, payroll 70) = (5/12, 7/12).
    const p = [0, 0.5, 0.5]
    const q = [5 / 12, 7 / 12, 0]
    const m = p.map((pi, i) => (pi + q[i]!) / 2)
    const kl = (x: number[]) => x.reduce((s, xi, i) => (xi > 0 ? s + xi * Math.log2(xi / m[i]!) : s), 0)
    expect(featuresAsOf(state, T, DEFAULT_FEATURE_CONFIG).categoryShift).toEqual({ divergence: expect.closeTo((kl(p) + kl(q)) / 2, 14), reason: null })
  })

  it('leaves out of the baseline what is exactly 120 days old, even when a longer window keeps it', () => {
    const longer = config({ windows: [{ key: '180d', ms: days(180) }] })
    const { state } = run([tx({ at: T - days(120), category: 'rent' }), tx({ at: T - days(60), category: 'payroll' }), tx({ at: T - days(1), category: 'payroll' })], longer)
    expect(featuresAsOf(state, T, longer).categoryShift.divergence).toBe(0)
  })

  it('is null, with the reason, when either period has no categorised amount', () => {
    const recentOnly = run([tx({ at: T - days(1), category: 'rent' })]).state
    expect(featuresAsOf(recentOnly, T, DEFAULT_FEATURE_CONFIG).categoryShift).toEqual({ divergence: null, reason: 'no categorised amounts in the 90 days before the last 30' })
    const earlierOnly = run([tx({ at: T - days(40), category: 'rent' })]).state
    expect(featuresAsOf(earlierOnly, T, DEFAULT_FEATURE_CONFIG).categoryShift).toEqual({ divergence: null, reason: 'no categorised amounts in the last 30 days' })
  })
})
