import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { EChart, type ChartOption } from '../../charts/echart.tsx'
import { formatDate } from '../../format/dates.ts'
import { formatNumber } from '../../format/numbers.ts'
import { PAYMENT_BAND_COLOUR, paymentBand, type PaymentBand } from './figure-display.ts'
import type { TrendChartData } from './trend-chart-data.ts'

const BANDS: { band: PaymentBand; from: number; to: number }[] = [
  { band: 'poor', from: 0, to: 50 },
  { band: 'watch', from: 50, to: 80 },
  { band: 'good', from: 80, to: 100 },
]

/** The payment index at each month end over its good (80+), watch (50–79) and poor (<50) bands, each point in its band's colour. */
export function PaymentIndexTrendChart({ data }: { data: TrendChartData }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const option = useMemo((): ChartOption => {
    const labels = data.dates.map((date) => formatDate(date, locale))
    return {
      grid: { left: 48, right: 24, top: 24, bottom: 32 },
      tooltip: {
        trigger: 'axis',
        formatter: (params) => {
          const index = [params].flat()[0]?.dataIndex ?? 0
          const value = data.paymentIndex[index] ?? null
          const band = paymentBand(value)
          return `${labels[index]}<br/>${t('receivables.trend.paymentIndex')}: ${formatNumber(value, locale, 0)}${band ? ` · ${t(`receivables.paymentBands.${band}`)}` : ''}`
        },
      },
      xAxis: { type: 'category', data: labels, boundaryGap: false },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'line',
          name: t('receivables.trend.paymentIndex'),
          connectNulls: false,
          symbolSize: 8,
          lineStyle: { color: '#475569' },
          data: data.paymentIndex.map((value) => {
            const band = paymentBand(value)
            return band ? { value, itemStyle: { color: PAYMENT_BAND_COLOUR[band] } } : value
          }),
          markArea: {
            silent: true,
            data: BANDS.map(({ band, from, to }) => [{ yAxis: from, itemStyle: { color: PAYMENT_BAND_COLOUR[band], opacity: 0.08 } }, { yAxis: to }]),
          },
        },
      ],
    }
  }, [data, t, locale])
  return <EChart option={option} height={240} label={t('receivables.trend.paymentIndexChartLabel')} data-testid="payment-index-trend-chart" />
}
