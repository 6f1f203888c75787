import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Space, Switch, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useBulkCaseAction, useCaseQueue, type CaseFilters } from '../api/alert-queries.ts'
import type { CaseStatus, CaseSummary, Disposition } from '../api/types.ts'
import { useHasPermission } from '../auth/use-permission.ts'
import { formatDateTime } from '../format/dates.ts'
import { CaseStatusTag } from './case-status-tag.tsx'
import { DISPOSITIONS } from './close-case-form.tsx'
import { SeverityTag } from './severity-tag.tsx'
import { SlaDue } from './sla-due.tsx'

export const CASE_STATUSES: CaseStatus[] = ['new', 'assigned', 'investigating', 'escalated', 'closed']

/**
 * The case work queue: the cases not closed, worst first and then soonest due by default,
 * filtered by status, owner and overdue; select cases to take, queue, escalate or close them at once.
 */
export function CasesPage() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { message } = App.useApp()
  const canWork = useHasPermission('alerts.work')
  const [filters, setFilters] = useState<CaseFilters>({ status: 'active', sort: 'severity' })
  const update = (change: Partial<CaseFilters>) => setFilters((current) => ({ ...current, ...change }))
  const list = useCaseQueue(filters)
  const cases = list.data?.pages.flatMap((page) => page.items) ?? []
  const [selected, setSelected] = useState<string[]>([])
  const bulk = useBulkCaseAction()
  const [closing, setClosing] = useState(false)
  const [closeForm] = Form.useForm<{ disposition: Disposition; note: string }>()
  const owner = filters.ownerId === 'me' ? 'me' : filters.unassigned ? 'unassigned' : 'any'

  function runBulk(body: Parameters<typeof bulk.mutate>[0]) {
    bulk.mutate(body, {
      onSuccess: ({ results }) => {
        const ok = results.filter((r) => r.ok).length
        void message.info(t('cases.work.bulkDone', { ok, failed: results.length - ok }))
        setSelected(results.filter((r) => !r.ok).map((r) => r.caseId))
        setClosing(false)
      },
      onError: (error) => void message.error(error.message),
    })
  }

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('cases.title')}
        </Typography.Title>
        <Space wrap size={[8, 8]}>
          <Select
            value={filters.status}
            placeholder={t('cases.status.title')}
            allowClear
            style={{ width: 140 }}
            onChange={(status?: CaseFilters['status']) => update({ status })}
            options={(['active', ...CASE_STATUSES] as const).map((value) => ({ value, label: t(`cases.status.${value}`) }))}
            data-testid="case-status-filter"
          />
          <Select
            value={owner}
            style={{ width: 140 }}
            onChange={(value: string) => update({ ownerId: value === 'me' ? 'me' : undefined, unassigned: value === 'unassigned' ? true : undefined })}
            options={[
              { value: 'any', label: t('cases.work.anyOwner') },
              { value: 'me', label: t('cases.work.mine') },
              { value: 'unassigned', label: t('cases.work.unassigned') },
            ]}
            data-testid="case-owner-filter"
          />
          <Select
            value={filters.sort}
            style={{ width: 220 }}
            onChange={(sort: CaseFilters['sort']) => update({ sort })}
            options={(['severity', 'sla', 'opened'] as const).map((value) => ({ value, label: t(`cases.work.sort.${value}`) }))}
            data-testid="case-sort"
          />
          <Space size={4}>
            <Switch size="small" checked={filters.overdue === true} onChange={(overdue) => update({ overdue: overdue || undefined })} data-testid="case-overdue-filter" />
            <span>{t('cases.work.overdueOnly')}</span>
          </Space>
        </Space>
      </Flex>
      {canWork && selected.length > 0 && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="case-bulk-bar">
          <Typography.Text>{t('cases.work.selected', { count: selected.length })}</Typography.Text>
          <Button size="small" loading={bulk.isPending} onClick={() => runBulk({ action: 'assign', caseIds: selected })}>
            {t('cases.work.bulkQueue')}
          </Button>
          <Button size="small" loading={bulk.isPending} onClick={() => runBulk({ action: 'escalate', caseIds: selected })}>
            {t('cases.work.bulkEscalate')}
          </Button>
          <Button size="small" danger onClick={() => setClosing(true)}>
            {t('cases.work.bulkClose')}
          </Button>
        </Space>
      )}
      {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching && !list.isFetchingNextPage}
        dataSource={cases}
        pagination={false}
        data-testid="case-table"
        rowSelection={canWork ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (c) => ({ disabled: c.status === 'closed' }) } : undefined}
        columns={[
          { key: 'id', title: t('cases.case'), render: (_, c) => <Link to={`/cases/${c.id}`}>{c.id.slice(0, 8)}</Link> },
          { key: 'severity', title: t('cases.work.severity'), render: (_, c) => <SeverityTag severity={c.severity} /> },
          { key: 'status', title: t('cases.status.title'), render: (_, c) => <CaseStatusTag status={c.status} /> },
          { key: 'customer', title: t('alerts.customer'), render: (_, c) => <Link to={`/customers/${c.customerId}`}>{c.customerId}</Link> },
          { key: 'owner', title: t('cases.work.owner'), render: (_, c) => c.ownerId ?? t('cases.work.unowned') },
          { key: 'due', title: t('cases.work.slaDue'), render: (_, c) => <SlaDue kase={c} /> },
          { key: 'alerts', title: t('cases.alertCount'), align: 'right', dataIndex: 'alertCount' },
          { key: 'openedAt', title: t('cases.openedAt'), render: (_, c) => formatDateTime(c.openedAt, locale) },
          { key: 'disposition', title: t('cases.disposition.title'), render: (_, c) => (c.disposition ? t(`cases.disposition.${c.disposition}`) : '—') },
        ]}
      />
      {list.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('actions.loadMore')}
          </Button>
        </Flex>
      )}
      <Modal
        open={closing}
        title={t('cases.work.bulkClose')}
        okText={t('cases.close.submit')}
        confirmLoading={bulk.isPending}
        onCancel={() => setClosing(false)}
        onOk={() => void closeForm.validateFields().then((values) => runBulk({ action: 'close', caseIds: selected, disposition: values.disposition, note: values.note.trim() }))}
      >
        <Form form={closeForm} layout="vertical">
          <Form.Item name="disposition" label={t('cases.disposition.title')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select options={DISPOSITIONS.map((value) => ({ value, label: t(`cases.disposition.${value}`) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('cases.close.note')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  )
}
