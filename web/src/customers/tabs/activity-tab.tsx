import { Alert, Empty, Flex, Skeleton } from 'antd'
import { useTranslation } from 'react-i18next'
import { useCustomerMetrics } from '../../api/activity-queries.ts'
import { AmountsOverTime } from '../activity/amounts-over-time.tsx'
import { CounterpartiesTable } from '../activity/counterparties-table.tsx'
import { FeaturesCard } from '../activity/features-card.tsx'
import { TransactionsTable } from '../activity/transactions-table.tsx'

/**
 * What the customer does with its money, as the monitoring engine sees it: the live features,
 * amounts over time, the transactions themselves and the counterparties they go to and come from.
 */
export function ActivityTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const metrics = useCustomerMetrics(customerId)

  if (metrics.isPending) return <Skeleton active />
  if (metrics.isError) return <Alert type="error" showIcon title={metrics.error.message} />
  if (metrics.data.features.totalCount === 0) return <Empty description={t('activity.none')} data-testid="activity-empty" />

  return (
    <Flex vertical gap={16} data-testid="activity-tab">
      <FeaturesCard features={metrics.data.features} />
      <AmountsOverTime customerId={customerId} />
      <TransactionsTable customerId={customerId} />
      <CounterpartiesTable customerId={customerId} />
    </Flex>
  )
}
