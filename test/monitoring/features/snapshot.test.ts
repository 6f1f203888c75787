import { describe, expect, it } from 'vitest'
import { applyTransaction, DEFAULT_FEATURE_CONFIG, featuresAsOf, newFeatureState, restoreState, snapshotState } from '../../../src/domain/monitoring/features/index.ts'
import { mulberry32 } from '../../../src/domain/random/index.ts'
import { days, from, hours, randomStream, run, T0, tx, WITH_USD } from './helpers.ts'

describe('snapshots', () => {
  for (const seed of [11, 12, 13, 14, 15, 16, 17, 18]) {
    it(`snapshot, restore and continue gives what the uninterrupted run gives (seed ${seed})`, () => {
      const next = mulberry32(seed)
      const stream = randomStream(seed, 300 + Math.floor(next() * 500))
      const cut = Math.floor(next() * stream.length)
      const uninterrupted = run(stream, WITH_USD)

      const before = run(stream.slice(0, cut), WITH_USD).state
      const restored = restoreState(snapshotState(before))
      const continued = stream.slice(cut).map((t) => applyTransaction(restored, t, WITH_USD))

      expect(continued).toEqual(uninterrupted.evaluations.slice(cut))
      expect(snapshotState(restored)).toBe(snapshotState(uninterrupted.state))
      const newest = Math.max(...stream.map((t) => t.at))
      expect(featuresAsOf(restored, newest + days(3), WITH_USD)).toEqual(featuresAsOf(uninterrupted.state, newest + days(3), WITH_USD))
    })
  }

  it('restores an empty state, and refuses a snapshot of another version', () => {
    const empty = newFeatureState('c9')
    expect(restoreState(snapshotState(empty))).toEqual(empty)
    expect(() => restoreState(JSON.stringify({ version: 2 }))).toThrow('feature state version 2 is not one this code reads')
  })

  it('is plain JSON: the counterparties as [key, first, last], the transactions as arrays', () => {
    const { state } = run([tx({ at: T0, amount: 5, counterparty: from('A'), category: 'rent' })])
    const snapshot = JSON.parse(snapshotState(state))
    expect(snapshot.counterparties).toEqual([['A', T0, T0]])
    expect(snapshot.events).toEqual({ head: 0, at: [T0], amount: [5], flags: [0], counterparty: ['A'], category: ['rent'] })
  })
})

describe('state size', () => {
  it('stays bounded over years of daily transactions, each with a counterparty of its own', () => {
    const state = newFeatureState('c1')
    const sizes: number[] = []
    for (let day = 0; day < 3 * 365; day += 1) {
      applyTransaction(state, tx({ at: T0 + days(day) + hours(9), amount: 1_000 + day, counterparty: from(`cp-${day}`), category: `c${day % 7}` }), DEFAULT_FEATURE_CONFIG)
      if (day % 365 === 364) sizes.push(snapshotState(state).length)
    }
    // 120 days kept: the transactions, and the counterparties of those transactions.
    expect(state.events.at.length - state.events.head).toBe(120)
    expect(state.events.at.length).toBeLessThanOrEqual(240)
    expect(state.counterparties.size).toBe(120)
    // The snapshot grows only by the digits of the counterparty names.
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeLessThan(1.05)
  })
})
