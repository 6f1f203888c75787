import { describe, expect, it } from 'vitest'
import { financialAnalysis } from '../../testing/risk-fixtures.ts'
import { zAxisRange, zoneBands, zScoreTrend } from './z-score-trend.ts'

describe('zScoreTrend', () => {
  it('puts the periods oldest first with a null gap where no score could be computed', () => {
    const trend = zScoreTrend(financialAnalysis())
    expect(trend.points.map((p) => p.periodEnd)).toEqual(['2022-12-31', '2023-12-31', '2024-12-31'])
    const [oldest, middle, newest] = trend.points
    expect(typeof oldest?.score).toBe('number')
    expect(middle).toMatchObject({ score: null, zone: null, reason: 'needs items.totalAssets' })
    expect(typeof newest?.score).toBe('number')
  })

  it("takes the cut-offs and name of the model the newest period was scored with", () => {
    const trend = zScoreTrend(financialAnalysis())
    expect(trend.cutoffs).toEqual({ distressBelow: 1.23, safeAbove: 2.9 })
    expect(trend.modelName).toBe('Altman Z′ (private firms)')
  })

  it('has no points and no cut-offs without statements', () => {
    expect(zScoreTrend({ periods: [] })).toEqual({ points: [], cutoffs: null, modelName: null })
  })
})

describe('zAxisRange and zoneBands', () => {
  const cutoffs = { distressBelow: 1.1, safeAbove: 2.6 }

  it('holds every score and both cut-offs in whole numbers, ignoring gaps', () => {
    expect(zAxisRange([3.4, null, 0.2], cutoffs)).toEqual({ min: -1, max: 4 })
    expect(zAxisRange([null], cutoffs)).toEqual({ min: 0, max: 4 })
  })

  it('shades distress below the lower cut-off, grey between, safe above', () => {
    expect(zoneBands(cutoffs, { min: -1, max: 4 })).toEqual([
      { zone: 'distress', from: -1, to: 1.1 },
      { zone: 'grey', from: 1.1, to: 2.6 },
      { zone: 'safe', from: 2.6, to: 4 },
    ])
  })
})
