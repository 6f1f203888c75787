import { describe, expect, it } from 'vitest'
import { DEFAULT_FEATURE_CONFIG, featuresAsOf } from '../../../src/domain/monitoring/features/index.ts'
import { mulberry32 } from '../../../src/domain/random/index.ts'
import { config, days, hours, run, T0, tx } from './helpers.ts'

const halfLifeOneDay = config({ ewmaHalfLifeDays: 1 })

describe('amount baseline', () => {
  it('is the exponentially weighted mean and variance of a hand-computed sequence', () => {
    // Half-life 1 day; 100, 200, 400 a day apart weigh ¼, ½, 1 as of the last: W = 1.75,
    // mean = (25 + 100 + 400)/1.75 = 300, variance = (¼·200² + ½·100² + 1·100²)/1.75 = 25,000/1.75.
    // Before 400: weights ½, 1: mean = 250/1.5 = 166.67, variance = (½·66.67² + 33.33²)/1.5 = 20,000/9,
    // so 400 stands (400 − 500/3)/√(20,000/9) = 7/√2 standard deviations above it.
    const { state, evaluations } = run([tx({ at: T0, amount: 100 }), tx({ at: T0 + days(1), amount: 200 }), tx({ at: T0 + days(2), amount: 400 })], halfLifeOneDay)
    expect(evaluations.map((e) => e.amountZ)).toEqual([null, null, expect.closeTo(7 / Math.SQRT2, 12)])
    const { amount } = featuresAsOf(state, T0 + days(2), halfLifeOneDay).baselines
    expect(amount).toEqual({ count: 3, weight: 1.75, mean: expect.closeTo(300, 10), variance: expect.closeTo(25_000 / 1.75, 8) })
    expect(featuresAsOf(state, T0 + days(3), halfLifeOneDay).baselines.amount).toMatchObject({ weight: 0.875, mean: expect.closeTo(300, 10) })
  })

  it('agrees with the weighted mean and variance computed directly, irregular times and all', () => {
    const next = mulberry32(7)
    const points = Array.from({ length: 200 }, (_, i) => ({ at: T0 + Math.round(i * hours(9) + next() * hours(8)), amount: 1 + Math.round(next() * 50_000) }))
    const { state } = run(points.map((p) => tx(p)))
    const last = points[points.length - 1]!.at
    const weights = points.map((p) => 2 ** (-(last - p.at) / days(30)))
    const total = weights.reduce((s, w) => s + w, 0)
    const mean = points.reduce((s, p, i) => s + weights[i]! * p.amount, 0) / total
    const variance = points.reduce((s, p, i) => s + weights[i]! * (p.amount - mean) ** 2, 0) / total
    const { amount } = featuresAsOf(state, last, DEFAULT_FEATURE_CONFIG).baselines
    expect(amount.weight).toBeCloseTo(total, 9)
    expect(amount.mean).toBeCloseTo(mean, 6)
    expect(amount.variance! / variance).toBeCloseTo(1, 12)
  })

  it('gives a spike a large z-score and ordinary amounts a small one', () => {
    const ordinary = Array.from({ length: 60 }, (_, i) => tx({ at: T0 + days(i), amount: i % 2 === 0 ? 10_000 : 12_000 }))
    const { state, evaluations } = run([...ordinary, tx({ at: T0 + days(60), amount: 50_000 }), tx({ at: T0 + days(61), amount: 11_000 })])
    const [spike, after] = evaluations.slice(-2)
    // The baseline is about 11,000 ± 1,000, so 50,000 is about 39 standard deviations out.
    expect(spike!.amountZ).toBeGreaterThan(35)
    expect(Math.abs(evaluations[59]!.amountZ!)).toBeLessThan(1.1)
    expect(Math.abs(after!.amountZ!)).toBeLessThan(1)
    expect(featuresAsOf(state, T0 + days(61), DEFAULT_FEATURE_CONFIG).lastZScores.amount).toBe(after!.amountZ)
  })

  it('has no z-score before two amounts, or while every amount so far is the same', () => {
    const { evaluations } = run([tx({ amount: 5 }), tx({ amount: 5 }), tx({ amount: 9 })])
    expect(evaluations.map((e) => e.amountZ)).toEqual([null, null, null])
  })
})

