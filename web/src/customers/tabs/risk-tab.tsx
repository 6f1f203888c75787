import { InfoCircleOutlined } from '@ant-design/icons'
import { Alert, Card, Col, Empty, Flex, Row, Skeleton, Tooltip, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useAssessments, useFinancialAnalysis } from '../../api/risk-queries.ts'
import { useHasPermission } from '../../auth/use-permission.ts'
import { AssessmentHistory } from '../risk/assessment-history.tsx'
import { LatestAssessmentCard } from '../risk/latest-assessment-card.tsx'
import { PdTrendChart } from '../risk/pd-trend-chart.tsx'
import { pdTrend } from '../risk/pd-trend.ts'
import { RatiosTable } from '../risk/ratios-table.tsx'
import { ScorecardBreakdown } from '../risk/scorecard-breakdown.tsx'
import { ZScoreChart } from '../risk/z-score-chart.tsx'
import { zScoreTrend } from '../risk/z-score-trend.ts'

/**
 * The customer's risk: the latest assessment (grade, PD, reasons, limit), the Z-score over
 * the periods on file, the ratios, the assessment history and the scorecard's points.
 */
export function RiskTab({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const { t } = useTranslation()
  const canOverride = useHasPermission('ratings.override')
  const analysis = useFinancialAnalysis(customerId)
  const assessments = useAssessments(customerId)
  const items = useMemo(() => assessments.data ?? [], [assessments.data])
  const trend = useMemo(() => (analysis.data ? zScoreTrend(analysis.data) : null), [analysis.data])
  const pdPoints = useMemo(() => pdTrend(items), [items])

  return (
    <Flex vertical gap={16} data-testid="risk-tab">
      {assessments.isError && <Alert type="error" showIcon title={assessments.error.message} />}
      <LatestAssessmentCard customerId={customerId} assessment={items[0] ?? null} loading={assessments.isPending} canAssess={canWrite} canOverride={canOverride} />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('risk.zScore.title')}
            extra={
              trend?.modelName && (
                <Tooltip title={analysis.data?.modelChoice.reason}>
                  <Typography.Text type="secondary">
                    {trend.modelName} <InfoCircleOutlined />
                  </Typography.Text>
                </Tooltip>
              )
            }
          >
            {analysis.isPending ? (
              <Skeleton active />
            ) : analysis.isError ? (
              <Alert type="error" showIcon title={analysis.error.message} />
            ) : !trend || trend.points.length === 0 ? (
              <Empty description={t('statements.none')} />
            ) : (
              <ZScoreChart trend={trend} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('risk.history.trendTitle')}>
            {assessments.isPending ? <Skeleton active /> : pdPoints.length === 0 ? <Empty description={t('risk.latest.none')} /> : <PdTrendChart points={pdPoints} />}
          </Card>
        </Col>
      </Row>

      {analysis.data && analysis.data.periods.length > 0 && (
        <Card size="small" title={t('risk.ratios.title')}>
          <RatiosTable periods={analysis.data.periods} />
        </Card>
      )}

      <Card size="small" title={t('risk.history.title')}>
        <AssessmentHistory assessments={items} loading={assessments.isPending} />
      </Card>

      {canWrite && <ScorecardBreakdown customerId={customerId} />}
    </Flex>
  )
}
