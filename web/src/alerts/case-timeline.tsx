import { ArrowRightOutlined } from '@ant-design/icons'
import { Alert, Empty, Skeleton, Space, Timeline, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCaseTimeline } from '../api/alert-queries.ts'
import type { CaseTimelineEvent } from '../api/types.ts'
import { formatDateTime } from '../format/dates.ts'
import { SeverityTag } from './severity-tag.tsx'

type Action = Extract<CaseTimelineEvent, { kind: 'action' }>
type Change = Action['changes'][number]

const COLOURS: Record<string, string> = { 'case.opened': 'green', 'case.escalated': 'red', 'case.severity_raised': 'orange', 'case.closed': 'gray' }

/** A case's history, newest first: who did what to it and what changed, and the alerts raised into it. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation()
  const timeline = useCaseTimeline(caseId)
  if (timeline.isPending) return <Skeleton active />
  if (timeline.isError) return <Alert type="error" showIcon title={timeline.error.message} />
  if (timeline.data.length === 0) return <Empty description={t('timeline.none')} />
  return (
    <Timeline
      data-testid="case-timeline"
      items={timeline.data.map((event, index) => ({
        key: `${event.kind}-${event.kind === 'alert' ? event.alertId : index}`,
        color: event.kind === 'alert' ? 'orange' : (COLOURS[event.action] ?? 'blue'),
        content: event.kind === 'alert' ? <AlertEvent event={event} /> : <ActionEvent event={event} />,
      }))}
    />
  )
}

function When({ at }: { at: string }) {
  const { i18n } = useTranslation()
  return <Typography.Text type="secondary">{formatDateTime(at, i18n.language)}</Typography.Text>
}

function AlertEvent({ event }: { event: Extract<CaseTimelineEvent, { kind: 'alert' }> }) {
  const { t } = useTranslation()
  return (
    <Space wrap data-testid="case-timeline-event">
      <span>{t('cases.timeline.alertRaised')}</span>
      <SeverityTag severity={event.severity} />
      <Typography.Text code>{event.ruleKey}</Typography.Text>
      <When at={event.at} />
    </Space>
  )
}

function ActionEvent({ event }: { event: Action }) {
  const { t } = useTranslation()
  return (
    <div data-testid="case-timeline-event">
      <Space wrap>
        <Typography.Text strong>{event.actorName ?? (event.actor === 'system' ? t('cases.timeline.system') : event.actor)}</Typography.Text>
        <span>{t(`timeline.actions.${event.action}`, { defaultValue: event.action })}</span>
        <When at={event.at} />
      </Space>
      {event.changes.length > 0 && (
        <div>
          {event.changes.map((change) => (
            <div key={change.field}>
              <Typography.Text type="secondary">{t(`cases.timeline.fields.${change.field}`)}: </Typography.Text>
              <ChangeValue change={change} value={change.before} /> <ArrowRightOutlined /> <ChangeValue change={change} value={change.after} />
            </div>
          ))}
        </div>
      )}
      {event.note !== null && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Paragraph>}
    </div>
  )
}

function ChangeValue({ change, value }: { change: Change; value: string | number | null }) {
  const { t } = useTranslation()
  if (value === null) return <span>—</span>
  if (change.field === 'status') return <span>{t(`cases.status.${value}`, { defaultValue: String(value) })}</span>
  if (change.field === 'disposition') return <span>{t(`cases.disposition.${value}`, { defaultValue: String(value) })}</span>
  if (change.field === 'severity') return <span>{t(`alerts.severity.${value}`, { defaultValue: String(value) })}</span>
  return <span>{String(value)}</span>
}
