import { CalculatorOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useScoreCustomer } from '../../api/risk-queries.ts'
import type { CustomerScore, ScoreReason } from '../../api/types.ts'
import { formatNumber, formatPercent } from '../../format/numbers.ts'

type PointsRow = CustomerScore['points'][number]

const reasonText = (reason: ScoreReason, locale: string) => `${reason.feature} (−${formatNumber(Math.abs(reason.pointsLost), locale)})`

/** Scores the customer with the approved scorecard on request, and shows the points each feature earned. */
export function ScorecardBreakdown({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const score = useScoreCustomer(customerId)

  let body
  if (score.isError) body = <Alert type="error" showIcon title={score.error.message} />
  else if (score.data === null) body = <Empty description={t('risk.scorecard.noModel')} data-testid="no-scorecard" />
  else if (score.data === undefined) body = <Typography.Text type="secondary">{t('risk.scorecard.hint')}</Typography.Text>
  else {
    const result = score.data
    body = (
      <>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('risk.scorecard.model')}>
            {result.name} · v{result.version}
          </Descriptions.Item>
          <Descriptions.Item label={t('risk.scorecard.score')}>
            <Typography.Text strong data-testid="scorecard-score">
              {formatNumber(result.score, locale, 1)}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('risk.pd')}>{formatPercent(result.pd, locale)}</Descriptions.Item>
          {result.basePoints !== undefined && <Descriptions.Item label={t('risk.scorecard.basePoints')}>{formatNumber(result.basePoints, locale)}</Descriptions.Item>}
          <Descriptions.Item label={t('risk.scorecard.reasons')} span="filled">
            {result.reasons.length === 0 ? (
              '—'
            ) : (
              <Space size={[0, 4]} wrap>
                {result.reasons.map((reason) => (
                  <Tag key={reason.feature}>{reasonText(reason, locale)}</Tag>
                ))}
              </Space>
            )}
          </Descriptions.Item>
          {result.missing.length > 0 && (
            <Descriptions.Item label={t('risk.scorecard.missing')} span="filled">
              <Space size={[0, 4]} wrap>
                {result.missing.map((feature) => (
                  <Tag key={feature} color="orange">
                    {feature}
                  </Tag>
                ))}
              </Space>
            </Descriptions.Item>
          )}
        </Descriptions>
        <Table<PointsRow>
          rowKey="feature"
          size="small"
          pagination={false}
          dataSource={result.points}
          data-testid="scorecard-points"
          columns={[
            { key: 'feature', title: t('risk.scorecard.feature'), dataIndex: 'feature' },
            { key: 'value', title: t('risk.scorecard.value'), render: (_, p) => (p.value === null || p.value === '' ? t('risk.scorecard.noValue') : String(p.value)) },
            { key: 'bin', title: t('risk.scorecard.bin'), render: (_, p) => <Typography.Text code>{p.bin}</Typography.Text> },
            { key: 'points', title: t('risk.scorecard.points'), align: 'right', render: (_, p) => formatNumber(p.points, locale) },
          ]}
        />
      </>
    )
  }

  return (
    <Card
      size="small"
      title={t('risk.scorecard.title')}
      extra={
        <Button icon={<CalculatorOutlined />} loading={score.isPending} onClick={() => score.mutate()} data-testid="score-with-scorecard">
          {t('risk.scorecard.scoreNow')}
        </Button>
      }
    >
      {body}
    </Card>
  )
}
