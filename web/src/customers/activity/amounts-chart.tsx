import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActivityInterval } from '../../api/types.ts'
import { EChart, type ChartOption } from '../../charts/echart.tsx'
import { formatDate, formatMonth } from '../../format/dates.ts'
import { formatMoney, formatMoneyCompact } from '../../format/money.ts'
import type { SeriesChartData } from './activity-series.ts'

const IN_COLOUR = '#16a34a'
const OUT_COLOUR = '#dc2626'

/** Money in above the axis and money out below it, a bar per period, in one currency. */
export function AmountsChart({ data, interval }: { data: SeriesChartData; interval: ActivityInterval }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const option = useMemo((): ChartOption => {
    const { currency, periods } = data
    const money = (minor: number) => formatMoney(minor, currency, locale)
    const label = (period: string) => (interval === 'month' ? formatMonth(period, locale) : formatDate(period, locale))
    return {
      grid: { left: 72, right: 24, top: 32, bottom: 32 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const index = [params].flat()[0]?.dataIndex ?? 0
          const period = periods[index]
          if (!period) return ''
          const sumIn = data.sumIn[index] ?? 0
          const sumOut = -(data.sumOut[index] ?? 0)
          const title = interval === 'week' ? t('activity.series.weekOf', { date: label(period) }) : label(period)
          return [
            title,
            `${t('activity.series.in')}: ${money(sumIn)} · ${t('activity.series.count', { count: data.countIn[index] ?? 0 })}`,
            `${t('activity.series.out')}: ${money(sumOut)} · ${t('activity.series.count', { count: data.countOut[index] ?? 0 })}`,
            `${t('activity.series.net')}: ${money(sumIn - sumOut)}`,
          ].join('<br/>')
        },
      },
      xAxis: { type: 'category', data: periods.map(label) },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatMoneyCompact(value, currency, locale) } },
      series: [
        { type: 'bar', name: t('activity.series.in'), stack: 'flow', data: data.sumIn, itemStyle: { color: IN_COLOUR } },
        { type: 'bar', name: t('activity.series.out'), stack: 'flow', data: data.sumOut, itemStyle: { color: OUT_COLOUR } },
      ],
    }
  }, [data, interval, t, locale])
  return (
    <EChart
      option={option}
      height={280}
      label={t('activity.series.chartLabel', { interval: t(`activity.series.intervalNames.${interval}`), currency: data.currency })}
      data-testid="amounts-chart"
    />
  )
}
