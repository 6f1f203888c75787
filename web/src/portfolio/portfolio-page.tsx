import { Alert, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Skeleton, Statistic, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useAlertTrends, useGradeMigration, useGroupExposures, usePortfolioSummary, type ConcentrationFigures, type ExposureBasis, type PortfolioSummary } from '../api/portfolio-queries.ts'
import { EChart } from '../charts/echart.tsx'
import { formatDateTime } from '../format/dates.ts'
import { formatMoney } from '../format/money.ts'
import { formatNumber, formatPercent } from '../format/numbers.ts'
import { exposureBarOption, migrationCellColour, weeklyTrendOption } from './portfolio-charts.ts'

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** The portfolio dashboard: exposure, concentration, expected loss, appetite breaches, grade migration, groups and alert trends. */
export function PortfolioPage() {
  const { t } = useTranslation()
  const [basis, setBasis] = useState<ExposureBasis>('outstanding')
  const summary = usePortfolioSummary(basis)

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('portfolio.title')}
          </Typography.Title>
          <Segmented<ExposureBasis>
            value={basis}
            onChange={setBasis}
            options={(['outstanding', 'limit'] as const).map((value) => ({ value, label: t(`portfolio.basis.${value}`) }))}
            data-testid="portfolio-basis"
          />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t(`portfolio.basisHelp.${basis}`)}
        </Typography.Paragraph>
      </Card>
      {summary.isError ? <Alert type="error" showIcon title={t('portfolio.failed')} /> : !summary.data ? <Skeleton active /> : <SummaryCards summary={summary.data} />}
      <MigrationCard />
      <GroupsCard basis={basis} />
      <TrendsCard />
    </Flex>
  )
}

function SummaryCards({ summary }: { summary: PortfolioSummary }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const money = (value: number) => formatMoney(value, summary.currency, locale)
  const text = { currency: summary.currency, locale }
  const gradeOption = useMemo(() => exposureBarOption(summary.byGrade, { ...text, label: (key) => (key === 'unrated' ? t('portfolio.unrated') : key) }, { graded: true }), [summary, t, locale])
  const industries = summary.byIndustry.slice(0, 12)
  const industryOption = useMemo(
    () => exposureBarOption(industries, { ...text, label: (key) => (key === 'unknown' ? t('portfolio.unknown') : (summary.byIndustry.find((b) => b.key === key)?.name ?? key)) }, { horizontal: true }),
    [summary, t, locale],
  )
  const regions = summary.byRegion.slice(0, 12)
  const regionOption = useMemo(() => exposureBarOption(regions, { ...text, label: (key) => (key === 'unknown' ? t('portfolio.unknown') : key) }, { horizontal: true }), [summary, t, locale])
  const el = summary.expectedLoss

  return (
    <>
      <Card>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('portfolio.exposure')} value={money(summary.exposure)} />
            <Typography.Text type="secondary">{t('portfolio.exposedOf', { exposed: summary.exposed, customers: summary.customers })}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('portfolio.expectedLoss')} value={money(el.total)} />
            <Typography.Text type="secondary">{t('portfolio.elRate', { rate: formatPercent(el.rate, locale, 3), lgd: formatPercent(el.lgd, locale) })}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('portfolio.hhi')} value={formatNumber(summary.concentration.customers.hhi, locale, 4)} data-testid="portfolio-hhi" />
            <Typography.Text type="secondary">{t('portfolio.effectiveNumber', { n: formatNumber(summary.concentration.customers.effectiveNumber, locale, 1) })}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('portfolio.top10')} value={formatPercent(summary.concentration.customers.top.share, locale)} />
            <Typography.Text type="secondary">{t('portfolio.unratedExposure', { amount: money(el.unratedExposure), count: el.unratedCustomers })}</Typography.Text>
          </Col>
        </Row>
        {summary.unconverted.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title={t('portfolio.unconverted', { list: summary.unconverted.map((u) => `${formatMoney(u.amount, u.currency, locale)} (${u.customers})`).join(', ') })}
            data-testid="portfolio-unconverted"
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card title={t('portfolio.byGrade')}>{summary.exposure === 0 ? <Empty /> : <EChart option={gradeOption} label={t('portfolio.byGrade')} data-testid="grade-chart" />}</Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('portfolio.byIndustry')}>{summary.exposure === 0 ? <Empty /> : <EChart option={industryOption} label={t('portfolio.byIndustry')} data-testid="industry-chart" />}</Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('portfolio.byRegion')}>{summary.exposure === 0 ? <Empty /> : <EChart option={regionOption} label={t('portfolio.byRegion')} data-testid="region-chart" />}</Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <ConcentrationCard summary={summary} />
        </Col>
        <Col xs={24} lg={12}>
          <BreachesCard summary={summary} />
        </Col>
      </Row>
    </>
  )
}

