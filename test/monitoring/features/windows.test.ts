import { describe, expect, it } from 'vitest'
import { applyTransaction, currentWindowTotals, DEFAULT_FEATURE_CONFIG, featuresAsOf, newFeatureState } from '../../../src/domain/monitoring/features/index.ts'
import { config, days, hours, keptTimes, orderFree, randomStream, referenceFeatures, run, T0, tx, WITH_USD } from './helpers.ts'

const empty = { countIn: 0, countOut: 0, sumIn: 0, sumOut: 0, unconvertedCount: 0 }

describe('event-time windows', () => {
  it('leave out a transaction exactly one window length old and keep one a millisecond younger', () => {
    const { state } = run([tx({ at: T0, amount: 100 }), tx({ at: T0 + 1, amount: 20, direction: 'out' })])
    const features = featuresAsOf(state, T0 + hours(1), DEFAULT_FEATURE_CONFIG)
    // asOf − 1h = T0: the window is (T0, T0 + 1h], open at the old end.
    expect(features.windows['1h']).toEqual({ countIn: 0, countOut: 1, sumIn: 0, sumOut: 20, unconvertedCount: 0 })
    expect(features.windows['24h']).toEqual({ countIn: 1, countOut: 1, sumIn: 100, sumOut: 20, unconvertedCount: 0 })
    expect(featuresAsOf(state, T0 + 1 + hours(1), DEFAULT_FEATURE_CONFIG).windows['1h']).toEqual(empty)
  })

  it('keep the transaction that sets the newest time in every window, and move the running totals to it', () => {
    const { state } = run([tx({ at: T0, amount: 100 }), tx({ at: T0 + hours(1), amount: 7 })])
    expect(currentWindowTotals(state, '1h', DEFAULT_FEATURE_CONFIG)).toMatchObject({ countIn: 1, sumIn: 7 })
    expect(currentWindowTotals(state, '24h', DEFAULT_FEATURE_CONFIG)).toMatchObject({ countIn: 2, sumIn: 107 })
    expect(currentWindowTotals(state, '1y', DEFAULT_FEATURE_CONFIG)).toBeNull()
    expect(currentWindowTotals(newFeatureState('c2'), '1h', DEFAULT_FEATURE_CONFIG)).toBeNull()
  })

  it('count a late arrival in the windows it falls in, and only those', () => {
    const newest = T0 + days(10)
    const { state } = run([tx({ at: newest, amount: 1 }), tx({ at: newest - hours(2), amount: 10 }), tx({ at: newest - hours(1), amount: 1_000 }), tx({ at: T0 + days(2), amount: 100 })])
    expect(currentWindowTotals(state, '1h', DEFAULT_FEATURE_CONFIG)).toMatchObject({ countIn: 1, sumIn: 1 })
    expect(currentWindowTotals(state, '24h', DEFAULT_FEATURE_CONFIG)).toMatchObject({ countIn: 3, sumIn: 1_011 })
    expect(currentWindowTotals(state, '7d', DEFAULT_FEATURE_CONFIG)).toMatchObject({ countIn: 3, sumIn: 1_011 })
    expect(currentWindowTotals(state, '30d', DEFAULT_FEATURE_CONFIG)).toMatchObject({ countIn: 4, sumIn: 1_111 })
  })

  it('subtract what falls out as time moves on, back to zero', () => {
    const { state } = run([tx({ at: T0, amount: 5 }), tx({ at: T0 + hours(2), amount: 6, direction: 'out' }), tx({ at: T0 + days(91), amount: 9 })])
    expect(currentWindowTotals(state, '90d', DEFAULT_FEATURE_CONFIG)).toMatchObject({ countIn: 1, countOut: 0, sumIn: 9, sumOut: 0 })
    expect(currentWindowTotals(state, '1h', DEFAULT_FEATURE_CONFIG)).toMatchObject({ countIn: 1, sumIn: 9 })
    expect(featuresAsOf(state, T0 + days(182), DEFAULT_FEATURE_CONFIG).windows['90d']).toEqual(empty)
  })

  it('evict a transaction from the state once it is older than every window and the 120-day category baseline', () => {
    const { state } = run([tx({ at: T0 }), tx({ at: T0 + days(120) - 1 })])
    expect(keptTimes(state)).toEqual([T0, T0 + days(120) - 1])
    applyTransaction(state, tx({ at: T0 + days(120) }), DEFAULT_FEATURE_CONFIG)
    expect(keptTimes(state)).toEqual([T0 + days(120) - 1, T0 + days(120)])
    expect(featuresAsOf(state, T0 + days(120), DEFAULT_FEATURE_CONFIG)).toMatchObject({ totalCount: 3, firstTransactionAt: new Date(T0).toISOString() })
  })

  it('count a transaction that arrives older than the retention in the totals and first time only', () => {
    const { state, evaluations } = run([tx({ at: T0 + days(200) }), tx({ at: T0 })])
    expect(evaluations[1]).toMatchObject({ isLate: true, gapDays: null })
    expect(keptTimes(state)).toEqual([T0 + days(200)])
    const features = featuresAsOf(state, T0 + days(200), DEFAULT_FEATURE_CONFIG)
    expect(features).toMatchObject({ totalCount: 2, firstTransactionAt: new Date(T0).toISOString(), lastTransactionAt: new Date(T0 + days(200)).toISOString() })
    expect(features.windows['90d']).toMatchObject({ countIn: 1 })
  })

  it('rebuild the running totals from the kept transactions when the configured windows change', () => {
    const { state } = run([tx({ at: T0, amount: 1 }), tx({ at: T0 + hours(3), amount: 2 })])
    const twoHours = config({ windows: [{ key: '2h', ms: hours(2) }, { key: '4h', ms: hours(4) }] })
    applyTransaction(state, tx({ at: T0 + hours(4), amount: 4 }), twoHours)
    expect(currentWindowTotals(state, '2h', twoHours)).toMatchObject({ countIn: 2, sumIn: 6 })
    expect(currentWindowTotals(state, '4h', twoHours)).toMatchObject({ countIn: 2, sumIn: 6 })
    expect(currentWindowTotals(state, '24h', DEFAULT_FEATURE_CONFIG)).toBeNull()
  })
})

