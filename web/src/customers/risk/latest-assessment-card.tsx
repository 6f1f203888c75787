import { EditOutlined, ThunderboltOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Descriptions, Empty, Row, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAssessCustomer } from '../../api/risk-queries.ts'
import type { Assessment } from '../../api/types.ts'
import { formatDateTime } from '../../format/dates.ts'
import { formatMoneyOrDash } from '../../format/money.ts'
import { formatPercent } from '../../format/numbers.ts'
import { GradeTag } from './grade-tag.tsx'
import { LimitRecommendation } from './limit-recommendation.tsx'
import { OverrideModal } from './override-modal.tsx'
import { finalGradeOf } from './pd-trend.ts'
import { ReasonCodes } from './reason-codes.tsx'
import { SignalContributions } from './signal-contributions.tsx'

type Props = {
  customerId: string
  /** Newest first; the first is shown. */
  assessment: Assessment | null
  loading: boolean
  canAssess: boolean
  canOverride: boolean
}

/** The latest assessment: grade, PD, reasons, each signal's part, the limit, and the actions on it. */
export function LatestAssessmentCard({ customerId, assessment, loading, canAssess, canOverride }: Props) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const locale = i18n.language
  const assess = useAssessCustomer(customerId)
  const [isOverriding, setOverriding] = useState(false)
  const rating = assessment?.rating

  const actions = (
    <Space>
      {canOverride && assessment?.rating.rated && (
        <Button icon={<EditOutlined />} onClick={() => setOverriding(true)} data-testid="override">
          {t('risk.override.open')}
        </Button>
      )}
      {canAssess && (
        <Button
          type="primary"
          icon={<ThunderboltOutlined />}
          loading={assess.isPending}
          data-testid="assess-now"
          onClick={() =>
            assess.mutate(undefined, {
              onSuccess: () => void message.success(t('risk.assessed')),
              onError: (error) => void message.error(t('risk.assessFailed', { reason: error.message })),
            })
          }
        >
          {t('risk.assessNow')}
        </Button>
      )}
    </Space>
  )

  return (
    <Card size="small" title={t('risk.latest.title')} extra={actions} loading={loading} data-testid="latest-assessment">
      {!assessment || !rating ? (
        <Empty description={t('risk.latest.none')} />
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 4 }}>
            <Descriptions.Item label={t('risk.grade')}>
              <GradeTag grade={finalGradeOf(assessment)} modelGrade={assessment.override ? assessment.grade : null} large />
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.pd')}>
              <Typography.Text strong data-testid="pd">
                {formatPercent(assessment.pd, locale)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('risk.limit.recommended')}>{formatMoneyOrDash(assessment.creditLimit, assessment.currency, locale)}</Descriptions.Item>
            <Descriptions.Item label={t('risk.latest.assessedAt')}>
              {formatDateTime(assessment.createdAt, locale)} · {assessment.createdBy}
            </Descriptions.Item>
          </Descriptions>
          {assessment.override && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="override-note"
              title={t('risk.override.note', {
                from: assessment.override.fromGrade,
                to: assessment.override.toGrade,
                by: assessment.override.by,
                at: formatDateTime(assessment.override.at, locale),
              })}
              description={assessment.override.justification}
            />
          )}
          {!rating.rated ? (
            <Alert type="warning" showIcon title={t('risk.latest.notRated')} description={[rating.reason, ...rating.problems.map((p) => `${p.field}: ${p.message}`)].join('; ')} />
          ) : (
            <Row gutter={[24, 16]}>
              <Col xs={24} xl={12}>
                <Typography.Title level={5}>{t('risk.reasonCodes')}</Typography.Title>
                <ReasonCodes rating={rating} />
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t('risk.contributions.title')}
                </Typography.Title>
                <SignalContributions rating={rating} />
              </Col>
              <Col xs={24} xl={12}>
                <Typography.Title level={5}>{t('risk.limit.title')}</Typography.Title>
                <LimitRecommendation limit={assessment.limit} limitReason={assessment.limitReason} />
              </Col>
            </Row>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
            {t('risk.latest.versions', { weights: assessment.weightsVersion, scale: assessment.scaleVersion })}
          </Typography.Paragraph>
          <OverrideModal assessment={assessment} open={isOverriding} onClose={() => setOverriding(false)} />
        </>
      )}
    </Card>
  )
}
