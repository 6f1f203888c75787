import { WarningOutlined } from '@ant-design/icons'
import { Table, Tooltip, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import type { PeriodAnalysis } from '../../api/types.ts'
import { formatDate } from '../../format/dates.ts'
import { formatRatio, ratioRows, type RatioRow } from './ratio-rows.ts'
import { translateReason } from './translate-reason.ts'

/** Every ratio of every period (newest first); a ratio that could not be computed shows a dash with the reason on hover. */
export function RatiosTable({ periods }: { periods: PeriodAnalysis[] }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const rows = ratioRows({ periods })

  const columns: ColumnsType<RatioRow> = [
    {
      key: 'category',
      title: t('risk.ratios.category'),
      width: 110,
      fixed: 'start',
      onCell: (row) => ({ rowSpan: row.categorySpan }),
      render: (_, row) => t(`risk.ratioCategories.${row.category}`),
    },
    {
      key: 'ratio',
      title: t('risk.ratios.ratio'),
      width: 220,
      fixed: 'start',
      render: (_, row) => {
        const sample = Object.values(row.byPeriod)[0]
        return (
          <Tooltip title={sample?.formula}>
            <span>{t(`risk.ratioNames.${row.key}`, { defaultValue: sample?.label ?? row.key })}</span>
          </Tooltip>
        )
      },
    },
    ...periods.map((period) => ({
      key: period.statementId,
      align: 'right' as const,
      title: (
        <div style={{ textAlign: 'right' }}>
          <div>{formatDate(period.periodEnd, locale)}</div>
          <div style={{ fontWeight: 'normal', fontSize: 12 }}>{t('statements.months', { count: period.periodMonths })}</div>
        </div>
      ),
      render: (_: unknown, row: RatioRow) => {
        const ratio = row.byPeriod[period.statementId]
        if (!ratio) return '—'
        const text = formatRatio(ratio, locale)
        if (text === null) {
          return (
            <Tooltip title={translateReason(ratio.reason ?? '', t, locale)}>
              <Typography.Text type="secondary" data-testid="ratio-missing" style={{ cursor: 'help', borderBottom: '1px dotted' }}>
                —
              </Typography.Text>
            </Tooltip>
          )
        }
        const shown = ratio.unit === 'days' ? t('risk.ratios.days', { value: text }) : text
        return ratio.note ? (
          <Tooltip title={translateReason(ratio.note, t, locale)}>
            <span>
              <WarningOutlined style={{ color: '#d97706', marginRight: 4 }} />
              {shown}
            </span>
          </Tooltip>
        ) : (
          shown
        )
      },
    })),
  ]

  return <Table<RatioRow> rowKey="key" size="small" bordered dataSource={rows} columns={columns} pagination={false} scroll={{ x: 'max-content' }} data-testid="ratios-table" />
}
