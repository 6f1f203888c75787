import { Table, Tooltip } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ModelSummary } from '../api/types.ts'
import { formatDateTime } from '../format/dates.ts'
import { formatNumber } from '../format/numbers.ts'
import { ModelStatusTag } from './model-status-tag.tsx'

/** The registry's scorecards, with how well each ranks the rows it was validated on. */
export function ModelTable({ models, loading }: { models: ModelSummary[]; loading: boolean }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const holdout = (model: ModelSummary, metric: 'auc' | 'ks' | 'gini') =>
    model.metrics.holdout ? (
      formatNumber(model.metrics.holdout[metric], locale, 3)
    ) : (
      <Tooltip title={t('models.noHoldout')}>
        <span>—</span>
      </Tooltip>
    )
  return (
    <Table<ModelSummary>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={models}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid="model-table"
      columns={[
        { key: 'name', title: t('models.name'), render: (_, m) => <Link to={`/models/${m.id}`}>{m.name}</Link> },
        { key: 'version', title: t('models.version'), render: (_, m) => `v${m.version}` },
        { key: 'status', title: t('models.statusTitle'), render: (_, m) => <ModelStatusTag status={m.status} /> },
        { key: 'target', title: t('models.target'), render: (_, m) => `${m.target} = ${m.bad}` },
        { key: 'rows', title: t('models.rows'), align: 'right', render: (_, m) => formatNumber(m.rows, locale, 0) },
        { key: 'auc', title: t('models.metrics.auc'), align: 'right', render: (_, m) => holdout(m, 'auc') },
        { key: 'ks', title: t('models.metrics.ks'), align: 'right', render: (_, m) => holdout(m, 'ks') },
        { key: 'gini', title: t('models.metrics.gini'), align: 'right', render: (_, m) => holdout(m, 'gini') },
        { key: 'trainedBy', title: t('models.trainedBy'), dataIndex: 'trainedBy' },
        { key: 'trainedAt', title: t('models.trainedAt'), render: (_, m) => formatDateTime(m.trainedAt, locale) },
      ]}
    />
  )
}