function ConcentrationCard({ summary }: { summary: PortfolioSummary }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const rows = (['customers', 'industries', 'groups'] as const).map((key) => ({ key, figures: summary.concentration[key] as ConcentrationFigures }))
  return (
    <Card title={t('portfolio.concentration')}>
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        data-testid="concentration-table"
        expandable={{
          expandedRowRender: ({ key, figures }) => (
            <ol style={{ margin: 0 }}>
              {figures.top.top.map((top) => (
                <li key={top.key}>
                  {key === 'customers' ? <Link to={`/customers/${top.key}`}>{top.name}</Link> : top.name} — {formatMoney(top.exposure, summary.currency, locale)} ({formatPercent(top.share, locale)})
                </li>
              ))}
            </ol>
          ),
        }}
        columns={[
          { title: t('portfolio.by'), dataIndex: 'key', render: (key: string) => t(`portfolio.concentrationBy.${key}`) },
          { title: t('portfolio.hhi'), render: (_, row) => formatNumber(row.figures.hhi, locale, 4) },
          { title: t('portfolio.effective'), render: (_, row) => formatNumber(row.figures.effectiveNumber, locale, 1) },
          { title: t('portfolio.top10'), render: (_, row) => formatPercent(row.figures.top.share, locale) },
          { title: t('portfolio.names'), render: (_, row) => formatNumber(row.figures.names, locale, 0) },
        ]}
      />
    </Card>
  )
}

function BreachesCard({ summary }: { summary: PortfolioSummary }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { appetite } = summary
  return (
    <Card title={t('portfolio.appetite')} extra={<Typography.Text type="secondary">{appetite.version}</Typography.Text>}>
      <Typography.Paragraph type="secondary">
        {t('portfolio.limits', { name: formatPercent(appetite.maxSingleNameShare, locale), group: formatPercent(appetite.maxGroupShare, locale), industry: formatPercent(appetite.maxIndustryShare, locale) })}
      </Typography.Paragraph>
      {appetite.breaches.length === 0 ? (
        <Alert type="success" showIcon title={t('portfolio.noBreaches')} />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey={(b) => `${b.kind}:${b.key}`}
          dataSource={appetite.breaches}
          data-testid="breach-table"
          columns={[
            { title: t('portfolio.breachKind'), dataIndex: 'kind', render: (kind: string) => <Tag color="red">{t(`portfolio.breachKinds.${kind}`)}</Tag> },
            { title: t('portfolio.name'), dataIndex: 'name' },
            { title: t('portfolio.share'), render: (_, b) => `${formatPercent(b.share, locale)} > ${formatPercent(b.limit, locale)}` },
            { title: t('portfolio.excess'), render: (_, b) => formatMoney(b.excess, summary.currency, locale) },
          ]}
        />
      )}
    </Card>
  )
}

function MigrationCard() {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const today = isoDay(Date.now())
  const [range, setRange] = useState<{ from: string; to: string }>({ from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today })
  const migration = useGradeMigration(range.from, range.to)
  const matrix = migration.data
  const grades = matrix ? matrix.columns.length - 1 : 0
  const columnLabel = (key: string) => (key === 'exited' ? t('portfolio.exited') : key === 'new' ? t('portfolio.new') : key)
  return (
    <Card
      title={t('portfolio.migration')}
      extra={
        <DatePicker.RangePicker
          allowClear={false}
          placeholder={[range.from, range.to]}
          onChange={(_, [from, to]) => from && to && setRange({ from, to })}
          data-testid="migration-range"
        />
      }
    >
      {migration.isError ? (
        <Alert type="error" showIcon title={t('portfolio.failed')} />
      ) : !matrix ? (
        <Skeleton active />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('portfolio.migrationSummary', { from: matrix.from, to: matrix.to, customers: matrix.customers, upgrades: matrix.upgrades, downgrades: matrix.downgrades, unchanged: matrix.unchanged })}
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="from"
            scroll={{ x: true }}
            dataSource={matrix.rows.map((row, index) => ({ ...row, index }))}
            data-testid="migration-table"
            columns={[
              { title: t('portfolio.fromTo'), dataIndex: 'from', render: (key: string) => <strong>{columnLabel(key)}</strong> },
              ...matrix.columns.map((column, columnIndex) => ({
                title: columnLabel(column),
                key: column,
                align: 'right' as const,
                onCell: (row: { index: number; percentages: (number | null)[] }) => ({ style: { background: migrationCellColour(row.index, columnIndex, grades, row.percentages[columnIndex] ?? null) } }),
                render: (_: unknown, row: { counts: number[]; percentages: (number | null)[] }) =>
                  row.counts[columnIndex] === 0 ? '' : `${formatNumber(row.counts[columnIndex], locale, 0)} (${formatNumber(row.percentages[columnIndex], locale, 1)}%)`,
              })),
              { title: t('portfolio.rowTotal'), dataIndex: 'total', align: 'right' as const },
            ]}
          />
        </>
      )}
    </Card>
  )
}

