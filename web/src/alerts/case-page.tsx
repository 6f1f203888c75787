import { ArrowLeftOutlined } from '@ant-design/icons'
import { Alert, Card, Descriptions, Divider, Flex, Skeleton, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { useCase } from '../api/alert-queries.ts'
import { ApiError } from '../api/client.ts'
import type { AlertView } from '../api/types.ts'
import { useHasPermission } from '../auth/use-permission.ts'
import { formatDateTime } from '../format/dates.ts'
import { NotFoundPage } from '../layout/not-found-page.tsx'
import { CaseActions } from './case-actions.tsx'
import { CaseAttachments } from './case-attachments.tsx'
import { CaseComments } from './case-comments.tsx'
import { CaseStatusTag } from './case-status-tag.tsx'
import { CaseTimeline } from './case-timeline.tsx'
import { CloseCaseForm } from './close-case-form.tsx'
import { EvidenceTable } from './evidence-table.tsx'
import { RulePlaybook } from './rule-playbook.tsx'
import { SeverityTag } from './severity-tag.tsx'
import { SlaDue } from './sla-due.tsx'

/**
 * One case: its customer, severity, owner and due time; the work on it (assign, investigate,
 * escalate, close); its alerts with the values that fired them next to the baselines and the
 * rule's playbook; its comments with @mentions, its attachments, and its timeline.
 */
export function CasePage() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { caseId = '' } = useParams()
  const detail = useCase(caseId)
  const canWork = useHasPermission('alerts.work')

  if (detail.isPending) return <Skeleton active />
  if (detail.isError) {
    if (detail.error instanceof ApiError && detail.error.status === 404) return <NotFoundPage />
    return <Alert type="error" showIcon title={detail.error.message} />
  }
  const data = detail.data

  return (
    <Flex vertical gap={16}>
      <Card>
        <Link to="/cases">
          <ArrowLeftOutlined /> {t('cases.title')}
        </Link>
        <Space align="center" size={12} style={{ display: 'flex', marginTop: 8 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">
            {t('cases.case')} {data.id}
          </Typography.Title>
          <CaseStatusTag status={data.status} />
          <SeverityTag severity={data.severity} />
        </Space>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('alerts.customer')}>
            <Link to={`/customers/${data.customerId}`}>{data.customerName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.openedAt')}>{formatDateTime(data.openedAt, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('cases.alertCount')}>{data.alerts.length}</Descriptions.Item>
          <Descriptions.Item label={t('cases.work.owner')}>{data.ownerId ?? t('cases.work.unowned')}</Descriptions.Item>
          <Descriptions.Item label={t('cases.work.slaDue')}>
            <SlaDue kase={data} />
          </Descriptions.Item>
          <Descriptions.Item label={t('cases.work.escalationLevel')}>{data.escalationLevel}</Descriptions.Item>
          {data.status === 'closed' && (
            <>
              <Descriptions.Item label={t('cases.closedAt')}>{data.closedAt ? `${formatDateTime(data.closedAt, locale)}${data.closedBy ? ` · ${data.closedBy}` : ''}` : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('cases.disposition.title')}>{data.disposition ? t(`cases.disposition.${data.disposition}`) : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('cases.close.note')}>{data.note ?? '—'}</Descriptions.Item>
            </>
          )}
        </Descriptions>
        {data.status !== 'closed' && canWork && (
          <div style={{ marginTop: 16 }}>
            <CaseActions kase={data} />
          </div>
        )}
      </Card>

      {data.alerts.map((alert) => (
        <AlertCard key={alert.id} alert={alert} />
      ))}

      <Card size="small" title={t('cases.comments.title')}>
        <CaseComments caseId={data.id} canWrite={canWork} />
      </Card>

      <Card size="small" title={t('cases.attachments.title')}>
        <CaseAttachments caseId={data.id} canWrite={canWork} />
      </Card>

      <Card size="small" title={t('cases.timeline.title')}>
        <CaseTimeline caseId={data.id} />
      </Card>

      {data.status !== 'closed' && canWork && (
        <Card size="small" title={t('cases.close.title')}>
          <CloseCaseForm caseId={data.id} />
        </Card>
      )}
    </Flex>
  )
}

function AlertCard({ alert }: { alert: AlertView }) {
  const { t, i18n } = useTranslation()
  return (
    <Card
      size="small"
      data-testid={`alert-${alert.id}`}
      title={
        <Space>
          <SeverityTag severity={alert.severity} />
          <span>
            {alert.ruleKey} v{alert.ruleVersion}
          </span>
          <Typography.Text type="secondary">
            {t('alerts.score')} {alert.score}
          </Typography.Text>
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {formatDateTime(alert.at, i18n.language)}
          {alert.transaction ? ` · ${alert.transaction.source}/${alert.transaction.id}` : ''}
        </Typography.Text>
      }
    >
      <EvidenceTable evidence={alert.evidence} />
      <Divider titlePlacement="start" plain>
        {t('cases.playbook.title')}
      </Divider>
      <RulePlaybook ruleId={alert.ruleId} />
    </Card>
  )
}
