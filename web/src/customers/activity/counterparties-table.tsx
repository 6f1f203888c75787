import { Alert, Card, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCounterparties } from '../../api/activity-queries.ts'
import type { CounterpartyActivity } from '../../api/types.ts'
import { formatDateTime } from '../../format/dates.ts'
import { formatMoney } from '../../format/money.ts'
import { formatNumber } from '../../format/numbers.ts'
import { countryFlag } from './transactions.ts'

/** The customer's largest counterparties over the last year by volume, a row per counterparty and currency. */
export function CounterpartiesTable({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const counterparties = useCounterparties(customerId)
  return (
    <Card size="small" title={t('activity.counterparties.title')}>
      {counterparties.isError && <Alert type="error" showIcon title={counterparties.error.message} style={{ marginBottom: 12 }} />}
      <Table<CounterpartyActivity>
        rowKey={(row) => `${row.counterparty}\u0000${row.currency}`}
        size="small"
        loading={counterparties.isPending}
        dataSource={counterparties.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('activity.counterparties.none') }}
        data-testid="counterparties-table"
        columns={[
          { key: 'counterparty', title: t('activity.counterparties.counterparty'), render: (_, row) => row.counterparty },
          {
            key: 'country',
            title: t('activity.counterparties.country'),
            render: (_, row) => (row.country ? `${countryFlag(row.country) ?? ''} ${row.country}`.trim() : '—'),
          },
          { key: 'count', title: t('activity.counterparties.count'), align: 'right', render: (_, row) => formatNumber(row.count, locale, 0) },
          { key: 'sumIn', title: t('activity.counterparties.sumIn'), align: 'right', render: (_, row) => formatMoney(row.sumIn, row.currency, locale) },
          { key: 'sumOut', title: t('activity.counterparties.sumOut'), align: 'right', render: (_, row) => formatMoney(row.sumOut, row.currency, locale) },
          {
            key: 'span',
            title: `${t('activity.counterparties.firstAt')} – ${t('activity.counterparties.lastAt')}`,
            render: (_, row) => (
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(row.firstAt, locale)} – {formatDateTime(row.lastAt, locale)}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  )
}
