import { describe, expect, it } from 'vitest'
import { ksGap } from './ks-gap.ts'

describe('ksGap', () => {
  it('finds the score where the cumulative bad and good shares lie furthest apart', () => {
    const gap = ksGap([
      { score: 500, cumBad: 0.3, cumGood: 0.05 },
      { score: 550, cumBad: 0.7, cumGood: 0.25 },
      { score: 600, cumBad: 0.9, cumGood: 0.6 },
      { score: 650, cumBad: 1, cumGood: 1 },
    ])
    expect(gap).toMatchObject({ score: 550, cumBad: 0.7, cumGood: 0.25 })
    expect(gap?.gap).toBeCloseTo(0.45)
  })

  it('is the first of equal gaps, and null without points', () => {
    expect(ksGap([{ score: 1, cumBad: 0.5, cumGood: 0.1 }, { score: 2, cumBad: 0.9, cumGood: 0.5 }])?.score).toBe(1)
    expect(ksGap([])).toBeNull()
  })
})
