import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type ChartOption } from '../../charts/echart.tsx'
import { formatMoney, formatMoneyCompact } from '../../format/money.ts'
import type { AgingChartData } from './aging-chart-data.ts'

/** Open amount per aging bucket, a bar each from current (green) to the oldest (dark red), the invoice count on top. */
export function AgingChart({ data }: { data: AgingChartData }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const option = useMemo((): ChartOption => {
    const labels = data.labels.map((label) => (label === 'current' ? t('receivables.aging.current') : t('receivables.aging.bucket', { label })))
    return {
      grid: { left: 72, right: 16, top: 24, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const index = [params].flat()[0]?.dataIndex ?? 0
          return [
            labels[index],
            `${t('receivables.aging.amount')}: ${formatMoney(data.amounts[index] ?? 0, data.currency, locale)}`,
            `${t('receivables.aging.invoices')}: ${data.counts[index] ?? 0}`,
          ].join('<br/>')
        },
      },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatMoneyCompact(value, data.currency, locale) } },
      series: [
        {
          type: 'bar',
          name: t('receivables.aging.amount'),
          data: data.amounts.map((amount, index) => ({ value: amount, itemStyle: { color: data.colours[index] } })),
          label: { show: true, position: 'top', formatter: (params) => (data.counts[params.dataIndex] ? t('receivables.invoices', { count: data.counts[params.dataIndex] }) : '') },
        },
      ],
    }
  }, [data, t, locale])
  return <EChart option={option} height={260} label={t('receivables.aging.chartLabel', { currency: data.currency })} data-testid="aging-chart" />
}
