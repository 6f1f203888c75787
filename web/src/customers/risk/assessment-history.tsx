import { Table, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Assessment } from '../../api/types.ts'
import { formatDateTime } from '../../format/dates.ts'
import { formatMoneyOrDash } from '../../format/money.ts'
import { formatPercent } from '../../format/numbers.ts'
import { GradeTag } from './grade-tag.tsx'
import { finalGradeOf } from './pd-trend.ts'

/** Every assessment, newest first: when, the grade that stands (an overridden model grade struck through), PD, limit, by whom. */
export function AssessmentHistory({ assessments, loading }: { assessments: Assessment[]; loading: boolean }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  return (
    <Table<Assessment>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={assessments}
      pagination={assessments.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      data-testid="assessment-history"
      columns={[
        { key: 'createdAt', title: t('risk.history.at'), render: (_, a) => formatDateTime(a.createdAt, locale) },
        {
          key: 'grade',
          title: t('risk.grade'),
          render: (_, a) => {
            const tag = <GradeTag grade={finalGradeOf(a)} modelGrade={a.override ? a.grade : null} />
            return a.override ? <Tooltip title={a.override.justification}>{tag}</Tooltip> : tag
          },
        },
        { key: 'pd', title: t('risk.pd'), align: 'right', render: (_, a) => formatPercent(a.pd, locale) },
        { key: 'limit', title: t('risk.limit.recommended'), align: 'right', render: (_, a) => formatMoneyOrDash(a.creditLimit, a.currency, locale) },
        {
          key: 'topReason',
          title: t('risk.history.topReason'),
          render: (_, a) => {
            const top = a.rating.rated ? a.rating.reasonCodes[0] : undefined
            return top ? <Typography.Text type={top.adverse ? 'danger' : undefined}>{top.code}</Typography.Text> : '—'
          },
        },
        { key: 'createdBy', title: t('risk.history.by'), dataIndex: 'createdBy' },
      ]}
    />
  )
}
