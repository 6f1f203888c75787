import { Table } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ModelSummary, ScorecardMetrics } from '../api/types.ts'
import { formatNumber } from '../format/numbers.ts'

type Row = { key: 'train' | 'holdout'; metrics: ScorecardMetrics | null }

/** Rows, bads, AUC, Gini, KS and PSI on the training rows and on the held-out rows. */
export function MetricsTable({ metrics }: { metrics: ModelSummary['metrics'] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const cell = (metric: keyof ScorecardMetrics, digits: number) => (_: unknown, row: Row) => formatNumber(row.metrics?.[metric] ?? null, locale, digits)
  return (
    <Table<Row>
      rowKey="key"
      size="small"
      pagination={false}
      data-testid="metrics-table"
      dataSource={[
        { key: 'train', metrics: metrics.train },
        { key: 'holdout', metrics: metrics.holdout },
      ]}
      columns={[
        { key: 'set', title: t('models.metrics.set'), render: (_, row) => (row.metrics === null && row.key === 'holdout' ? t('models.noHoldout') : t(`models.metrics.${row.key}`)) },
        { key: 'rows', title: t('models.rows'), align: 'right', render: cell('rows', 0) },
        { key: 'bads', title: t('models.metrics.bads'), align: 'right', render: cell('bads', 0) },
        { key: 'auc', title: t('models.metrics.auc'), align: 'right', render: cell('auc', 3) },
        { key: 'gini', title: t('models.metrics.gini'), align: 'right', render: cell('gini', 3) },
        { key: 'ks', title: t('models.metrics.ks'), align: 'right', render: cell('ks', 3) },
        { key: 'psi', title: t('models.metrics.psi'), align: 'right', render: cell('psi', 3) },
      ]}
    />
  )
}
