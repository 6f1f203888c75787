import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useCustomerList } from '../api/customer-queries.ts'
import { useMe } from '../api/me-queries.ts'
import { CustomerFilters } from './customer-filters.tsx'
import { CustomerFormDrawer } from './customer-form-drawer.tsx'
import { CustomerTable } from './customer-table.tsx'
import { useCustomerSearch } from './use-customer-search.ts'

/** The customer register: search, filter, sort, load more, and add a customer. */
export function CustomerListPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [search, updateSearch] = useCustomerSearch()
  const [isCreating, setCreating] = useState(false)
  const canWrite = useMe().data?.permissions.includes('customers.write') ?? false
  const list = useCustomerList(search)
  const customers = list.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <Card>
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('customers.title')}
        </Typography.Title>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('customers.create')}
          </Button>
        )}
      </Flex>
      <div style={{ marginBottom: 16 }}>
        <CustomerFilters search={search} onChange={updateSearch} />
      </div>
      {list.isError && <Alert type="error" showIcon title={list.error.message} style={{ marginBottom: 16 }} />}
      <CustomerTable customers={customers} loading={list.isFetching && !list.isFetchingNextPage} sort={search} onSort={updateSearch} />
      <Flex justify="center" align="center" gap={16} style={{ marginTop: 16 }}>
        <Typography.Text type="secondary">{t('customers.shown', { count: customers.length })}</Typography.Text>
        {list.hasNextPage && (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('actions.loadMore')}
          </Button>
        )}
      </Flex>
      <CustomerFormDrawer open={isCreating} customer={null} onClose={() => setCreating(false)} onSaved={(customer) => void navigate(`/customers/${customer.id}`)} />
    </Card>
  )
}
