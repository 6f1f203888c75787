import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { RocPoint } from '../api/types.ts'
import { EChart, type ChartOption } from '../charts/echart.tsx'
import { formatNumber } from '../format/numbers.ts'

/** The ROC curve (true against false positive rate) above the diagonal a model that ranks at random would follow. */
export function RocChart({ points, auc }: { points: RocPoint[]; auc: number | null }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const option = useMemo((): ChartOption => {
    const curve = [...points].sort((a, b) => a.fpr - b.fpr || a.tpr - b.tpr).map((p) => [p.fpr, p.tpr])
    const axis = (name: string) => ({ type: 'value' as const, min: 0, max: 1, name, nameLocation: 'middle' as const, nameGap: 28 })
    return {
      grid: { left: 56, right: 16, top: 32, bottom: 48 },
      legend: { top: 0 },
      tooltip: { trigger: 'item', valueFormatter: (value) => formatNumber(Number(value), locale, 3) },
      xAxis: axis(t('models.roc.fpr')),
      yAxis: axis(t('models.roc.tpr')),
      series: [
        {
          type: 'line',
          name: auc === null ? t('models.roc.curve') : t('models.roc.curveWithAuc', { auc: formatNumber(auc, locale, 3) }),
          data: curve,
          showSymbol: false,
          lineStyle: { color: '#1d4ed8', width: 2 },
          itemStyle: { color: '#1d4ed8' },
          areaStyle: { color: 'rgba(29, 78, 216, 0.08)' },
        },
        {
          type: 'line',
          name: t('models.roc.random'),
          data: [
            [0, 0],
            [1, 1],
          ],
          showSymbol: false,
          silent: true,
          lineStyle: { color: '#94a3b8', type: 'dashed' },
          itemStyle: { color: '#94a3b8' },
        },
      ],
    }
  }, [points, auc, t, locale])
  return <EChart option={option} height={320} label={t('models.roc.title')} data-testid="roc-chart" />
}
