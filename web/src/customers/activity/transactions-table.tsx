import { Alert, Button, Card, DatePicker, Flex, Input, Segmented, Select, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCustomerTransactions, type TransactionFilters } from '../../api/activity-queries.ts'
import type { Direction, TransactionType, TransactionView } from '../../api/types.ts'
import { formatDateTime } from '../../format/dates.ts'
import { formatMoney } from '../../format/money.ts'
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts'
import { counterpartyName, countryFlag, dayRangeFilter, DIRECTIONS, mergeTransactionPages, TRANSACTION_TYPES } from './transactions.ts'

const DIRECTION_COLOURS: Record<Direction, string> = { in: 'green', out: 'red' }

/**
 * The customer's transactions, newest first, filtered by direction, type, counterparty (its id
 * or exact name, as the server matches it) and dates, 50 at a time with "load more".
 */
export function TransactionsTable({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [direction, setDirection] = useState<Direction | 'any'>('any')
  const [type, setType] = useState<TransactionType | undefined>(undefined)
  const [counterparty, setCounterparty] = useState('')
  const [days, setDays] = useState<{ from: string; to: string } | null>(null)
  const settledCounterparty = useDebouncedValue(counterparty.trim(), 300)
  const filters = useMemo<TransactionFilters>(
    () => ({ direction: direction === 'any' ? undefined : direction, type, counterparty: settledCounterparty || undefined, ...(days ?? {}) }),
    [direction, type, settledCounterparty, days],
  )
  const transactions = useCustomerTransactions(customerId, filters)
  const rows = useMemo(() => mergeTransactionPages(transactions.data?.pages ?? []), [transactions.data])

  const filterBar = (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="transaction-filters">
      <Segmented<Direction | 'any'>
        value={direction}
        onChange={setDirection}
        options={[{ value: 'any', label: t('activity.transactions.anyDirection') }, ...DIRECTIONS.map((value) => ({ value, label: t(`activity.transactions.directions.${value}`) }))]}
        data-testid="direction-filter"
      />
      <Select<TransactionType>
        allowClear
        placeholder={t('activity.transactions.anyType')}
        aria-label={t('activity.transactions.type')}
        value={type}
        onChange={(value) => setType(value ?? undefined)}
        options={TRANSACTION_TYPES.map((value) => ({ value, label: t(`activity.transactions.types.${value}`) }))}
        style={{ width: 140 }}
        data-testid="type-filter"
      />
      <Input
        allowClear
        placeholder={t('activity.transactions.counterpartyFilter')}
        aria-label={t('activity.transactions.counterpartyFilter')}
        value={counterparty}
        onChange={(event) => setCounterparty(event.target.value)}
        style={{ width: 240 }}
        data-testid="counterparty-filter"
      />
      <DatePicker.RangePicker
        placeholder={[t('activity.transactions.from'), t('activity.transactions.to')]}
        onChange={(_, [first, last]) => setDays(first && last ? dayRangeFilter(first, last) : null)}
        data-testid="date-filter"
      />
    </Flex>
  )

  return (
    <Card size="small" title={t('activity.transactions.title')}>
      {filterBar}
      {transactions.isError && <Alert type="error" showIcon title={transactions.error.message} style={{ marginBottom: 12 }} />}
      <Table<TransactionView>
        rowKey={(tx) => `${tx.source}\u0000${tx.id}`}
        size="small"
        loading={transactions.isPending || (transactions.isFetching && !transactions.isFetchingNextPage)}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('activity.transactions.none') }}
        data-testid="transactions-table"
        columns={[
          { key: 'at', title: t('activity.transactions.at'), render: (_, tx) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(tx.at, locale)}</span> },
          {
            key: 'direction',
            title: t('activity.transactions.direction'),
            render: (_, tx) => (
              <Tag color={DIRECTION_COLOURS[tx.direction]} data-testid="direction">
                {t(`activity.transactions.directions.${tx.direction}`)}
              </Tag>
            ),
          },
          { key: 'type', title: t('activity.transactions.type'), render: (_, tx) => t(`activity.transactions.types.${tx.type}`, { defaultValue: tx.type }) },
          {
            key: 'amount',
            title: t('activity.transactions.amount'),
            align: 'right',
            render: (_, tx) => (
              <Typography.Text style={{ color: tx.direction === 'in' ? '#15803d' : '#b91c1c', whiteSpace: 'nowrap' }}>
                {tx.direction === 'out' ? '−' : '+'}
                {formatMoney(tx.amount, tx.currency, locale)}
              </Typography.Text>
            ),
          },
          {
            key: 'counterparty',
            title: t('activity.transactions.counterparty'),
            render: (_, tx) => {
              const name = counterpartyName(tx.counterparty)
              const country = tx.counterparty?.country
              if (!name && !country) return '—'
              return (
                <span>
                  {name ?? '—'}
                  {country && (
                    <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                      {countryFlag(country)} {country}
                    </Typography.Text>
                  )}
                </span>
              )
            },
          },
          { key: 'category', title: t('activity.transactions.category'), render: (_, tx) => tx.category ?? '—' },
          { key: 'channel', title: t('activity.transactions.channel'), render: (_, tx) => tx.channel ?? '—' },
        ]}
      />
      {transactions.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button onClick={() => void transactions.fetchNextPage()} loading={transactions.isFetchingNextPage} data-testid="load-more-transactions">
            {t('actions.loadMore')}
          </Button>
        </Flex>
      )}
    </Card>
  )
}
