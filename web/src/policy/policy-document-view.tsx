import { Descriptions, Flex, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ApprovalRule, MasterScaleGrade, RiskPolicy } from '../api/policy-queries.ts'
import { formatMoneyOrDash } from '../format/money.ts'
import { formatPercent } from '../format/numbers.ts'

/** A policy document as tables: the master scale with each grade's review, actions and limit factor; thresholds, appetite, weights and the approval matrix. */
export function PolicyDocumentView({ policy }: { policy: RiskPolicy }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const pd = (value: number) => formatPercent(value, locale, 3)
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('policy.document.masterScale', { version: policy.masterScale.version })}
      </Typography.Title>
      <Table<MasterScaleGrade>
        rowKey="grade"
        size="small"
        pagination={false}
        dataSource={policy.masterScale.grades}
        data-testid="policy-master-scale"
        columns={[
          { title: t('policy.document.grade'), dataIndex: 'grade', render: (grade: string) => <strong>{grade}</strong> },
          { title: t('policy.document.pdBand'), key: 'band', render: (_, g) => `${pd(g.lower)} – ${pd(g.upper)}` },
          { title: t('policy.document.description'), dataIndex: 'description' },
          {
            title: t('policy.document.review'),
            key: 'review',
            render: (_, g) => {
              const review = policy.reviewFrequencyPerGrade[g.grade]
              return review ? t(`policy.document.every.${review.unit}`, { count: review.every }) : '—'
            },
          },
          {
            title: t('policy.document.actions'),
            key: 'actions',
            render: (_, g) => (policy.actionsPerGrade[g.grade] ?? []).map((action) => <Tag key={action}>{t(`policy.action.${action}`, { defaultValue: action })}</Tag>),
          },
          { title: t('policy.document.limitFactor'), key: 'factor', align: 'right', render: (_, g) => policy.limitRules.gradeScale[g.grade] ?? '—' },
        ]}
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} title={t('policy.document.thresholdsAndAppetite')}>
        <Descriptions.Item label={t('policy.document.utilisationWarning')}>{formatPercent(policy.thresholds.utilisationWarning, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('policy.document.utilisationBreach')}>{formatPercent(policy.thresholds.utilisationBreach, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('policy.document.downgradeAlertNotches')}>{policy.thresholds.downgradeAlertNotches}</Descriptions.Item>
        <Descriptions.Item label={t('policy.document.watchListGrade')}>{policy.thresholds.watchListGrade}</Descriptions.Item>
        <Descriptions.Item label={t('policy.document.maxSingleNameShare')}>{formatPercent(policy.riskAppetite.maxSingleNameShare, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('policy.document.maxIndustryShare')}>{formatPercent(policy.riskAppetite.maxIndustryShare, locale)}</Descriptions.Item>
        <Descriptions.Item label={t('policy.document.weights', { version: policy.ratingWeights.version })} span={2}>
          {Object.entries(policy.ratingWeights.weights)
            .map(([signal, weight]) => `${t(`policy.signal.${signal}`, { defaultValue: signal })} ${weight}`)
            .join(' · ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('policy.document.limitPercentages')} span={2}>
          {Object.entries(policy.limitRules.percentages)
            .map(([method, percent]) => `${t(`policy.limitMethod.${method}`, { defaultValue: method })} ${percent} %`)
            .join(' · ')}
          {' · '}
          {t('policy.document.defaultTerms', { days: policy.limitRules.defaultCreditTermsDays })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('policy.document.approvalMatrix')}
      </Typography.Title>
      <Table<ApprovalRule & { key: number }>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={policy.approvalMatrix.rules.map((rule, key) => ({ ...rule, key }))}
        columns={[
          { title: t('policy.document.requestKind'), dataIndex: 'requestKind' },
          { title: t('policy.document.maxAmount'), dataIndex: 'maxAmount', render: (amount: number | null) => (amount === null ? t('policy.document.anyAmount') : formatMoneyOrDash(amount, policy.approvalMatrix.currency, locale)) },
          { title: t('policy.document.grades'), dataIndex: 'grades', render: (grades: string[]) => (grades.length === 0 ? t('policy.document.anyGrade') : grades.join(', ')) },
          { title: t('policy.document.approvers'), key: 'who', render: (_, rule) => t('policy.document.approversOf', { count: rule.approvers, role: t(`roles.${rule.role}`, { defaultValue: rule.role }) }) },
        ]}
      />
    </Flex>
  )
}
