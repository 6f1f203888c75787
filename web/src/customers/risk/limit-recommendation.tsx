import { Descriptions, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CreditLimitCandidate, CreditLimitRecommendation } from '../../api/types.ts'
import { formatMoney, formatMoneyOrDash } from '../../format/money.ts'
import { formatNumber } from '../../format/numbers.ts'
import { bindingCandidate } from './limit-candidates.ts'
import { translateReason } from './translate-reason.ts'

/** The recommended limit, and every candidate figure with its formula, the one that bound marked. */
export function LimitRecommendation({ limit, limitReason }: { limit: CreditLimitRecommendation | null; limitReason: string | null }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  if (!limit) return <Typography.Text type="secondary">{limitReason ? translateReason(limitReason, t, locale) : t('risk.limit.none')}</Typography.Text>
  const binding = bindingCandidate(limit)
  const inputText = (name: string, value: number | null) => {
    if (value === null) return '—'
    const isDays = name.endsWith('Days') || name === 'periodMonths'
    return isDays ? formatNumber(value, locale, 0) : formatMoney(value, limit.currency, locale)
  }

  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label={t('risk.limit.recommended')}>
          <Typography.Text strong data-testid="limit-amount">
            {formatMoneyOrDash(limit.limit, limit.currency, locale)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('risk.limit.binding')}>{binding ? t(`risk.limit.methods.${binding.method}`) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('risk.limit.gradeFactor')}>{limit.gradeFactor === null ? '—' : formatNumber(limit.gradeFactor, locale)}</Descriptions.Item>
      </Descriptions>
      <Table<CreditLimitCandidate>
        rowKey="method"
        size="small"
        pagination={false}
        dataSource={limit.candidates}
        data-testid="limit-candidates"
        rowClassName={(c) => (c.method === binding?.method ? 'ant-table-row-selected' : '')}
        columns={[
          {
            key: 'method',
            title: t('risk.limit.method'),
            render: (_, c) => (
              <>
                {t(`risk.limit.methods.${c.method}`)}{' '}
                {c.method === binding?.method && (
                  <Tag color="blue" data-testid="binding-candidate">
                    {t('risk.limit.bound')}
                  </Tag>
                )}
              </>
            ),
          },
          { key: 'formula', title: t('risk.limit.formula'), render: (_, c) => <Typography.Text code>{c.formula}</Typography.Text> },
          {
            key: 'inputs',
            title: t('risk.limit.inputsTitle'),
            render: (_, c) =>
              Object.entries(c.inputs).map(([name, value]) => (
                <div key={name} style={{ whiteSpace: 'nowrap' }}>
                  {t(`risk.limit.inputs.${name}`, { defaultValue: t(`statementItems.${name}`, { defaultValue: name }) })}: {inputText(name, value)}
                </div>
              )),
          },
          {
            key: 'value',
            title: t('risk.limit.value'),
            align: 'right',
            render: (_, c) => (
              <>
                <div>{formatMoneyOrDash(c.value, limit.currency, locale)}</div>
                {c.reason && <Typography.Text type="secondary">{translateReason(c.reason, t, locale)}</Typography.Text>}
              </>
            ),
          },
        ]}
      />
    </>
  )
}
