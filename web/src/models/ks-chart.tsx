import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { KsPoint } from '../api/types.ts'
import { EChart, type ChartOption } from '../charts/echart.tsx'
import { formatNumber, formatPercent } from '../format/numbers.ts'
import { ksGap } from './ks-gap.ts'

/** The cumulative shares of bads and goods by score, with the KS gap, where they lie furthest apart, marked. */
export function KsChart({ points }: { points: KsPoint[] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const option = useMemo((): ChartOption => {
    const sorted = [...points].sort((a, b) => a.score - b.score)
    const gap = ksGap(sorted)
    return {
      grid: { left: 56, right: 16, top: 32, bottom: 48 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatPercent(Number(value), locale, 1) },
      xAxis: { type: 'value', scale: true, name: t('models.ks.score'), nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (value: number) => formatPercent(value, locale, 0) } },
      series: [
        {
          type: 'line',
          name: t('models.ks.cumBad'),
          data: sorted.map((p) => [p.score, p.cumBad]),
          showSymbol: false,
          lineStyle: { color: '#dc2626' },
          itemStyle: { color: '#dc2626' },
          markLine: gap
            ? {
                symbol: 'none',
                lineStyle: { color: '#0f172a', type: 'solid', width: 2 },
                label: { formatter: t('models.ks.gap', { ks: formatNumber(gap.gap, locale, 3), score: formatNumber(gap.score, locale, 1) }), position: 'middle' },
                data: [
                  [
                    { coord: [gap.score, gap.cumBad], name: 'KS' },
                    { coord: [gap.score, gap.cumGood] },
                  ],
                ],
              }
            : undefined,
        },
        {
          type: 'line',
          name: t('models.ks.cumGood'),
          data: sorted.map((p) => [p.score, p.cumGood]),
          showSymbol: false,
          lineStyle: { color: '#16a34a' },
          itemStyle: { color: '#16a34a' },
        },
      ],
    }
  }, [points, t, locale])
  return <EChart option={option} height={320} label={t('models.ks.title')} data-testid="ks-chart" />
}
