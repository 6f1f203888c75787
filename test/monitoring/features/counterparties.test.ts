import { describe, expect, it } from 'vitest'
import { DEFAULT_FEATURE_CONFIG, featuresAsOf } from '../../../src/domain/monitoring/features/index.ts'
import { config, days, from, run, T0, tx } from './helpers.ts'

const T = T0 + days(200)

describe('counterparties', () => {
  it('counts the distinct counterparties of the last 30 and 90 days', () => {
    const { state } = run([
      tx({ at: T - days(100), counterparty: from('C') }),
      tx({ at: T - days(90), counterparty: from('D') }), // exactly 90 days: out
      tx({ at: T - days(50), counterparty: from('A') }),
      tx({ at: T - days(40), counterparty: from('B') }),
      tx({ at: T - days(10), counterparty: from('A') }),
      tx({ at: T - days(5), counterparty: null }),
    ])
    expect(featuresAsOf(state, T, DEFAULT_FEATURE_CONFIG).distinctCounterparties).toEqual({ '30d': 1, '90d': 2 })
  })

  it('knows a counterparty by its id, else its account, else its name', () => {
    const { state } = run([
      tx({ at: T, counterparty: { id: 'X', name: 'Acme', country: null, account: '123' } }),
      tx({ at: T, counterparty: { id: null, name: 'Acme', country: null, account: '123' } }),
      tx({ at: T, counterparty: { id: null, name: 'Acme', country: null, account: null } }),
      tx({ at: T, counterparty: { id: null, name: 'Acme', country: null, account: '123' } }),
    ])
    expect(featuresAsOf(state, T, DEFAULT_FEATURE_CONFIG).distinctCounterparties['30d']).toBe(3)
  })

  it('counts as new the relationships that began in the last 30 days, after 90 days or more of silence', () => {
    const { state } = run([
      // A: seen 50 days ago and again 10 days ago: an old relationship.
      tx({ at: T - days(50), counterparty: from('A') }),
      tx({ at: T - days(10), counterparty: from('A') }),
      // D: first seen 5 days ago.
      tx({ at: T - days(5), counterparty: from('D') }),
      // E: silent for 95 days before 20 days ago: new again.
      tx({ at: T - days(115), counterparty: from('E') }),
      tx({ at: T - days(20), counterparty: from('E') }),
      // F: silent for exactly 90 days: new again. G: a millisecond less: the same relationship.
      tx({ at: T - days(119), counterparty: from('F') }),
      tx({ at: T - days(29), counterparty: from('F') }),
      tx({ at: T - days(119) + 1, counterparty: from('G') }),
      tx({ at: T - days(29), counterparty: from('G') }),
      // H: began 30 days ago exactly, so no longer within the last 30.
      tx({ at: T - days(30), counterparty: from('H') }),
    ])
    expect(featuresAsOf(state, T, DEFAULT_FEATURE_CONFIG).newCounterparties).toBe(3) // D, E, F
  })

  it('follows newCounterpartyDays', () => {
    const { state } = run([tx({ at: T - days(50), counterparty: from('A') }), tx({ at: T - days(5), counterparty: from('D') })])
    expect(featuresAsOf(state, T, config({ newCounterpartyDays: 60 })).newCounterparties).toBe(2)
    expect(featuresAsOf(state, T, config({ newCounterpartyDays: 7 })).newCounterparties).toBe(1)
  })

  it('flags a transaction as to a new counterparty while the relationship is younger than 30 days', () => {
    const { evaluations } = run([
      tx({ at: T - days(50), counterparty: from('A') }),
      tx({ at: T - days(49), counterparty: from('A') }),
      tx({ at: T - days(20), counterparty: from('A') }),
      tx({ at: T - days(5), counterparty: from('D') }),
      // A late arrival extends A's relationship backwards: it began with itself.
      tx({ at: T - days(70), counterparty: from('A') }),
      tx({ at: T, counterparty: null }),
    ])
    expect(evaluations.map((e) => e.isNewCounterparty)).toEqual([true, true, false, true, true, false])
  })

  it('treats a counterparty silent for 90 days as new when it comes back, and forgets it once its transactions are evicted', () => {
    const { state, evaluations } = run([tx({ at: T0, counterparty: from('A') }), tx({ at: T0 + days(90), counterparty: from('A') }), tx({ at: T0 + days(300), counterparty: from('B') })])
    expect(evaluations.map((e) => e.isNewCounterparty)).toEqual([true, true, true])
    expect([...state.counterparties.keys()]).toEqual(['B'])
  })
})
