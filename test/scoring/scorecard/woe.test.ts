import { describe, expect, it } from 'vitest'
import { weightOfEvidence } from '../../../src/domain/scoring/scorecard/index.ts'

describe('weight of evidence and information value', () => {
  it('matches a table computed by hand', () => {
    // 100 goods and 100 bads over three bins: shares of goods 0.4 / 0.3 / 0.3, of bads 0.1 / 0.2 / 0.7.
    const table = weightOfEvidence([
      { goods: 40, bads: 10 },
      { goods: 30, bads: 20 },
      { goods: 30, bads: 70 },
    ])
    expect(table.smoothed).toBe(false)
    expect(table.woe[0]).toBeCloseTo(Math.log(4), 12) // ln(0.4 / 0.1) = 1.386294
    expect(table.woe[1]).toBeCloseTo(Math.log(1.5), 12) // ln(0.3 / 0.2) = 0.405465
    expect(table.woe[2]).toBeCloseTo(Math.log(3 / 7), 12) // ln(0.3 / 0.7) = −0.847298
    // IV = 0.3·ln 4 + 0.1·ln 1.5 + 0.4·ln(7/3) = 0.415888 + 0.040547 + 0.338919
    expect(table.ivByBin[0]).toBeCloseTo(0.3 * Math.log(4), 12)
    expect(table.ivByBin[1]).toBeCloseTo(0.1 * Math.log(1.5), 12)
    expect(table.ivByBin[2]).toBeCloseTo(0.4 * Math.log(7 / 3), 12)
    expect(table.iv).toBeCloseTo(0.795354, 6)
  })

  it('is zero for a feature that tells nothing apart', () => {
    const table = weightOfEvidence([
      { goods: 50, bads: 5 },
      { goods: 100, bads: 10 },
    ])
    expect(table.woe[0]).toBeCloseTo(0, 12)
    expect(table.woe[1]).toBeCloseTo(0, 12)
    expect(table.iv).toBeCloseTo(0, 12)
  })

  it('adds 0.5 to every cell when one is empty, and leaves complete tables alone', () => {
    // (10 goods, 0 bads) and (10, 10) become (10.5, 0.5) and (10.5, 10.5): 21 goods, 11 bads.
    const table = weightOfEvidence([
      { goods: 10, bads: 0 },
      { goods: 10, bads: 10 },
    ])
    expect(table.smoothed).toBe(true)
    expect(table.woe[0]).toBeCloseTo(Math.log(10.5 / 21 / (0.5 / 11)), 12) // ln 11
    expect(table.woe[1]).toBeCloseTo(Math.log(10.5 / 21 / (10.5 / 11)), 12) // ln(11/21)
    expect(table.iv).toBeCloseTo((0.5 - 0.5 / 11) * Math.log(11) + (0.5 - 10.5 / 11) * Math.log(11 / 21), 12)
    expect(weightOfEvidence([{ goods: 10, bads: 0 }, { goods: 10, bads: 10 }], 1).woe[0]).toBeCloseTo(Math.log(11 / 22 / (1 / 12)), 12)
  })
})
