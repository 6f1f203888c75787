import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ScorecardModel } from '../api/types.ts'
import { formatNumber, formatPercent } from '../format/numbers.ts'
import { scorecardRows, type ScorecardRow } from './scorecard-rows.ts'

/** The points table: each feature's bins with their WOE, IV and points, below the base points. */
export function ScorecardTable({ scorecard }: { scorecard: ScorecardModel }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('models.scorecard.basePoints', { points: formatNumber(scorecard.intercept.points, locale) })}
      </Typography.Paragraph>
      <Table<ScorecardRow>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        dataSource={scorecardRows(scorecard)}
        scroll={{ x: 'max-content' }}
        data-testid="scorecard-table"
        columns={[
          {
            key: 'feature',
            title: t('models.scorecard.feature'),
            onCell: (row) => ({ rowSpan: row.featureSpan }),
            render: (_, row) => (
              <>
                <Typography.Text strong>{row.feature}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">{t('models.scorecard.featureIv', { iv: formatNumber(row.featureIv, locale, 4) })}</Typography.Text>
                </div>
              </>
            ),
          },
          { key: 'bin', title: t('models.scorecard.bin'), render: (_, row) => <Typography.Text code>{row.bin.label}</Typography.Text> },
          { key: 'rows', title: t('models.scorecard.rows'), align: 'right', render: (_, row) => formatNumber(row.bin.goods + row.bin.bads, locale, 0) },
          { key: 'badRate', title: t('models.scorecard.badRate'), align: 'right', render: (_, row) => formatPercent(row.bin.badRate, locale, 1) },
          { key: 'woe', title: 'WOE', align: 'right', render: (_, row) => formatNumber(row.bin.woe, locale, 3) },
          { key: 'iv', title: 'IV', align: 'right', render: (_, row) => formatNumber(row.bin.iv, locale, 4) },
          { key: 'points', title: t('models.scorecard.points'), align: 'right', render: (_, row) => <Typography.Text strong>{formatNumber(row.bin.points, locale)}</Typography.Text> },
        ]}
      />
    </>
  )
}
