import { describe, expect, it } from 'vitest'
import { oddsOfScore, pdOfScore, scalingConstants, scoreOfOdds } from '../../../src/domain/scoring/scorecard/index.ts'

describe('points scaling', () => {
  const standard = scalingConstants({ basePoints: 600, baseOdds: 50, pdo: 20 })

  it('gives 600 points at 50:1 odds, and every 20 points double the odds', () => {
    expect(standard.factor).toBeCloseTo(20 / Math.LN2, 12) // 28.8539
    expect(standard.offset).toBeCloseTo(600 - (20 / Math.LN2) * Math.log(50), 12) // 487.1229
    expect(scoreOfOdds(50, standard)).toBeCloseTo(600, 10)
    expect(scoreOfOdds(100, standard)).toBeCloseTo(620, 10)
    expect(scoreOfOdds(25, standard)).toBeCloseTo(580, 10)
    expect(scoreOfOdds(200, standard)).toBeCloseTo(640, 10)
    expect(oddsOfScore(620, standard) / oddsOfScore(600, standard)).toBeCloseTo(2, 12)
  })

  it('turns a score into a PD: 1 / (1 + odds)', () => {
    expect(pdOfScore(600, standard)).toBeCloseTo(1 / 51, 12)
    expect(pdOfScore(620, standard)).toBeCloseTo(1 / 101, 12)
    expect(pdOfScore(scoreOfOdds(1, standard), standard)).toBeCloseTo(0.5, 12)
  })

  it('takes other anchors and refuses nonsense', () => {
    const other = scalingConstants({ basePoints: 500, baseOdds: 20, pdo: 50 })
    expect(scoreOfOdds(20, other)).toBeCloseTo(500, 10)
    expect(scoreOfOdds(40, other)).toBeCloseTo(550, 10)
    expect(() => scalingConstants({ basePoints: 600, baseOdds: 0, pdo: 20 })).toThrow(/odds/)
    expect(() => scalingConstants({ basePoints: 600, baseOdds: 50, pdo: -20 })).toThrow(/double/)
  })
})
