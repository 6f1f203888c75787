import { InfoCircleOutlined } from '@ant-design/icons'
import { Card, Descriptions, Table, Tooltip, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { CustomerFeatures, WindowTotals } from '../../api/types.ts'
import { formatDateTime } from '../../format/dates.ts'
import { formatMoney } from '../../format/money.ts'
import { formatNumber, formatPercent } from '../../format/numbers.ts'
import { MissingValue } from '../missing-value.tsx'
import { baselineFacts, featureFacts, type FactFormat, type FactReason } from './feature-facts.ts'

/** Labels with a word of explanation beside them. */
const HINTS: Record<string, string> = { categoryShift: 'activity.features.categoryShiftHint', newCounterparties: 'activity.features.newCounterpartiesHint' }

type WindowRow = WindowTotals & { key: string }

/**
 * The customer's live transaction features: counts and sums per window, counterparties,
 * shares, largest amounts, dormancy, category shift and the EWMA baselines, as of the time
 * the engine read them. A figure without a value is a dash with its reason on hover.
 */
export function FeaturesCard({ features }: { features: CustomerFeatures }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const currency = features.reportingCurrency
  const format = (value: number, kind: FactFormat) => formatFact(value, kind, { t, locale, currency })
  const reasonText = (reason: FactReason | null) => (reason === null ? null : 'key' in reason ? t(`activity.features.reasons.${reason.key}`) : reason.text)
  const label = (key: string) =>
    HINTS[key] ? (
      <Tooltip title={t(HINTS[key])}>
        <span>
          {t(`activity.features.${key}`)} <InfoCircleOutlined />
        </span>
      </Tooltip>
    ) : (
      t(`activity.features.${key}`)
    )
  const windows: WindowRow[] = Object.entries(features.windows).map(([key, totals]) => ({ key, ...totals }))
  const hasUnconverted = windows.some((w) => w.unconvertedCount > 0)

  return (
    <Card size="small" title={t('activity.features.title')} extra={<Typography.Text type="secondary">{t('activity.features.asOf', { time: formatDateTime(features.asOf, locale) })}</Typography.Text>} data-testid="features-card">
      <Table<WindowRow>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={windows}
        data-testid="feature-windows"
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'window', title: t('activity.features.window'), render: (_, w) => t(`activity.features.windows.${w.key}`, { defaultValue: w.key }) },
          { key: 'countIn', title: t('activity.features.countIn'), align: 'right', render: (_, w) => formatNumber(w.countIn, locale, 0) },
          { key: 'sumIn', title: t('activity.features.sumIn'), align: 'right', render: (_, w) => formatMoney(w.sumIn, currency, locale) },
          { key: 'countOut', title: t('activity.features.countOut'), align: 'right', render: (_, w) => formatNumber(w.countOut, locale, 0) },
          { key: 'sumOut', title: t('activity.features.sumOut'), align: 'right', render: (_, w) => formatMoney(w.sumOut, currency, locale) },
          ...(hasUnconverted ? [{ key: 'unconverted', title: t('activity.features.unconverted'), align: 'right' as const, render: (_: unknown, w: WindowRow) => formatNumber(w.unconvertedCount, locale, 0) }] : []),
        ]}
      />
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 2, xxl: 3 }} style={{ marginTop: 16 }} data-testid="feature-facts">
        {featureFacts(features).map((fact) => (
          <Descriptions.Item key={fact.key} label={label(fact.key)}>
            <span data-testid={`feature-${fact.key}`}>{fact.value === null ? <MissingValue reason={reasonText(fact.reason)} /> : format(fact.value, fact.format)}</span>
          </Descriptions.Item>
        ))}
        {baselineFacts(features).map((baseline) => (
          <Descriptions.Item key={baseline.key} label={label(baseline.key)}>
            <span data-testid={`feature-${baseline.key}`}>
              {baseline.mean === null ? (
                <MissingValue reason={reasonText(baseline.reason)} />
              ) : (
                <>
                  {format(baseline.mean, baseline.format)} ± {baseline.sd === null ? <MissingValue reason={reasonText(baseline.reason)} /> : format(baseline.sd, baseline.format)}{' '}
                  <Typography.Text type="secondary">({t('activity.features.observations', { count: baseline.observations })})</Typography.Text>
                </>
              )}
            </span>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('activity.features.lastTransaction')}>{features.lastTransactionAt ? formatDateTime(features.lastTransactionAt, locale) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('activity.features.totalCount')}>{formatNumber(features.totalCount, locale, 0)}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0, fontSize: 12 }}>
        {t('activity.features.reportingCurrency', { currency })}
      </Typography.Paragraph>
    </Card>
  )
}

function formatFact(value: number, kind: FactFormat, { t, locale, currency }: { t: TFunction; locale: string; currency: string }): string {
  switch (kind) {
    case 'money':
      return formatMoney(Math.round(value), currency, locale)
    case 'share':
      return formatPercent(value, locale, 1)
    case 'days':
      return t('activity.features.days', { value: formatNumber(value, locale, 1), count: value })
    case 'divergence':
      return formatNumber(value, locale, 3)
    default:
      return formatNumber(value, locale, 2)
  }
}
