import { describe, expect, it } from 'vitest'
import type { ActivitySeriesItem } from '../../api/types.ts'
import { currenciesByVolume, periodsBetween, periodStart, rangeStart, seriesChartData } from './activity-series.ts'

const item = (period: string, currency: string, sumIn: number, sumOut: number): ActivitySeriesItem => ({ period, currency, countIn: sumIn > 0 ? 1 : 0, countOut: sumOut > 0 ? 2 : 0, sumIn, sumOut })

describe('periodStart and periodsBetween', () => {
  it('names a period by its first UTC day, weeks from Monday, as the server does', () => {
    const wednesday = Date.parse('2026-03-04T23:30:00Z')
    expect(periodStart(wednesday, 'day')).toBe('2026-03-04')
    expect(periodStart(wednesday, 'week')).toBe('2026-03-02')
    expect(periodStart(Date.parse('2026-03-01T10:00:00Z'), 'week')).toBe('2026-02-23') // a Sunday
    expect(periodStart(wednesday, 'month')).toBe('2026-03-01')
  })

  it('lists every period of a range, the partial ones at either end included', () => {
    expect(periodsBetween('2026-02-27', '2026-03-02', 'day')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
    expect(periodsBetween('2026-03-04', '2026-03-17', 'week')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16'])
    expect(periodsBetween('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01'])
    expect(periodsBetween('2026-03-02', '2026-03-01', 'day')).toEqual([])
  })
})

describe('rangeStart', () => {
  const now = Date.parse('2026-03-15T08:00:00Z')

  it('starts the last 90 days at the UTC midnight 89 days before today', () => {
    expect(rangeStart('90d', now)).toEqual({ from: '2025-12-16T00:00:00.000Z', fromDate: '2025-12-16', toDate: '2026-03-15' })
  })

  it('starts the last 12 months on the first of the month 11 months back', () => {
    expect(rangeStart('12m', now)).toEqual({ from: '2025-04-01T00:00:00.000Z', fromDate: '2025-04-01', toDate: '2026-03-15' })
  })
})

describe('currenciesByVolume', () => {
  it('puts the currency with the most money in and out first', () => {
    const items = [item('2026-03-01', 'USD', 500, 0), item('2026-03-01', 'CNY', 100, 300), item('2026-03-02', 'CNY', 200, 0), item('2026-03-02', 'EUR', 0, 600)]
    expect(currenciesByVolume(items)).toEqual(['CNY', 'EUR', 'USD'])
    expect(currenciesByVolume([])).toEqual([])
  })
})

describe('seriesChartData', () => {
  const items = [item('2026-03-02', 'CNY', 1000, 400), item('2026-03-04', 'CNY', 0, 250), item('2026-03-03', 'USD', 99, 0)]

  it('keeps one currency and only the periods sent when not asked to fill gaps', () => {
    expect(seriesChartData(items, 'CNY', 'day')).toEqual({
      currency: 'CNY',
      periods: ['2026-03-02', '2026-03-04'],
      sumIn: [1000, 0],
      sumOut: [-400, -250],
      countIn: [1, 0],
      countOut: [2, 2],
    })
  })

  it('fills the periods without transactions with 0 across the whole range', () => {
    const data = seriesChartData(items, 'CNY', 'day', { from: '2026-03-01', to: '2026-03-05' })
    expect(data.periods).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'])
    expect(data.sumIn).toEqual([0, 1000, 0, 0, 0])
    expect(data.sumOut).toEqual([0, -400, 0, -250, 0])
    expect(data.sumOut.some((v) => Object.is(v, -0))).toBe(false)
  })

  it('fills by week and by month too', () => {
    expect(seriesChartData([item('2026-03-02', 'CNY', 7, 3)], 'CNY', 'week', { from: '2026-02-20', to: '2026-03-10' })).toMatchObject({
      periods: ['2026-02-16', '2026-02-23', '2026-03-02', '2026-03-09'],
      sumIn: [0, 0, 7, 0],
      sumOut: [0, 0, -3, 0],
    })
    expect(seriesChartData([item('2026-02-01', 'CNY', 5, 0)], 'CNY', 'month', { from: '2026-01-10', to: '2026-03-10' })).toMatchObject({
      periods: ['2026-01-01', '2026-02-01', '2026-03-01'],
      sumIn: [0, 5, 0],
    })
  })

  it('is empty for a currency the series does not have', () => {
    expect(seriesChartData(items, 'EUR', 'day').periods).toEqual([])
  })
})
