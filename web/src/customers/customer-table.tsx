import { Space, Table, Tag, Typography } from 'antd'
import type { SortOrder } from 'antd/es/table/interface'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CustomerSearch } from '../api/customer-queries.ts'
import type { Customer } from '../api/types.ts'
import { formatDateTime } from '../format/dates.ts'
import { StatusTag } from './status-tag.tsx'

type Props = {
  customers: Customer[]
  loading: boolean
  sort: Pick<CustomerSearch, 'sort' | 'order'>
  onSort: (sort: Pick<CustomerSearch, 'sort' | 'order'>) => void
}

/** Customers as rows; name, created and updated sort on the server. */
export function CustomerTable({ customers, loading, sort, onSort }: Props) {
  const { t, i18n } = useTranslation()
  const sortBy = sort.sort ?? 'name'
  const orderOf = (column: string): SortOrder => (sortBy === column ? ((sort.order ?? 'asc') === 'asc' ? 'ascend' : 'descend') : null)
  return (
    <Table<Customer>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={customers}
      pagination={false}
      scroll={{ x: 1500 }}
      onChange={(_pagination, _filters, sorter) => {
        const one = Array.isArray(sorter) ? sorter[0] : sorter
        const column = one?.columnKey as CustomerSearch['sort'] | undefined
        if (!column || !one?.order) onSort({ sort: undefined, order: undefined })
        else onSort({ sort: column, order: one.order === 'ascend' ? 'asc' : 'desc' })
      }}
      columns={[
        {
          key: 'name',
          title: t('fields.name'),
          width: 280,
          fixed: 'start',
          sorter: true,
          sortOrder: orderOf('name'),
          render: (_, customer) => (
            <Space orientation="vertical" size={0}>
              <Link to={`/customers/${customer.id}`}>{customer.name}</Link>
              {customer.aliases[0] && <Typography.Text type="secondary">{customer.aliases[0]}</Typography.Text>}
            </Space>
          ),
        },
        { key: 'type', title: t('fields.type'), width: 90, render: (_, c) => t(`customerType.${c.type}`) },
        { key: 'status', title: t('fields.status'), width: 110, render: (_, c) => <StatusTag status={c.status} /> },
        { key: 'registrationId', title: t('fields.registrationId'), dataIndex: 'registrationId', width: 200 },
        { key: 'country', title: t('fields.country'), dataIndex: 'country', width: 80 },
        { key: 'region', title: t('fields.region'), dataIndex: 'region', width: 140 },
        { key: 'industry', title: t('fields.industry'), width: 200, render: (_, c) => (c.industry ? `${c.industry.code} ${c.industry.name ?? ''}` : null) },
        { key: 'tags', title: t('fields.tags'), width: 160, render: (_, c) => c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) },
        {
          key: 'updatedAt',
          title: t('fields.updatedAt'),
          width: 170,
          sorter: true,
          sortOrder: orderOf('updatedAt'),
          render: (_, c) => formatDateTime(c.updatedAt, i18n.language),
        },
        {
          key: 'createdAt',
          title: t('fields.createdAt'),
          width: 170,
          sorter: true,
          sortOrder: orderOf('createdAt'),
          render: (_, c) => formatDateTime(c.createdAt, i18n.language),
        },
      ]}
    />
  )
}
