import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type ChartOption } from '../../charts/echart.tsx'
import { formatDate } from '../../format/dates.ts'
import { formatNumber } from '../../format/numbers.ts'
import { translateReason } from './translate-reason.ts'
import { zAxisRange, zoneBands, type ZTrend } from './z-score-trend.ts'

const ZONE_COLOURS = { safe: 'rgba(34, 197, 94, 0.12)', grey: 'rgba(148, 163, 184, 0.18)', distress: 'rgba(239, 68, 68, 0.12)' } as const

/** The Z-score of each period as a line over the model's zone bands; a period without a score is a gap. */
export function ZScoreChart({ trend }: { trend: ZTrend }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const option = useMemo((): ChartOption => {
    const { points, cutoffs } = trend
    const labels = points.map((p) => (p.periodMonths === 12 ? formatDate(p.periodEnd, locale) : `${formatDate(p.periodEnd, locale)} (${t('statements.months', { count: p.periodMonths })})`))
    const scores = points.map((p) => p.score)
    const range = cutoffs ? zAxisRange(scores, cutoffs) : undefined
    return {
      grid: { left: 48, right: 72, top: 24, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const index = [params].flat()[0]?.dataIndex ?? 0
          const point = points[index]
          if (!point) return ''
          const value = point.score === null ? translateReason(point.reason ?? '', t, locale) : `${formatNumber(point.score, locale)} · ${t(`risk.zones.${point.zone}`)}`
          return `${labels[index]}<br/>${t('risk.zScore.score')}: ${value}`
        },
      },
      xAxis: { type: 'category', data: labels, boundaryGap: false },
      yAxis: { type: 'value', min: range?.min, max: range?.max },
      series: [
        {
          type: 'line',
          name: t('risk.zScore.score'),
          data: scores,
          connectNulls: false,
          symbolSize: 8,
          lineStyle: { width: 2, color: '#1d4ed8' },
          itemStyle: { color: '#1d4ed8' },
          markArea:
            cutoffs && range
              ? {
                  silent: true,
                  label: { position: 'insideRight', color: '#475569' },
                  data: zoneBands(cutoffs, range).map((band) => [
                    { yAxis: band.from, name: t(`risk.zones.${band.zone}`), itemStyle: { color: ZONE_COLOURS[band.zone] } },
                    { yAxis: band.to },
                  ]),
                }
              : undefined,
        },
      ],
    }
  }, [trend, t, locale])
  return <EChart option={option} height={260} label={t('risk.zScore.chartLabel', { model: trend.modelName ?? '' })} data-testid="z-score-chart" />
}
