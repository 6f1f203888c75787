import { Alert, App, Button, Card, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApprovals, useDecideApproval, type ApprovalRequest, type ApprovalStatus } from '../api/workflow-queries.ts'
import { useHasPermission } from '../auth/use-permission.ts'
import { formatDateTime } from '../format/dates.ts'
import { formatMoney } from '../format/money.ts'

const STATUS_COLOR: Record<ApprovalStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red', cancelled: 'default' }

type Deciding = { request: ApprovalRequest; decision: 'approve' | 'reject' | 'cancel' }

/**
 * The approvals inbox: the pending requests routed to my role that I may decide (never my
 * own), approved or rejected with a note; and my own requests, which I may withdraw.
 */
export function ApprovalsPage() {
  const { t } = useTranslation()
  const canDecide = useHasPermission('approvals.decide')
  const [tab, setTab] = useState<'inbox' | 'mine'>(canDecide ? 'inbox' : 'mine')
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('approvals.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as 'inbox' | 'mine')}
        items={[
          ...(canDecide ? [{ key: 'inbox', label: t('approvals.inbox'), children: <ApprovalTable view="inbox" /> }] : []),
          { key: 'mine', label: t('approvals.mine'), children: <ApprovalTable view="mine" /> },
        ]}
      />
    </Card>
  )
}

function ApprovalTable({ view }: { view: 'inbox' | 'mine' }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { message } = App.useApp()
  const list = useApprovals(view)
  const decide = useDecideApproval()
  const [deciding, setDeciding] = useState<Deciding | null>(null)
  const [note, setNote] = useState('')

  function submit() {
    if (!deciding) return
    decide.mutate(
      { id: deciding.request.id, decision: deciding.decision, note: note.trim() === '' ? null : note.trim() },
      {
        onSuccess: (request) => {
          void message.success(t(`approvals.status.${request.status}`))
          setDeciding(null)
          setNote('')
        },
        onError: (error) => void message.error(error.message),
      },
    )
  }

  if (list.error) return <Alert type="error" title={list.error.message} />
  return (
    <>
      <Table<ApprovalRequest>
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t(view === 'inbox' ? 'approvals.emptyInbox' : 'approvals.emptyMine') }}
        data-testid={`approvals-${view}`}
        columns={[
          { title: t('approvals.kind'), dataIndex: 'kind', render: (kind: string) => t(`approvals.kinds.${kind}`) },
          { title: t('approvals.customer'), dataIndex: 'customerId', render: (id: string) => <Link to={`/customers/${id}`}>{id.slice(0, 8)}</Link> },
          { title: t('approvals.what'), key: 'what', render: (_: unknown, r) => <What request={r} locale={locale} /> },
          {
            title: t('approvals.route'),
            key: 'route',
            render: (_: unknown, r) => (
              <Typography.Text title={r.routeExplanation}>
                {t('approvals.needs', { count: r.approversNeeded, role: t(`roles.${r.requiredRole}`) })} ({r.decisions.filter((d) => d.decision === 'approved').length}/{r.approversNeeded})
              </Typography.Text>
            ),
          },
          { title: t('approvals.requestedAt'), dataIndex: 'requestedAt', render: (at: string) => formatDateTime(at, locale) },
          { title: t('approvals.statusTitle'), dataIndex: 'status', render: (status: ApprovalStatus) => <Tag color={STATUS_COLOR[status]}>{t(`approvals.status.${status}`)}</Tag> },
          {
            key: 'actions',
            render: (_: unknown, r) =>
              r.status !== 'pending' ? null : view === 'inbox' ? (
                <Space>
                  <Button type="primary" size="small" onClick={() => setDeciding({ request: r, decision: 'approve' })} data-testid="approval-approve">
                    {t('approvals.approve')}
                  </Button>
                  <Button danger size="small" onClick={() => setDeciding({ request: r, decision: 'reject' })} data-testid="approval-reject">
                    {t('approvals.reject')}
                  </Button>
                </Space>
              ) : (
                <Button size="small" onClick={() => setDeciding({ request: r, decision: 'cancel' })}>
                  {t('approvals.cancel')}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={deciding !== null}
        title={deciding ? t(`approvals.${deciding.decision}`) : ''}
        onCancel={() => setDeciding(null)}
        onOk={submit}
        okButtonProps={{ disabled: deciding?.decision === 'reject' && note.trim() === '', loading: decide.isPending, danger: deciding?.decision === 'reject' }}
        destroyOnHidden
      >
        {deciding && <Typography.Paragraph type="secondary">{deciding.request.routeExplanation}</Typography.Paragraph>}
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t(deciding?.decision === 'reject' ? 'approvals.noteRequired' : 'approvals.note')} data-testid="approval-note" />
      </Modal>
    </>
  )
}

function What({ request, locale }: { request: ApprovalRequest; locale: string }) {
  const { t } = useTranslation()
  const limit = request.payload.limit as { amount: number; currency: string } | undefined
  if (limit) return <>{formatMoney(limit.amount, limit.currency, locale)}</>
  if (request.kind === 'rating_override') return <>{t('approvals.toGrade', { grade: String(request.payload.grade) })}</>
  return <>{request.note ?? '—'}</>
}
