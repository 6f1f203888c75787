import { Table, Tooltip } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompositeRating } from '../../api/types.ts'
import { EChart, type ChartOption } from '../../charts/echart.tsx'
import { formatNumber, formatPercent } from '../../format/numbers.ts'
import { signalInputText } from './signal-input.ts'
import { signalPushes, type SignalPush } from './signal-pushes.ts'

/**
 * How much each signal moved the rating from the portfolio-neutral PD (a bar each, adverse
 * to the right in red), and what each read, the PD it implied and its weight.
 */
export function SignalContributions({ rating }: { rating: CompositeRating }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const pushes = useMemo(() => signalPushes(rating), [rating])
  const option = useMemo((): ChartOption => {
    const shown = [...pushes].reverse() // the chart draws the first category at the bottom
    return {
      grid: { left: 120, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value) => formatNumber(Number(value), locale, 3) },
      xAxis: { type: 'value', name: t('risk.contributions.push'), nameLocation: 'middle', nameGap: 22, axisLabel: { formatter: (value: number) => formatNumber(value, locale, 2) } },
      yAxis: { type: 'category', data: shown.map((p) => t(`risk.signals.${p.signal}`)) },
      series: [
        {
          type: 'bar',
          name: t('risk.contributions.push'),
          data: shown.map((p) => ({ value: p.push, itemStyle: { color: p.push > 0 ? '#dc2626' : '#16a34a' } })),
          barMaxWidth: 18,
        },
      ],
    }
  }, [pushes, t, locale])

  return (
    <>
      <EChart option={option} height={Math.max(120, 36 * pushes.length + 40)} label={t('risk.contributions.chartLabel')} />
      <Table<SignalPush>
        rowKey="signal"
        size="small"
        pagination={false}
        dataSource={pushes}
        data-testid="contributions"
        columns={[
          { key: 'signal', title: t('risk.contributions.signal'), render: (_, p) => <Tooltip title={p.mapping}>{t(`risk.signals.${p.signal}`)}</Tooltip> },
          { key: 'input', title: t('risk.contributions.input'), render: (_, p) => signalInputText(p.signal, p.input, t, locale) },
          { key: 'pd', title: t('risk.pd'), align: 'right', render: (_, p) => formatPercent(p.pd, locale) },
          { key: 'weight', title: t('risk.contributions.weight'), align: 'right', render: (_, p) => formatPercent(p.weight, locale, 0) },
          { key: 'push', title: t('risk.contributions.push'), align: 'right', render: (_, p) => formatNumber(p.push, locale, 3) },
        ]}
      />
    </>
  )
}
