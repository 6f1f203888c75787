import { Alert, Button, Card, Flex, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCases } from '../api/alert-queries.ts'
import type { CaseStatus, CaseSummary } from '../api/types.ts'
import { formatDateTime } from '../format/dates.ts'
import { CaseStatusTag } from './case-status-tag.tsx'
import { openFirst } from './open-first.ts'

/** Cases, the open ones first, with how many alerts each holds. */
export function CasesPage() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [status, setStatus] = useState<CaseStatus | undefined>(undefined)
  const list = useCases(status)
  const cases = openFirst(list.data?.pages.flatMap((page) => page.items) ?? [])

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('cases.title')}
        </Typography.Title>
        <Select
          value={status}
          placeholder={t('cases.status.title')}
          allowClear
          style={{ width: 140 }}
          onChange={(value?: CaseStatus) => setStatus(value)}
          options={(['open', 'closed'] as const).map((value) => ({ value, label: t(`cases.status.${value}`) }))}
        />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        loading={list.isFetching && !list.isFetchingNextPage}
        dataSource={cases}
        pagination={false}
        data-testid="case-table"
        columns={[
          { key: 'id', title: t('cases.case'), render: (_, c) => <Link to={`/cases/${c.id}`}>{c.id}</Link> },
          { key: 'status', title: t('cases.status.title'), render: (_, c) => <CaseStatusTag status={c.status} /> },
          { key: 'customer', title: t('alerts.customer'), render: (_, c) => <Link to={`/customers/${c.customerId}`}>{c.customerId}</Link> },
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
    </Card>
  )
}
