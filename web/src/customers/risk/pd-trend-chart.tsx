import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type ChartOption } from '../../charts/echart.tsx'
import { formatDateTime } from '../../format/dates.ts'
import { formatPercent } from '../../format/numbers.ts'
import type { PdTrendPoint } from './pd-trend.ts'

/** PD over time as steps (it holds until the next assessment), on a log scale, each point labelled with its grade. */
export function PdTrendChart({ points }: { points: PdTrendPoint[] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const option = useMemo(
    (): ChartOption => ({
      grid: { left: 64, right: 24, top: 24, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const index = [params].flat()[0]?.dataIndex ?? 0
          const point = points[index]
          if (!point) return ''
          return `${formatDateTime(point.at, locale)}<br/>${t('risk.grade')}: ${point.grade ?? t('risk.notRated')}<br/>${t('risk.pd')}: ${formatPercent(point.pd, locale)}`
        },
      },
      xAxis: { type: 'time' },
      yAxis: { type: 'log', name: t('risk.pd'), axisLabel: { formatter: (value: number) => formatPercent(value, locale, 3) } },
      series: [
        {
          type: 'line',
          name: t('risk.pd'),
          step: 'end',
          connectNulls: false,
          data: points.map((p) => [p.at, p.pd]),
          label: { show: true, position: 'top', formatter: (params) => points[params.dataIndex]?.grade ?? '' },
          lineStyle: { color: '#7c3aed' },
          itemStyle: { color: '#7c3aed' },
        },
      ],
    }),
    [points, t, locale],
  )
  return <EChart option={option} height={240} label={t('risk.history.chartLabel')} data-testid="pd-trend-chart" />
}
