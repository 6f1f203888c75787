import { Checkbox, Flex, Statistic, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { WHAT_IF_ALERT_KINDS, type GradeChange, type PolicyWhatIf, type WhatIfAlert, type WhatIfCustomer } from '../api/policy-queries.ts'
import { formatMoneyOrDash } from '../format/money.ts'
import { formatPercent } from '../format/numbers.ts'

const CHANGE_COLOURS: Record<GradeChange, string> = { unchanged: 'default', upgrade: 'green', downgrade: 'red', now_rated: 'blue', no_longer_rated: 'orange' }

/** A what-if: how many customers change grade and limit, who they are, and the alerts the version would raise beside the active one's. */
export function WhatIfResults({ result }: { result: PolicyWhatIf }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [onlyChanges, setOnlyChanges] = useState(true)
  const { summary } = result
  const changed = (c: WhatIfCustomer) => c.gradeChange !== 'unchanged' || c.before.limit !== c.after.limit || c.before.currency !== c.after.currency
  const customers = onlyChanges ? result.customers.filter(changed) : result.customers
  const names = new Map(result.customers.map((c) => [c.customerId, c.name]))
  /** The alert in the UI's language, from its figures (the server's `message` is English). */
  const alertText = (alert: WhatIfAlert) => {
    const ratio = alert.kind === 'utilisation_breach' || alert.kind === 'utilisation_warning' || alert.kind.endsWith('concentration')
    const figure = (value: number | string | null) => (value === null ? '—' : ratio && typeof value === 'number' ? formatPercent(value, locale) : String(value))
    const key = alert.kind === 'utilisation_breach' && alert.value === null ? 'utilisation_breach_zero' : alert.kind
    return t(`policy.whatIf.alertText.${key}`, {
      name: alert.customerId ? (names.get(alert.customerId) ?? alert.customerId) : '',
      industry: alert.industryCode ?? '',
      currency: alert.currency ?? '',
      value: figure(alert.value),
      threshold: figure(alert.threshold),
    })
  }
  return (
    <Flex vertical gap={16} data-testid="policy-what-if">
      <Typography.Text type="secondary">{t('policy.whatIf.against', { candidate: result.candidate.version, active: result.active.version })}</Typography.Text>
      <Flex gap={32} wrap>
        <Statistic title={t('policy.whatIf.customers')} value={summary.customers} />
        <Statistic title={t('policy.whatIf.downgrades')} value={summary.downgrades} />
        <Statistic title={t('policy.whatIf.upgrades')} value={summary.upgrades} />
        <Statistic title={t('policy.whatIf.limitsChanged')} value={summary.limitsChanged} />
        {summary.limitTotals.map((total) => (
          <Statistic key={total.currency} title={t('policy.whatIf.limitTotal', { currency: total.currency })} value={`${formatMoneyOrDash(total.before, total.currency, locale)} → ${formatMoneyOrDash(total.after, total.currency, locale)}`} />
        ))}
      </Flex>
      <Checkbox checked={onlyChanges} onChange={(event) => setOnlyChanges(event.target.checked)}>
        {t('policy.whatIf.onlyChanges')}
      </Checkbox>
      <Table<WhatIfCustomer>
        rowKey="customerId"
        size="small"
        dataSource={customers}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        data-testid="policy-what-if-customers"
        columns={[
          { title: t('policy.whatIf.customer'), dataIndex: 'name' },
          { title: t('policy.whatIf.gradeBefore'), key: 'gb', render: (_, c) => c.before.grade ?? '—' },
          { title: t('policy.whatIf.gradeAfter'), key: 'ga', render: (_, c) => c.after.grade ?? '—' },
          { title: t('policy.whatIf.change'), dataIndex: 'gradeChange', render: (change: GradeChange) => <Tag color={CHANGE_COLOURS[change]}>{t(`policy.whatIf.changes.${change}`)}</Tag> },
          { title: t('policy.whatIf.limitBefore'), key: 'lb', align: 'right', render: (_, c) => formatMoneyOrDash(c.before.limit, c.before.currency, locale) },
          { title: t('policy.whatIf.limitAfter'), key: 'la', align: 'right', render: (_, c) => formatMoneyOrDash(c.after.limit, c.after.currency, locale) },
          { title: t('policy.whatIf.utilisation'), key: 'u', align: 'right', render: (_, c) => `${formatPercent(c.before.utilisation, locale)} → ${formatPercent(c.after.utilisation, locale)}` },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('policy.whatIf.alerts')}
      </Typography.Title>
      <Table<{ kind: string; before: number; after: number }>
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={WHAT_IF_ALERT_KINDS.map((kind) => ({ kind, ...summary.alertCounts[kind] }))}
        columns={[
          { title: t('policy.whatIf.alertKind'), dataIndex: 'kind', render: (kind: string) => t(`policy.whatIf.alertKinds.${kind}`) },
          { title: t('policy.whatIf.underActive'), dataIndex: 'before', align: 'right' },
          { title: t('policy.whatIf.underCandidate'), dataIndex: 'after', align: 'right' },
        ]}
      />
      <Table<WhatIfAlert & { key: number }>
        rowKey="key"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={result.alerts.map((alert, key) => ({ ...alert, key }))}
        data-testid="policy-what-if-alerts"
        columns={[
          { title: t('policy.whatIf.alertKind'), dataIndex: 'kind', render: (kind: string) => t(`policy.whatIf.alertKinds.${kind}`) },
          { title: t('policy.whatIf.message'), key: 'message', render: (_, alert) => alertText(alert) },
          { title: '', dataIndex: 'isNew', render: (isNew: boolean) => (isNew ? <Tag color="red">{t('policy.whatIf.new')}</Tag> : null) },
        ]}
      />
    </Flex>
  )
}
