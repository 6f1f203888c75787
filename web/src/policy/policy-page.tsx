import { CheckOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Input, Modal, Popconfirm, Space, Spin, Table, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useMe } from '../api/me-queries.ts'
import {
  useActivePolicy,
  useAttestPolicy,
  useChangePolicyStatus,
  useCreatePolicyDraft,
  useMyAttestation,
  usePolicyVersion,
  usePolicyVersions,
  usePolicyWhatIf,
  type PolicyAction,
  type PolicyVersionSummary,
} from '../api/policy-queries.ts'
import { useHasPermission } from '../auth/use-permission.ts'
import { formatDateTime } from '../format/dates.ts'
import { AttestationReportView } from './attestation-report-view.tsx'
import { PolicyDiffView } from './policy-diff-view.tsx'
import { PolicyDocumentView } from './policy-document-view.tsx'
import { isMakerOf } from './policy-editing.ts'
import { PolicyEditorDrawer } from './policy-editor-drawer.tsx'
import { PolicyStatusTag } from './policy-status-tag.tsx'
import { WhatIfResults } from './what-if-results.tsx'

/**
 * The risk policy: the active version and the user's acknowledgement of it; every version with
 * its status, drafts edited, submitted, approved by a second user or rejected; the diff of two
 * versions; a what-if of a draft over the portfolio; and who has not acknowledged the active one.
 */
