import { describe, expect, it } from 'vitest'
import { receivablesTrend } from '../../testing/activity-fixtures.ts'
import { trendChartData } from './trend-chart-data.ts'

describe('trendChartData', () => {
  it('puts the month ends and today in order, leaving a gap where a figure could not be computed', () => {
    const data = trendChartData(receivablesTrend(3))
    expect(data.dates).toEqual(['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31'])
    expect(data.paymentIndex).toEqual([40, 55, 60, 54])
    expect(data.dsoSimple.at(-1)).toBe(94.74)
    expect(data).toMatchObject({ hasDso: true, hasPaymentIndex: true })

    const early = trendChartData(receivablesTrend(6))
    expect(early.paymentIndex.slice(0, 2)).toEqual([null, null])
    expect(early.dsoSimple[0]).toBeNull()
  })

  it('reads the points in date order whatever order they come in, and says when there is nothing to draw', () => {
    const trend = receivablesTrend(2)
    expect(trendChartData({ ...trend, points: [...trend.points].reverse() }).dates).toEqual(['2026-01-31', '2026-02-28', '2026-03-31'])
    expect(trendChartData({ currency: null, points: [] })).toMatchObject({ dates: [], hasDso: false, hasPaymentIndex: false })
  })
})
