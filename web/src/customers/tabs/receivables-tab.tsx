import { Alert, Card, Col, Empty, Flex, Row, Segmented, Skeleton, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCustomerMetrics, useReceivablesTrend } from '../../api/activity-queries.ts'
import { formatDateTime } from '../../format/dates.ts'
import { AgingChart } from '../receivables/aging-chart.tsx'
import { agingChartData } from '../receivables/aging-chart-data.ts'
import { DsoTrendChart } from '../receivables/dso-trend-chart.tsx'
import { mainCurrency } from '../receivables/headline-figures.ts'
import { OpenInvoicesTable } from '../receivables/open-invoices-table.tsx'
import { PaymentIndexTrendChart } from '../receivables/payment-index-trend-chart.tsx'
import { ReceivablesHeadline } from '../receivables/receivables-headline.tsx'
import { ReceivablesNotes } from '../receivables/receivables-notes.tsx'
import { trendChartData } from '../receivables/trend-chart-data.ts'

/**
 * What the customer owes and how it pays, from its invoices and payments: the headline figures
 * per currency, the aging, DSO and the payment index over the last year, the open invoices and
 * what the server noticed about the data.
 */
export function ReceivablesTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const metrics = useCustomerMetrics(customerId)
  const trend = useReceivablesTrend(customerId)
  const [picked, setPicked] = useState<string | null>(null)
  const trendData = useMemo(() => (trend.data ? trendChartData(trend.data) : null), [trend.data])

  if (metrics.isPending) return <Skeleton active />
  if (metrics.isError) return <Alert type="error" showIcon title={metrics.error.message} />
  const summary = metrics.data.receivables
  const currencies = summary.currencies.map((c) => c.currency)
  const currency = picked !== null && currencies.includes(picked) ? picked : mainCurrency(summary)
  const current = summary.currencies.find((c) => c.currency === currency)

  if (!current) {
    return (
      <Flex vertical gap={16}>
        <Empty description={t('receivables.none')} data-testid="receivables-empty" />
        <ReceivablesNotes summary={summary} />
      </Flex>
    )
  }

  const trendCurrency = trend.data?.currency ? <Typography.Text type="secondary">{t('receivables.trend.currency', { currency: trend.data.currency })}</Typography.Text> : null
  const trendBody = (draw: 'dso' | 'paymentIndex') => {
    if (trend.isPending) return <Skeleton active />
    if (trend.isError) return <Alert type="error" showIcon title={trend.error.message} />
    const hasData = draw === 'dso' ? trendData?.hasDso : trendData?.hasPaymentIndex
    if (!trendData || !hasData) return <Empty description={t('receivables.trend.none')} />
    return draw === 'dso' ? <DsoTrendChart data={trendData} /> : <PaymentIndexTrendChart data={trendData} />
  }
  const aging = agingChartData(current.aging)

  return (
    <Flex vertical gap={16} data-testid="receivables-tab">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('receivables.asOf', { time: formatDateTime(summary.asOf, locale) })}</Typography.Text>
        {currencies.length > 1 && (
          <Segmented<string> value={current.currency} onChange={setPicked} options={currencies} aria-label={t('receivables.currency')} data-testid="receivables-currency" />
        )}
      </Flex>

      <ReceivablesHeadline
        receivables={current}
        utilisation={summary.utilisation}
        creditLimit={metrics.data.creditLimit}
        unappliedCash={summary.unappliedCash.find((u) => u.currency === current.currency) ?? null}
      />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('receivables.aging.title')}>
            {aging.isEmpty ? <Empty description={t('receivables.aging.none')} /> : <AgingChart data={aging} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('receivables.invoices.title')}>
            <OpenInvoicesTable invoices={current.daysPastDue.invoices} currency={current.currency} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('receivables.trend.dsoTitle')} extra={trendCurrency}>
            {trendBody('dso')}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('receivables.trend.paymentIndexTitle')} extra={trendCurrency}>
            {trendBody('paymentIndex')}
          </Card>
        </Col>
      </Row>

      <ReceivablesNotes summary={summary} />
    </Flex>
  )
}