describe('daily-count baseline', () => {
  it('observes closed UTC days, silent ones as 0, and scores the open day as it fills', () => {
    // Half-life 1 day. Day 0: 2 transactions, day 1: 4, day 2: none, day 3: 1.
    // When day 3 opens, days 0, 1, 2 (2, 4, 0) weigh ¼, ½, 1: W = 1.75, mean = 2.5/1.75 = 10/7,
    // variance = (¼·(4/7)² + ½·(18/7)² + (10/7)²)/1.75 = (38/7)/(7/4) = 152/49;
    // day 3's first transaction: z = (1 − 10/7)/√(152/49) = −3/√152.
    const at = [0, 5, 24, 25, 26, 27, 72].map((h) => T0 + hours(h))
    const { state, evaluations } = run(at.map((t) => tx({ at: t })), halfLifeOneDay)
    expect(evaluations[6]!.dailyCountZ).toBeCloseTo(-3 / Math.sqrt(152), 12)
    // Day 1 is scored against day 0 alone: one observation, no z-score yet.
    expect(evaluations.slice(2, 6).map((e) => e.dailyCountZ)).toEqual([null, null, null, null])
    const { dailyCount } = featuresAsOf(state, T0 + hours(80), halfLifeOneDay).baselines
    expect(dailyCount).toEqual({ count: 3, weight: 1.75, mean: expect.closeTo(10 / 7, 12), variance: expect.closeTo(152 / 49, 12) })
  })

  it('closes the days up to asOf when read later, without changing the state', () => {
    const { state } = run([tx({ at: T0 }), tx({ at: T0 + days(1) })], halfLifeOneDay)
    // As of day 3: days 0, 1, 2 observed as 1, 1, 0 with weights ¼, ½, 1: mean = 0.75/1.75 = 3/7.
    expect(featuresAsOf(state, T0 + days(3), halfLifeOneDay).baselines.dailyCount).toMatchObject({ count: 3, mean: expect.closeTo(3 / 7, 12) })
    expect(featuresAsOf(state, T0 + days(1), halfLifeOneDay).baselines.dailyCount).toMatchObject({ count: 1, mean: 1 })
  })

  it('gives a burst day a high z-score', () => {
    const quiet = Array.from({ length: 40 }, (_, d) => Array.from({ length: 2 + (d % 3) }, (_, k) => tx({ at: T0 + days(d) + hours(k) }))).flat()
    const burst = Array.from({ length: 20 }, (_, k) => tx({ at: T0 + days(40) + hours(k) }))
    const { evaluations } = run([...quiet, ...burst])
    expect(evaluations[evaluations.length - 1]!.dailyCountZ).toBeGreaterThan(15)
  })
})

describe('dormancy', () => {
  it('measures the days since the latest transaction and the silence it ended', () => {
    const { state, evaluations } = run([tx({ at: T0 }), tx({ at: T0 + days(10) }), tx({ at: T0 + days(100) })])
    expect(evaluations.map((e) => e.gapDays)).toEqual([null, 10, 90])
    expect(featuresAsOf(state, T0 + days(130), DEFAULT_FEATURE_CONFIG)).toMatchObject({ daysDormant: 30, gapBeforeLastDays: 90 })
  })

  it('shortens the silence when a late transaction turns up inside it', () => {
    const { state, evaluations } = run([tx({ at: T0 }), tx({ at: T0 + days(10) }), tx({ at: T0 + days(100) }), tx({ at: T0 + days(50) })])
    expect(evaluations[3]).toMatchObject({ isLate: true, gapDays: 40 })
    expect(featuresAsOf(state, T0 + days(100), DEFAULT_FEATURE_CONFIG)).toMatchObject({ daysDormant: 0, gapBeforeLastDays: 50 })
  })

  it('has nothing to say about a customer with no transactions', () => {
    const { state } = run([])
    expect(featuresAsOf(state, T0, DEFAULT_FEATURE_CONFIG)).toMatchObject({
      daysDormant: null,
      gapBeforeLastDays: null,
      lastTransactionAt: null,
      firstTransactionAt: null,
      totalCount: 0,
      baselines: { amount: { count: 0, weight: 0, mean: null, variance: null }, dailyCount: { count: 0, mean: null } },
    })
  })
})
