import { Alert, Button, Card, Flex, Input, Select, Space, Switch, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ALERT_SORTS, useAlerts, type AlertFilters, type AlertSort } from '../api/alert-queries.ts'
import type { AlertStatus, AlertView, RuleSeverity } from '../api/types.ts'
import { formatDateTime } from '../format/dates.ts'
import { SeverityTag } from './severity-tag.tsx'

export const ALERT_STATUSES: AlertStatus[] = ['new', 'assigned', 'investigating', 'escalated', 'closed']
export const SEVERITIES: RuleSeverity[] = ['low', 'medium', 'high', 'critical']

/** The alert inbox: the rules' hits, newest first, worst first or by their case's SLA, filtered by status, severity, rule and customer, or the shadow rules' hits. */
export function AlertsPage() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [filters, setFilters] = useState<AlertFilters>({})
  const update = (change: Partial<AlertFilters>) => setFilters((current) => ({ ...current, ...change }))
  const list = useAlerts(filters)
  const alerts = list.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('alerts.title')}
        </Typography.Title>
        <Link to="/cases">{t('cases.title')}</Link>
      </Flex>
      <Space wrap size={[8, 8]} style={{ marginBottom: 16 }}>
        <Select
          value={filters.status}
          placeholder={t('alerts.status.title')}
          allowClear
          style={{ width: 140 }}
          onChange={(status?: AlertStatus) => update({ status })}
          options={ALERT_STATUSES.map((status) => ({ value: status, label: t(`alerts.status.${status}`) }))}
          data-testid="alert-status-filter"
        />
        <Select
          value={filters.severity}
          placeholder={t('alerts.severity.title')}
          allowClear
          style={{ width: 130 }}
          onChange={(severity?: RuleSeverity) => update({ severity })}
          options={SEVERITIES.map((severity) => ({ value: severity, label: t(`alerts.severity.${severity}`) }))}
          data-testid="alert-severity-filter"
        />
        <Select
          value={filters.sort ?? 'newest'}
          aria-label={t('alerts.sort.title')}
          style={{ width: 190 }}
          onChange={(sort: AlertSort) => update({ sort: sort === 'newest' ? undefined : sort })}
          options={ALERT_SORTS.map((sort) => ({ value: sort, label: t(`alerts.sort.${sort}`) }))}
          data-testid="alert-sort"
        />
        <Input
          key={`rule-${filters.ruleKey ?? ''}`}
          defaultValue={filters.ruleKey}
          placeholder={t('alerts.ruleFilter')}
          style={{ width: 160 }}
          onPressEnter={(event) => update({ ruleKey: event.currentTarget.value.trim() || undefined })}
          onBlur={(event) => update({ ruleKey: event.currentTarget.value.trim() || undefined })}
          aria-label={t('alerts.ruleFilter')}
        />
        <Input
          key={`customer-${filters.customerId ?? ''}`}
          defaultValue={filters.customerId}
          placeholder={t('alerts.customerFilter')}
          style={{ width: 200 }}
          onPressEnter={(event) => update({ customerId: event.currentTarget.value.trim() || undefined })}
          onBlur={(event) => update({ customerId: event.currentTarget.value.trim() || undefined })}
          aria-label={t('alerts.customerFilter')}
        />
        <Space size={6}>
          <Switch checked={filters.shadow ?? false} onChange={(shadow) => update({ shadow: shadow || undefined })} aria-label={t('alerts.shadowFilter')} data-testid="alert-shadow-filter" />
          <Typography.Text>{t('alerts.shadowFilter')}</Typography.Text>
        </Space>
        <Button onClick={() => setFilters({})}>{t('actions.reset')}</Button>
      </Space>
      {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <Table<AlertView>
        rowKey="id"
        size="middle"
        loading={list.isFetching && !list.isFetchingNextPage}
        dataSource={alerts}
        pagination={false}
        scroll={{ x: 1000 }}
        data-testid="alert-table"
        columns={[
          { key: 'at', title: t('alerts.at'), render: (_, a) => formatDateTime(a.at, locale) },
          { key: 'severity', title: t('alerts.severity.title'), render: (_, a) => <SeverityTag severity={a.severity} /> },
          { key: 'rule', title: t('alerts.rule'), render: (_, a) => `${a.ruleKey} v${a.ruleVersion}` },
          { key: 'score', title: t('alerts.score'), align: 'right', dataIndex: 'score' },
          { key: 'customer', title: t('alerts.customer'), render: (_, a) => <Link to={`/customers/${a.customerId}`}>{a.customerId}</Link> },
          { key: 'status', title: t('alerts.status.title'), render: (_, a) => (a.shadow ? t('alerts.shadow') : t(`alerts.status.${a.status}`, { defaultValue: a.status })) },
          { key: 'case', title: t('alerts.case'), render: (_, a) => (a.caseId ? <Link to={`/cases/${a.caseId}`}>{t('alerts.openCase')}</Link> : '—') },
        ]}
      />
      <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('alerts.shown', { count: alerts.length })}</Typography.Text>
        {list.hasNextPage && (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('actions.loadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  )
}
