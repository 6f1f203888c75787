import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Evidence } from '../api/types.ts'
import { formatEvidenceValue } from './evidence-value.ts'

/** The values that fired an alert next to the customer's baseline, a row per variable the expression read. */
export function EvidenceTable({ evidence }: { evidence: Evidence[] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  return (
    <Table<Evidence>
      rowKey="variable"
      size="small"
      pagination={false}
      dataSource={evidence}
      data-testid="evidence-table"
      columns={[
        { key: 'variable', title: t('cases.evidence.variable'), render: (_, e) => <Typography.Text code>{e.variable}</Typography.Text> },
        { key: 'value', title: t('cases.evidence.value'), align: 'right', render: (_, e) => formatEvidenceValue(e.value, locale) },
        {
          key: 'baseline',
          title: t('cases.evidence.baseline'),
          align: 'right',
          render: (_, e) =>
            e.baseline ? (
              <span title={e.baseline.variable}>
                {formatEvidenceValue(e.baseline.value, locale)} <Typography.Text type="secondary">({e.baseline.variable})</Typography.Text>
              </span>
            ) : (
              '—'
            ),
        },
      ]}
    />
  )
}