describe('out-of-order arrival', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`gives the same windows, sums, counts and shares as the same transactions in time order (seed ${seed})`, () => {
      const arrived = randomStream(seed, 900)
      const inOrder = [...arrived].sort((a, b) => a.at - b.at)
      expect(arrived.some((t, i) => i > 0 && t.at < arrived[i - 1]!.at)).toBe(true)
      const late = run(arrived, WITH_USD).state
      const sorted = run(inOrder, WITH_USD).state
      const newest = inOrder[inOrder.length - 1]!.at
      for (const asOf of [newest, newest + hours(3), newest + days(20), newest + days(100)]) {
        const features = featuresAsOf(late, asOf, WITH_USD)
        expect(orderFree(features)).toEqual(orderFree(featuresAsOf(sorted, asOf, WITH_USD)))
        const { categoryShift, ...reference } = referenceFeatures(arrived, asOf, WITH_USD)
        expect(features).toMatchObject(reference)
        expect(features.categoryShift.divergence).toBe(categoryShift)
      }
      for (const window of WITH_USD.windows) {
        expect(currentWindowTotals(late, window.key, WITH_USD)).toEqual(featuresAsOf(late, newest, WITH_USD).windows[window.key])
      }
    })
  }
})

describe('currency conversion', () => {
  it('converts at the minor-unit factor, rounding to the nearest minor unit', () => {
    const { state, evaluations } = run([tx({ amount: 10_000, currency: 'USD' }), tx({ amount: 333, currency: 'USD', direction: 'out' })], WITH_USD)
    // 10,000 × 7.1 = 71,000; 333 × 7.1 = 2,364.3 → 2,364.
    expect(evaluations.map((e) => e.reportingAmount)).toEqual([71_000, 2_364])
    expect(featuresAsOf(state, T0, WITH_USD).windows['24h']).toEqual({ countIn: 1, countOut: 1, sumIn: 71_000, sumOut: 2_364, unconvertedCount: 0 })
  })

  it('counts a currency without a rate, leaves it out of the sums and reports it as unconverted', () => {
    const { state, evaluations } = run([tx({ amount: 500 }), tx({ amount: 9_999, currency: 'XAU', category: 'metals' }), tx({ amount: 7, currency: 'USD' })], config())
    expect(evaluations[1]).toMatchObject({ reportingAmount: null, amountZ: null })
    const features = featuresAsOf(state, T0, config())
    expect(features.windows['24h']).toEqual({ countIn: 3, countOut: 0, sumIn: 500, sumOut: 0, unconvertedCount: 2 })
    expect(features.largestAmount).toEqual({ '30d': 500, '90d': 500 })
    expect(features.baselines.amount.count).toBe(1)
    expect(features.categoryShift.divergence).toBeNull()
  })
})
