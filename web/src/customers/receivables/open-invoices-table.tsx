import { Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { InvoiceDaysPastDue } from '../../api/types.ts'
import { formatDate } from '../../format/dates.ts'
import { formatMoney } from '../../format/money.ts'
import { openInvoiceRows, type OpenInvoiceRow } from './open-invoices.ts'

/** The open invoices of one currency, most overdue first. */
export function OpenInvoicesTable({ invoices, currency }: { invoices: readonly InvoiceDaysPastDue[]; currency: string }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  return (
    <Table<OpenInvoiceRow>
      rowKey="invoiceId"
      size="small"
      dataSource={openInvoiceRows(invoices)}
      pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
      locale={{ emptyText: t('receivables.invoices.none') }}
      scroll={{ x: 'max-content' }}
      data-testid="open-invoices"
      columns={[
        { key: 'number', title: t('receivables.invoices.number'), render: (_, row) => row.number },
        { key: 'dueDate', title: t('receivables.invoices.dueDate'), render: (_, row) => formatDate(row.dueDate, locale) },
        { key: 'openAmount', title: t('receivables.invoices.openAmount'), align: 'right', render: (_, row) => formatMoney(row.openAmount, currency, locale) },
        {
          key: 'dpd',
          title: t('receivables.invoices.dpd'),
          align: 'right',
          render: (_, row) => (row.daysPastDue > 0 ? <Typography.Text type={row.daysPastDue > 30 ? 'danger' : 'warning'}>{row.daysPastDue}</Typography.Text> : <Typography.Text type="secondary">0</Typography.Text>),
        },
      ]}
    />
  )
}
