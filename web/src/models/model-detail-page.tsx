import { ArrowLeftOutlined, CheckOutlined, StopOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Skeleton, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError } from '../api/client.ts'
import { useChangeModelStatus, useModel } from '../api/model-queries.ts'
import { useHasPermission } from '../auth/use-permission.ts'
import { formatDateTime } from '../format/dates.ts'
import { formatNumber } from '../format/numbers.ts'
import { NotFoundPage } from '../layout/not-found-page.tsx'
import { KsChart } from './ks-chart.tsx'
import { MetricsTable } from './metrics-table.tsx'
import { ModelStatusTag } from './model-status-tag.tsx'
import { RocChart } from './roc-chart.tsx'
import { ScorecardTable } from './scorecard-table.tsx'

/** One scorecard: who trained it on what, how well it ranks, its curves and its points, and approving or retiring it. */
export function ModelDetailPage() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const locale = i18n.language
  const { modelId = '' } = useParams()
  const model = useModel(modelId)
  const canApprove = useHasPermission('models.approve')
  const change = useChangeModelStatus()
  const [refusal, setRefusal] = useState<string | null>(null)

  if (model.isPending) return <Skeleton active />
  if (model.isError) {
    if (model.error instanceof ApiError && model.error.status === 404) return <NotFoundPage />
    return <Alert type="error" showIcon title={model.error.message} />
  }
  const data = model.data
  const curveRows = data.validation.rows ?? (data.metrics.holdout ? 'holdout' : 'train')

  const act = (action: 'approve' | 'retire') => {
    setRefusal(null)
    change.mutate(
      { id: data.id, action },
      {
        onSuccess: () => void message.success(t(`models.actions.${action}d`)),
        onError: (error) => setRefusal(error.message),
      },
    )
  }

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="flex-start" wrap gap={16}>
          <div>
            <Link to="/models">
              <ArrowLeftOutlined /> {t('models.title')}
            </Link>
            <Space align="center" size={12} style={{ display: 'flex', marginTop: 8 }}>
              <Typography.Title level={3} style={{ margin: 0 }} data-testid="model-name">
                {data.name}
              </Typography.Title>
              <Typography.Text type="secondary">v{data.version}</Typography.Text>
              <ModelStatusTag status={data.status} />
            </Space>
          </div>
          {canApprove && (
            <Space>
              {data.status === 'draft' && (
                <Popconfirm title={t('models.actions.confirmApprove')} okText={t('models.actions.approve')} cancelText={t('actions.cancel')} onConfirm={() => act('approve')}>
                  <Button type="primary" icon={<CheckOutlined />} loading={change.isPending && change.variables?.action === 'approve'} data-testid="approve-model">
                    {t('models.actions.approve')}
                  </Button>
                </Popconfirm>
              )}
              {data.status !== 'retired' && (
                <Popconfirm title={t('models.actions.confirmRetire')} okText={t('models.actions.retire')} cancelText={t('actions.cancel')} onConfirm={() => act('retire')}>
                  <Button danger icon={<StopOutlined />} loading={change.isPending && change.variables?.action === 'retire'} data-testid="retire-model">
                    {t('models.actions.retire')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
        </Flex>
        {refusal && <Alert type="error" showIcon closable onClose={() => setRefusal(null)} style={{ marginTop: 16 }} title={t('models.actions.refused')} description={refusal} data-testid="model-refusal" />}
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('models.target')}>
            {data.target} = {data.bad}
          </Descriptions.Item>
          <Descriptions.Item label={t('models.rows')}>{formatNumber(data.rows, locale, 0)}</Descriptions.Item>
          <Descriptions.Item label={t('models.dataSha256')}>
            <Typography.Text code copyable={{ text: data.dataSha256 }}>
              {data.dataSha256.slice(0, 12)}…
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('models.trainedBy')}>
            {data.trainedBy} · {formatDateTime(data.trainedAt, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('models.approvedBy')}>{data.approvedBy && data.approvedAt ? `${data.approvedBy} · ${formatDateTime(data.approvedAt, locale)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('models.retiredAt')}>{data.retiredAt ? formatDateTime(data.retiredAt, locale) : '—'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card size="small" title={t('models.metrics.title')}>
        <MetricsTable metrics={data.metrics} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('models.roc.title')} extra={<Typography.Text type="secondary">{t(`models.curvesOn.${curveRows}`)}</Typography.Text>}>
            <RocChart points={data.validation.roc} auc={data.metrics[curveRows]?.auc ?? null} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('models.ks.title')} extra={<Typography.Text type="secondary">{t(`models.curvesOn.${curveRows}`)}</Typography.Text>}>
            <KsChart points={data.validation.ks} />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('models.scorecard.title')}>
        <ScorecardTable scorecard={data.scorecard} />
      </Card>
    </Flex>
  )
}
