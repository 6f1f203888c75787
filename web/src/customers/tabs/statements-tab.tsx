import { Empty, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { useCustomerRecords } from '../../api/record-queries.ts'
import { formatDate } from '../../format/dates.ts'
import { formatMoneyOrDash } from '../../format/money.ts'
import { statementTable, type StatementRow } from '../statement-table.ts'

/** Financial statements side by side: periods as columns, line items as rows, amounts in each period's currency. */
export function StatementsTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const statements = useCustomerRecords(customerId, 'statements')
  const { periods, rows } = statementTable(statements.data ?? [])
  if (!statements.isPending && periods.length === 0) return <Empty description={t('statements.none')} />

  const columns: ColumnsType<StatementRow> = [
    { key: 'item', title: t('statements.lineItem'), fixed: 'start', width: 200, render: (_, row) => t(`statementItems.${row.item}`, { defaultValue: row.item }) },
    ...periods.map((period) => ({
      key: period.id,
      align: 'right' as const,
      title: (
        <div style={{ textAlign: 'right' }}>
          <div>{formatDate(period.periodEnd, i18n.language)}</div>
          <div style={{ fontWeight: 'normal', fontSize: 12 }}>
            {t('statements.months', { count: period.periodMonths })} · {period.currency}{' '}
            {period.audited ? <Tag color="green">{t('statements.audited')}</Tag> : <Tag>{t('statements.unaudited')}</Tag>}
          </div>
        </div>
      ),
      render: (_: unknown, row: StatementRow) => formatMoneyOrDash(row.values[period.id], period.currency, i18n.language),
    })),
  ]

  return <Table<StatementRow> rowKey="item" size="small" bordered loading={statements.isPending} dataSource={rows} columns={columns} pagination={false} scroll={{ x: 'max-content' }} />
}