export function PolicyPage() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { message } = App.useApp()
  const canManage = useHasPermission('policy.manage')
  const canApprove = useHasPermission('policy.approve')
  const userId = useMe().data?.user.id
  const active = useActivePolicy()
  const versions = usePolicyVersions()
  const myAttestation = useMyAttestation()
  const attest = useAttestPolicy()
  const createDraft = useCreatePolicyDraft()
  const changeStatus = useChangePolicyStatus()
  const whatIf = usePolicyWhatIf()
  const [tab, setTab] = useState('active')
  const [editingId, setEditingId] = useState<string | null>(null)
  const editing = usePolicyVersion(editingId)
  const [viewingId, setViewingId] = useState<string | null>(null)
  const viewing = usePolicyVersion(viewingId)
  const [diffPair, setDiffPair] = useState<{ from: string | null; to: string | null }>({ from: null, to: null })
  const [whatIfOpen, setWhatIfOpen] = useState(false)
  const [rejecting, setRejecting] = useState<PolicyVersionSummary | null>(null)
  const [reason, setReason] = useState('')

  const who = (label: string | null) => (label === null ? '—' : label === `user:${userId}` ? t('policy.you') : (versions.data?.actorNames[label] ?? label))
  const act = (version: PolicyVersionSummary, action: PolicyAction, extra: { reason?: string } = {}) =>
    changeStatus.mutate(
      { id: version.id, action, ...extra },
      {
        onSuccess: () => {
          void message.success(t(`policy.done.${action}`, { version: version.version }))
          setRejecting(null)
        },
        onError: (error) => void message.error(error.message),
      },
    )
  const startDraft = () =>
    createDraft.mutate({}, { onSuccess: (draft) => setEditingId(draft.id), onError: (error) => void message.error(error.message) })
  const runWhatIf = (version: PolicyVersionSummary) => {
    setWhatIfOpen(true)
    whatIf.mutate(version.id)
  }

  const activeTab = (
    <Flex vertical gap={16}>
      {active.isError && <Alert type="error" showIcon title={active.error.message} />}
      {active.data && (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('policy.version')}>{active.data.version}</Descriptions.Item>
            <Descriptions.Item label={t('policy.approvedBy')}>{who(active.data.approvedBy)}</Descriptions.Item>
            <Descriptions.Item label={t('policy.approvedAt')}>{active.data.approvedAt ? formatDateTime(active.data.approvedAt, locale) : '—'}</Descriptions.Item>
            {active.data.note && <Descriptions.Item label={t('policy.note')}>{active.data.note}</Descriptions.Item>}
          </Descriptions>
          {myAttestation.data?.attestedAt ? (
            <Alert type="success" showIcon title={t('policy.attestation.done', { version: myAttestation.data.version, at: formatDateTime(myAttestation.data.attestedAt, locale) })} data-testid="policy-attested-by-me" />
          ) : (
            <Alert
              type="warning"
              showIcon
              title={t('policy.attestation.pending', { version: active.data.version })}
              action={
                <Button type="primary" icon={<CheckOutlined />} loading={attest.isPending} onClick={() => attest.mutate(undefined, { onError: (error) => void message.error(error.message) })} data-testid="policy-attest">
                  {t('policy.attestation.attest')}
                </Button>
              }
            />
          )}
          <PolicyDocumentView policy={active.data.document} />
        </>
      )}
    </Flex>
  )

  const versionsTab = (
    <Table<PolicyVersionSummary>
      rowKey="id"
      size="middle"
      loading={versions.isPending}
      dataSource={versions.data?.items ?? []}
      pagination={false}
      scroll={{ x: 1000 }}
      data-testid="policy-versions"
      columns={[
        { title: t('policy.version'), dataIndex: 'version', width: 80 },
        { title: t('policy.statusTitle'), dataIndex: 'status', render: (status: PolicyVersionSummary['status']) => <PolicyStatusTag status={status} /> },
        { title: t('policy.note'), dataIndex: 'note', render: (note: string | null, v) => note ?? v.rejectionReason ?? '—' },
        { title: t('policy.createdBy'), dataIndex: 'createdBy', render: who },
        { title: t('policy.updatedAt'), dataIndex: 'updatedAt', render: (at: string) => formatDateTime(at, locale) },
        { title: t('policy.approvedBy'), dataIndex: 'approvedBy', render: who },
        {
          title: '',
          key: 'actions',
          render: (_, v) => (
            <Space wrap size={4}>
              <Button size="small" onClick={() => setViewingId(v.id)}>
                {t('policy.actions.view')}
              </Button>
              {canManage && v.status === 'draft' && (
                <Button size="small" onClick={() => setEditingId(v.id)} data-testid={`policy-edit-${v.version}`}>
                  {t('actions.edit')}
                </Button>
              )}
              {canManage && (v.status === 'draft' || v.status === 'pending_approval') && (
                <Button size="small" onClick={() => runWhatIf(v)} data-testid={`policy-what-if-${v.version}`}>
                  {t('policy.actions.whatIf')}
                </Button>
              )}
              {v.status !== 'active' && active.data && (
                <Button
                  size="small"
                  onClick={() => {
                    setDiffPair({ from: active.data.id, to: v.id })
                    setTab('diff')
                  }}
                >
                  {t('policy.actions.diffWithActive')}
                </Button>
              )}
              {canManage && v.status === 'draft' && (
                <Popconfirm title={t('policy.confirm.submit')} onConfirm={() => act(v, 'submit')}>
                  <Button size="small" type="primary" data-testid={`policy-submit-${v.version}`}>
                    {t('policy.actions.submit')}
                  </Button>
                </Popconfirm>
              )}
              {canApprove && v.status === 'pending_approval' && !isMakerOf(v, userId) && (
                <Popconfirm title={t('policy.confirm.approve')} onConfirm={() => act(v, 'approve')}>
                  <Button size="small" type="primary" data-testid={`policy-approve-${v.version}`}>
                    {t('policy.actions.approve')}
                  </Button>
                </Popconfirm>
              )}
              {canApprove && v.status === 'pending_approval' && isMakerOf(v, userId) && <Typography.Text type="secondary">{t('policy.needsSecondUser')}</Typography.Text>}
              {canApprove && v.status === 'pending_approval' && (
                <Button size="small" danger onClick={() => setRejecting(v)} data-testid={`policy-reject-${v.version}`}>
                  {t('policy.actions.reject')}
                </Button>
              )}
            </Space>
          ),
        },
      ]}
    />
  )

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('policy.title')}
        </Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} loading={createDraft.isPending} onClick={startDraft} data-testid="policy-new-draft">
            {t('policy.actions.newDraft')}
          </Button>
        )}
      </Flex>
      {versions.isError && <Alert type="error" showIcon title={versions.error.message} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'active', label: t('policy.tabs.active'), children: activeTab },
          { key: 'versions', label: t('policy.tabs.versions'), children: versionsTab },
          { key: 'diff', label: t('policy.tabs.diff'), children: <PolicyDiffView versions={versions.data?.items ?? []} from={diffPair.from} to={diffPair.to} onChange={setDiffPair} /> },
          ...(canManage ? [{ key: 'attestations', label: t('policy.tabs.attestations'), children: <AttestationReportView /> }] : []),
        ]}
      />
      <PolicyEditorDrawer version={editingId !== null ? (editing.data ?? null) : null} onClose={() => setEditingId(null)} />
      <Drawer open={viewingId !== null} onClose={() => setViewingId(null)} size={860} title={viewing.data ? t('policy.versionLabel', { version: viewing.data.version, status: t(`policy.status.${viewing.data.status}`) }) : ''}>
        {viewing.data ? <PolicyDocumentView policy={viewing.data.document} /> : <Spin />}
      </Drawer>
      <Drawer open={whatIfOpen} onClose={() => setWhatIfOpen(false)} size={1000} title={t('policy.whatIf.title')}>
        {whatIf.isPending && <Spin />}
        {whatIf.isError && <Alert type="error" showIcon title={whatIf.error.message} />}
        {whatIf.data && <WhatIfResults result={whatIf.data} />}
      </Drawer>
      <Modal
        open={rejecting !== null}
        title={t('policy.reject.title', { version: rejecting?.version ?? '' })}
        okText={t('policy.actions.reject')}
        okButtonProps={{ danger: true, disabled: reason.trim() === '', loading: changeStatus.isPending }}
        onOk={() => rejecting && act(rejecting, 'reject', { reason: reason.trim() })}
        onCancel={() => setRejecting(null)}
      >
        <Typography.Text>{t('policy.reject.reason')}</Typography.Text>
        <Input.TextArea value={reason} onChange={(event) => setReason(event.target.value)} autoSize={{ minRows: 3 }} maxLength={2000} data-testid="policy-reject-reason" />
      </Modal>
    </Card>
  )
}
