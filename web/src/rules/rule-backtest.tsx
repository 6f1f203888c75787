import { Alert, Button, Card, Col, Flex, Input, Row, Statistic, Typography } from 'antd'
import { useMutation } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../api/client.ts'
import type { RuleInput } from '../api/types.ts'
import { EChart, type ChartOption } from '../charts/echart.tsx'

type Ratio = { hits: number; total: number; value: number | null }

/** What POST /api/v1/rules/backtest answers (docs/api.md). */
export type RuleBacktestResult = {
  from: string
  to: string
  transactions: number
  hits: number
  suppressed: number
  customersAffected: number
  alertCount: number
  perDay: { day: string; alerts: number }[]
  groundTruth: { cases: number; recall: Ratio; precision: Ratio; precisionAll: Ratio } | null
}

const DAY = 86_400_000
const isoDay = (at: number) => new Date(at).toISOString().slice(0, 10)

type Props = {
  /** The rule as the editor holds it, checked; rejects when a field is invalid (the form shows why). */
  getRule: () => Promise<RuleInput>
}

/**
 * The rule being edited over the stored history of a range, exactly as live evaluation would
 * have run it: totals, alerts per day, and recall and precision where labelled cases exist.
 */
export function RuleBacktest({ getRule }: Props) {
  const { t } = useTranslation()
  const today = Math.floor(Date.now() / DAY) * DAY
  const [from, setFrom] = useState(isoDay(today - 90 * DAY))
  const [to, setTo] = useState(isoDay(today + DAY))
  const run = useMutation({
    mutationFn: async () => api<RuleBacktestResult>('/api/v1/rules/backtest', { method: 'POST', json: { rule: await getRule(), from, to } }),
  })
  const result = run.data
  const percent = (ratio: Ratio) => (ratio.value === null ? '—' : `${(ratio.value * 100).toFixed(1)}% (${ratio.hits}/${ratio.total})`)

  const option = useMemo((): ChartOption | null => {
    if (!result) return null
    return {
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: result.perDay.map((d) => d.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: t('rules.backtest.alerts'), data: result.perDay.map((d) => d.alerts), itemStyle: { color: '#dc2626' } }],
    }
  }, [result, t])

  return (
    <Card size="small" title={t('rules.backtest.title')} data-testid="rule-backtest">
      <Typography.Paragraph type="secondary">{t('rules.backtest.hint')}</Typography.Paragraph>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-label={t('rules.backtest.from')} style={{ width: 170 }} data-testid="backtest-from" />
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-label={t('rules.backtest.to')} style={{ width: 170 }} data-testid="backtest-to" />
        <Button onClick={() => run.mutate()} loading={run.isPending} disabled={!from || !to} data-testid="backtest-run">
          {t('rules.backtest.run')}
        </Button>
      </Flex>
      {run.isError && <Alert type="error" showIcon title={run.error.message} style={{ marginBottom: 12 }} data-testid="backtest-error" />}
      {result && (
        <>
          <Row gutter={16} data-testid="backtest-totals">
            <Col span={6}>
              <Statistic title={t('rules.backtest.hits')} value={result.hits} />
            </Col>
            <Col span={6}>
              <Statistic title={t('rules.backtest.alerts')} value={result.alertCount} />
            </Col>
            <Col span={6}>
              <Statistic title={t('rules.backtest.customers')} value={result.customersAffected} />
            </Col>
            <Col span={6}>
              <Statistic title={t('rules.backtest.transactions')} value={result.transactions} />
            </Col>
          </Row>
          {option && <EChart option={option} height={220} label={t('rules.backtest.chartLabel')} data-testid="backtest-chart" />}
          {result.groundTruth ? (
            <Typography.Paragraph data-testid="backtest-ground-truth">
              {t('rules.backtest.groundTruth', { cases: result.groundTruth.cases, recall: percent(result.groundTruth.recall), precision: percent(result.groundTruth.precision) })}
            </Typography.Paragraph>
          ) : (
            <Typography.Paragraph type="secondary">{t('rules.backtest.noGroundTruth')}</Typography.Paragraph>
          )}
        </>
      )}
    </Card>
  )
}
