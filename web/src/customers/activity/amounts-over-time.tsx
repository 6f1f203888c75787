import { Alert, Card, Empty, Flex, Segmented, Select, Skeleton } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useActivitySeries } from '../../api/activity-queries.ts'
import type { ActivityInterval } from '../../api/types.ts'
import { ACTIVITY_INTERVALS, ACTIVITY_RANGES, currenciesByVolume, rangeStart, seriesChartData, type ActivityRange } from './activity-series.ts'
import { AmountsChart } from './amounts-chart.tsx'

/**
 * Amounts in and out over the last 90 days or 12 months, per day, week or month, one currency
 * at a time: the one with the most volume, or the one the reader picks when there are several.
 */
export function AmountsOverTime({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const [range, setRange] = useState<ActivityRange>('90d')
  const [interval, setIntervalChoice] = useState<ActivityInterval>('week')
  const [picked, setPicked] = useState<string | null>(null)
  const bounds = useMemo(() => rangeStart(range, Date.now()), [range])
  const series = useActivitySeries(customerId, { from: bounds.from, interval })
  const items = useMemo(() => series.data?.items ?? [], [series.data])
  const currencies = useMemo(() => currenciesByVolume(items), [items])
  const currency = picked !== null && currencies.includes(picked) ? picked : (currencies[0] ?? null)
  // While a new interval loads the previous answer stays on screen: chart it by the interval it was asked with.
  const shownInterval = series.data?.interval ?? interval
  const data = useMemo(
    () => (currency ? seriesChartData(items, currency, shownInterval, { from: bounds.fromDate, to: bounds.toDate }) : null),
    [items, currency, shownInterval, bounds],
  )

  const controls = (
    <Flex gap={8} wrap align="center">
      {currencies.length > 1 && (
        <Select
          size="small"
          aria-label={t('activity.series.currency')}
          value={currency}
          onChange={setPicked}
          options={currencies.map((code) => ({ value: code, label: code }))}
          style={{ width: 96 }}
          data-testid="series-currency"
        />
      )}
      <Segmented<ActivityRange> size="small" value={range} onChange={setRange} options={ACTIVITY_RANGES.map((value) => ({ value, label: t(`activity.series.ranges.${value}`) }))} />
      <Segmented<ActivityInterval> size="small" value={interval} onChange={setIntervalChoice} options={ACTIVITY_INTERVALS.map((value) => ({ value, label: t(`activity.series.intervals.${value}`) }))} />
    </Flex>
  )

  return (
    <Card size="small" title={t('activity.series.title')} extra={controls}>
      {series.isPending ? (
        <Skeleton active />
      ) : series.isError ? (
        <Alert type="error" showIcon title={series.error.message} />
      ) : !data ? (
        <Empty description={t('activity.series.none')} />
      ) : (
        <AmountsChart data={data} interval={shownInterval} />
      )}
    </Card>
  )
}
