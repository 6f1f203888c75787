import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCustomerControls, useDecideLimitProposal, useLiftCreditHold, type ControlReviewView, type LimitProposalView } from '../../api/control-queries.ts'
import { useHasPermission } from '../../auth/use-permission.ts'
import { formatDate, formatDateTime } from '../../format/dates.ts'
import { formatMoney } from '../../format/money.ts'

const PROPOSAL_COLOURS: Record<LimitProposalView['status'], string> = { proposed: 'gold', accepted: 'green', rejected: 'default' }

/** A note asked for before an action that needs one (lifting a hold, rejecting a proposal). */
function NoteModal({ open, title, onCancel, onSubmit, pending, testId }: { open: boolean; title: string; onCancel: () => void; onSubmit: (note: string) => void; pending: boolean; testId: string }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<{ note: string }>()
  return (
    <Modal open={open} title={title} onCancel={onCancel} onOk={() => form.submit()} okButtonProps={{ loading: pending, id: `${testId}-submit` }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(values) => onSubmit(values.note.trim())} data-testid={testId}>
        <Form.Item name="note" label={t('controls.note')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  )
}

/** The automatic controls on a customer: its credit hold, the limit cuts proposed (accept or reject them) and the reviews started. */
export function ControlsTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const controls = useCustomerControls(customerId)
  const canLift = useHasPermission('controls.lift')
  const canDecide = useHasPermission('controls.decide')
  const lift = useLiftCreditHold(customerId)
  const decide = useDecideLimitProposal(customerId)
  const [lifting, setLifting] = useState(false)
  const [rejecting, setRejecting] = useState<string | null>(null)
  const locale = i18n.language

  if (controls.isPending) return <Skeleton active />
  if (controls.isError) return <Alert type="error" showIcon title={controls.error.message} />
  const { creditHold, liftedHolds, limitProposals, reviews } = controls.data
  const failed = (error: Error) => void message.error(error.message)

  const proposalColumns = [
    { key: 'status', title: t('controls.proposals.status'), render: (_: unknown, p: LimitProposalView) => <Tag color={PROPOSAL_COLOURS[p.status]}>{t(`controls.proposals.statuses.${p.status}`)}</Tag> },
    {
      key: 'limit',
      title: t('controls.proposals.limit'),
      render: (_: unknown, p: LimitProposalView) => (
        <span data-testid={`proposal-limit-${p.id}`}>
          {formatMoney(p.currentLimit.amount, p.currentLimit.currency, locale)} → {formatMoney(p.proposedLimit.amount, p.proposedLimit.currency, locale)} ({t('controls.proposals.cut', { percent: p.cutPercent })})
        </span>
      ),
    },
    { key: 'reason', title: t('controls.reason'), render: (_: unknown, p: LimitProposalView) => <Typography.Text style={{ fontSize: 12 }}>{p.reason}</Typography.Text> },
    { key: 'proposedAt', title: t('controls.proposals.proposedAt'), render: (_: unknown, p: LimitProposalView) => formatDateTime(p.proposedAt, locale) },
    {
      key: 'decision',
      title: t('controls.proposals.decision'),
      render: (_: unknown, p: LimitProposalView) =>
        p.status === 'proposed' ? (
          canDecide ? (
            <Space>
              <Button
                size="small"
                type="primary"
                loading={decide.isPending}
                data-testid={`accept-${p.id}`}
                onClick={() => decide.mutate({ id: p.id, decision: 'accept' }, { onSuccess: () => void message.success(t('controls.proposals.accepted')), onError: failed })}
              >
                {t('controls.proposals.accept')}
              </Button>
              <Button size="small" danger data-testid={`reject-${p.id}`} onClick={() => setRejecting(p.id)}>
                {t('controls.proposals.reject')}
              </Button>
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('controls.proposals.waiting')}</Typography.Text>
          )
        ) : (
          <span>
            {p.decidedAt ? formatDateTime(p.decidedAt, locale) : ''}
            {p.note ? ` · ${p.note}` : ''}
          </span>
        ),
    },
  ]

  const reviewColumns = [
    { key: 'dueOn', title: t('controls.reviews.dueOn'), render: (_: unknown, r: ControlReviewView) => formatDate(r.dueOn, locale) },
    { key: 'task', title: t('controls.reviews.task'), render: (_: unknown, r: ControlReviewView) => <Tag color={r.taskStatus === 'done' ? 'green' : 'blue'}>{t(`controls.reviews.taskStatus.${r.taskStatus ?? 'gone'}`, { defaultValue: r.taskStatus ?? '—' })}</Tag> },
    { key: 'statusBefore', title: t('controls.reviews.statusBefore'), render: (_: unknown, r: ControlReviewView) => t(`customers.status.${r.statusBefore}`, { defaultValue: r.statusBefore }) },
    { key: 'reason', title: t('controls.reason'), render: (_: unknown, r: ControlReviewView) => <Typography.Text style={{ fontSize: 12 }}>{r.reason}</Typography.Text> },
    { key: 'triggeredAt', title: t('controls.reviews.triggeredAt'), render: (_: unknown, r: ControlReviewView) => formatDateTime(r.triggeredAt, locale) },
  ]

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="controls-tab">
      <Card size="small" title={t('controls.hold.title')} data-testid="credit-hold">
        {creditHold ? (
          <>
            <Alert type="error" showIcon title={t('controls.hold.active')} description={t('controls.hold.blocksSales')} style={{ marginBottom: 12 }} />
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('controls.reason')}>{creditHold.reason}</Descriptions.Item>
              <Descriptions.Item label={t('controls.hold.placedAt')}>{formatDateTime(creditHold.placedAt, locale)}</Descriptions.Item>
              {creditHold.alert?.caseId && (
                <Descriptions.Item label={t('controls.hold.case')}>
                  <Link to={`/cases/${creditHold.alert.caseId}`}>{creditHold.alert.ruleKey}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
            {canLift && (
              <Button danger onClick={() => setLifting(true)} data-testid="lift-hold">
                {t('controls.hold.lift')}
              </Button>
            )}
          </>
        ) : (
          <Typography.Text type="secondary" data-testid="no-hold">
            {t('controls.hold.none')}
          </Typography.Text>
        )}
        {liftedHolds.length > 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('controls.hold.lifted', { count: liftedHolds.length })}
          </Typography.Paragraph>
        )}
      </Card>
      <Card size="small" title={t('controls.proposals.title')}>
        {limitProposals.length === 0 ? <Empty description={t('controls.proposals.none')} /> : <Table rowKey="id" size="small" pagination={false} columns={proposalColumns} dataSource={limitProposals} data-testid="limit-proposals" />}
      </Card>
      <Card size="small" title={t('controls.reviews.title')}>
        {reviews.length === 0 ? <Empty description={t('controls.reviews.none')} /> : <Table rowKey="id" size="small" pagination={false} columns={reviewColumns} dataSource={reviews} data-testid="control-reviews" />}
      </Card>
      <NoteModal
        open={lifting}
        title={t('controls.hold.lift')}
        pending={lift.isPending}
        testId="lift-form"
        onCancel={() => setLifting(false)}
        onSubmit={(note) => lift.mutate(note, { onSuccess: () => (setLifting(false), void message.success(t('controls.hold.liftedOk'))), onError: failed })}
      />
      <NoteModal
        open={rejecting !== null}
        title={t('controls.proposals.reject')}
        pending={decide.isPending}
        testId="reject-form"
        onCancel={() => setRejecting(null)}
        onSubmit={(note) => decide.mutate({ id: rejecting!, decision: 'reject', note }, { onSuccess: () => (setRejecting(null), void message.success(t('controls.proposals.rejected'))), onError: failed })}
      />
    </Space>
  )
}