function GroupsCard({ basis }: { basis: ExposureBasis }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const groups = useGroupExposures(basis)
  const data = groups.data
  return (
    <Card title={t('portfolio.groups')} extra={data && <Typography.Text type="secondary">{t('portfolio.groupCount', { count: data.groups, pct: data.rules.minSharePct })}</Typography.Text>}>
      {!data ? (
        <Skeleton active />
      ) : (
        <Table
          size="small"
          rowKey="leadId"
          pagination={false}
          dataSource={data.items}
          data-testid="group-table"
          expandable={{
            expandedRowRender: (group) => (
              <ul style={{ margin: 0 }}>
                {group.members.map((m) => (
                  <li key={m.customerId}>
                    <Link to={`/customers/${m.customerId}`}>{m.name}</Link> {m.grade ?? t('portfolio.unrated')} — {formatMoney(m.ead, data.currency, locale)}
                  </li>
                ))}
                {group.ties.map((tie) => (
                  <li key={`${tie.fromId}-${tie.kind}-${tie.toId}`} style={{ color: '#64748b' }}>
                    {t('portfolio.tie', { from: group.members.find((m) => m.customerId === tie.fromId)?.name ?? tie.fromId, to: group.members.find((m) => m.customerId === tie.toId)?.name ?? tie.toId, kind: t(`relationships.incoming.${tie.kind}`, { defaultValue: tie.kind }) })}
                    {tie.sharePct !== null ? ` (${formatNumber(tie.sharePct, locale, 2)}%)` : ''}
                  </li>
                ))}
              </ul>
            ),
          }}
          columns={[
            { title: t('portfolio.name'), dataIndex: 'name', render: (name: string, group) => <Link to={`/customers/${group.leadId}`}>{name}</Link> },
            { title: t('portfolio.members'), render: (_, group) => group.members.length },
            { title: t('portfolio.exposure'), align: 'right', render: (_, group) => formatMoney(group.exposure, data.currency, locale) },
            { title: t('portfolio.share'), align: 'right', render: (_, group) => (group.breach ? <Tag color="red">{formatPercent(group.share, locale)}</Tag> : formatPercent(group.share, locale)) },
          ]}
        />
      )}
    </Card>
  )
}

function TrendsCard() {
  const { t, i18n } = useTranslation()
  const trends = useAlertTrends()
  const data = trends.data
  const alertsOption = useMemo(() => (data ? weeklyTrendOption(data.alerts, (key) => t(`alerts.severity.${key}`, { defaultValue: key })) : null), [data, t])
  const dispositionOption = useMemo(() => (data ? weeklyTrendOption(data.dispositions, (key) => t(`portfolio.dispositions.${key}`, { defaultValue: key })) : null), [data, t])
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card title={t('portfolio.alertTrend')} extra={data && <Typography.Text type="secondary">{formatDateTime(`${data.from}T00:00:00Z`, i18n.language).slice(0, 10)}</Typography.Text>}>
          {alertsOption ? <EChart option={alertsOption} label={t('portfolio.alertTrend')} data-testid="alert-trend-chart" /> : <Skeleton active />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card title={t('portfolio.dispositionTrend')}>{dispositionOption ? <EChart option={dispositionOption} label={t('portfolio.dispositionTrend')} /> : <Skeleton active />}</Card>
      </Col>
    </Row>
  )
}
