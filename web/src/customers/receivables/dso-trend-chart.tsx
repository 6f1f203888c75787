import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type ChartOption } from '../../charts/echart.tsx'
import { formatDate } from '../../format/dates.ts'
import { formatNumber } from '../../format/numbers.ts'
import type { TrendChartData } from './trend-chart-data.ts'

/** Simple and countback DSO at each month end, a gap where one could not be computed. */
export function DsoTrendChart({ data }: { data: TrendChartData }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const option = useMemo((): ChartOption => {
    const days = (value: number | null | undefined) => (value === null || value === undefined ? '—' : t('receivables.days', { value: formatNumber(value, locale, 1), count: value }))
    const labels = data.dates.map((date) => formatDate(date, locale))
    return {
      grid: { left: 48, right: 24, top: 32, bottom: 32 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const index = [params].flat()[0]?.dataIndex ?? 0
          return [labels[index], `${t('receivables.trend.dsoSimple')}: ${days(data.dsoSimple[index])}`, `${t('receivables.trend.dsoCountback')}: ${days(data.dsoCountback[index])}`].join('<br/>')
        },
      },
      xAxis: { type: 'category', data: labels, boundaryGap: false },
      yAxis: { type: 'value', min: 0 },
      series: [
        { type: 'line', name: t('receivables.trend.dsoSimple'), data: data.dsoSimple, connectNulls: false, itemStyle: { color: '#1d4ed8' } },
        { type: 'line', name: t('receivables.trend.dsoCountback'), data: data.dsoCountback, connectNulls: false, lineStyle: { type: 'dashed' }, itemStyle: { color: '#7c3aed' } },
      ],
    }
  }, [data, t, locale])
  return <EChart option={option} height={240} label={t('receivables.trend.dsoChartLabel')} data-testid="dso-trend-chart" />
}
