import { describe, expect, it } from 'vitest'
import { applyTransaction, DEFAULT_FEATURE_CONFIG, featuresAsOf, newFeatureState, restoreState, snapshotState } from '../../../src/domain/monitoring/features/index.ts'
import { mulberry32 } from '../../../src/domain/random/index.ts'
import { days, from, hours, keptTimes, randomStream, run, T0, tx, WITH_USD } from './helpers.ts'

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
    expect(() => restoreState(JSON.stringify({ version: 3 }))).toThrow('feature state version 3 is not one this code reads')
  })

  it('reads a version 1 snapshot (an array per field, an object per window) as the state the same transactions give now', () => {
    const transactions = [
      tx({ at: T0, amount: 100_000, counterparty: from('A', 'IR'), category: 'rent' }),
      tx({ at: T0 + days(2), amount: 2_500, direction: 'out' }),
      tx({ at: T0 + days(130), amount: 7_000, direction: 'out', counterparty: from('B', 'CN'), category: 'payroll' }),
      tx({ at: T0 + days(129), amount: 300, counterparty: from('A', 'IR'), category: 'rent' }),
    ]
    // Written by the first release from these transactions.
    const version1 =
      '{"version":1,"customerId":"c1","totalCount":4,"firstAt":1767225600000,"lastAt":1778457600000,"previousAt":1778371200000,' +
      '"events":{"head":0,"at":[1778371200000,1778457600000],"amount":[300,7000],"flags":[8,1],"counterparty":["A","B"],"category":["rent","payroll"]},' +
      '"windows":[{"key":"1h","ms":3600000,"start":1,"countIn":0,"countOut":1,"sumIn":0,"sumOut":7000,"unconvertedCount":0},' +
      '{"key":"24h","ms":86400000,"start":1,"countIn":0,"countOut":1,"sumIn":0,"sumOut":7000,"unconvertedCount":0},' +
      '{"key":"7d","ms":604800000,"start":0,"countIn":1,"countOut":1,"sumIn":300,"sumOut":7000,"unconvertedCount":0},' +
      '{"key":"30d","ms":2592000000,"start":0,"countIn":1,"countOut":1,"sumIn":300,"sumOut":7000,"unconvertedCount":0},' +
      '{"key":"90d","ms":7776000000,"start":0,"countIn":1,"countOut":1,"sumIn":300,"sumOut":7000,"unconvertedCount":0}],' +
      '"counterparties":[["B",1778457600000,1778457600000],["A",1778371200000,1778371200000]],' +
      '"amounts":{"count":4,"weight":2.0787186198171765,"mean":5957.351361143991,"m2":471701678.3687884,"at":1778457600000},' +
      '"dailyCounts":{"day":20584,"count":2,"days":{"count":130,"weight":41.610875816432596,"mean":0.0024977237391059456,"m2":0.10367287772828636,"at":20583}},' +
      '"lastAmountZ":-0.5515642153204686,"lastDailyCountZ":40.01825381732811}'
    expect(snapshotState(restoreState(version1))).toBe(snapshotState(run(transactions).state))
  })

  it('is plain JSON: the counterparties as [key, first, last], the transactions as arrays', () => {
    const { state } = run([tx({ at: T0, amount: 5, counterparty: from('A'), category: 'rent' })])
    const snapshot = JSON.parse(snapshotState(state))
    expect(snapshot.counterparties).toEqual([['A', T0, T0]])
    expect(snapshot.events).toEqual({ head: 0, numbers: [T0, 5, 0], names: ['A', 'rent'] })
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
    expect(keptTimes(state)).toHaveLength(120)
    expect(state.events.numbers.length).toBeLessThanOrEqual(3 * 240)
    expect(state.counterparties.size).toBe(120)
    // The snapshot grows only by the digits of the counterparty names.
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeLessThan(1.05)
  })
})
