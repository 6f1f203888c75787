import { Button, Empty, Flex, Skeleton, Timeline } from 'antd'
import { useTranslation } from 'react-i18next'
import { useTimeline } from '../../api/record-queries.ts'
import { TimelineEntry } from './timeline-entry.tsx'

/** The customer's history from the audit ledger, newest first: who did what, when, and what changed. */
export function TimelineTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const timeline = useTimeline(customerId)
  if (timeline.isPending) return <Skeleton active />
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? []
  if (items.length === 0) return <Empty description={t('timeline.none')} />
  return (
    <>
      <Timeline
        data-testid="timeline"
        items={items.map((item) => ({
          key: item.seq,
          color: item.action.endsWith('.deleted') ? 'red' : item.action.endsWith('.created') || item.action.endsWith('.uploaded') ? 'green' : 'blue',
          content: <TimelineEntry item={item} />,
        }))}
      />
      {timeline.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
            {t('actions.loadMore')}
          </Button>
        </Flex>
      )}
    </>
  )
}
