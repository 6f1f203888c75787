import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCustomerRecords } from '../../api/record-queries.ts'
import type { BureauRecord } from '../../api/types.ts'
import { formatDate } from '../../format/dates.ts'
import { formatMoneyOrDash } from '../../format/money.ts'

/** What credit bureaus reported about the customer, newest first. */
export function BureauTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const records = useCustomerRecords(customerId, 'bureau')
  const locale = i18n.language
  const sorted = [...(records.data ?? [])].sort((a, b) => b.reportedOn.localeCompare(a.reportedOn))
  return (
    <Table<BureauRecord>
      rowKey="id"
      size="middle"
      loading={records.isPending}
      dataSource={sorted}
      pagination={false}
      columns={[
        { key: 'reportedOn', title: t('bureau.reportedOn'), render: (_, r) => formatDate(r.reportedOn, locale) },
        { key: 'agency', title: t('bureau.agency'), dataIndex: 'agency' },
        {
          key: 'score',
          title: t('bureau.score'),
          render: (_, r) =>
            r.score === null ? (
              '—'
            ) : (
              <>
                <Typography.Text strong>{r.score}</Typography.Text>
                {r.scoreMin !== null && r.scoreMax !== null && <Typography.Text type="secondary">{` (${r.scoreMin}–${r.scoreMax})`}</Typography.Text>}
              </>
            ),
        },
        { key: 'rating', title: t('bureau.rating'), render: (_, r) => r.rating ?? '—' },
        { key: 'recommendedLimit', title: t('bureau.recommendedLimit'), align: 'right', render: (_, r) => formatMoneyOrDash(r.recommendedLimit, r.currency, locale) },
        { key: 'defaults', title: t('bureau.defaults'), dataIndex: 'defaults', align: 'right' },
        { key: 'courtJudgments', title: t('bureau.courtJudgments'), dataIndex: 'courtJudgments', align: 'right' },
        {
          key: 'taxArrears',
          title: t('bureau.taxArrears'),
          align: 'right',
          render: (_, r) => (r.taxArrears === 0 ? '0' : formatMoneyOrDash(r.taxArrears, r.currency ?? 'CNY', locale)),
        },
      ]}
    />
  )
}
