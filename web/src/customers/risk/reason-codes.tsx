import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CompositeRating } from '../../api/types.ts'
import { formatPercent } from '../../format/numbers.ts'
import { signalInputText } from './signal-input.ts'

/** The rating's reason codes in the order the server gives them (most adverse first); adverse ones in red. */
export function ReasonCodes({ rating }: { rating: CompositeRating }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  if (rating.reasonCodes.length === 0) return <Typography.Text type="secondary">—</Typography.Text>
  return (
    <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="reason-codes">
      {rating.reasonCodes.map((reason) => {
        const contribution = rating.contributions.find((c) => c.signal === reason.signal)
        const comparison = reason.push > 0 ? 'above' : reason.push < 0 ? 'below' : 'at'
        const text = contribution
          ? t('risk.reasonText', {
              signal: t(`risk.signals.${reason.signal}`),
              input: signalInputText(contribution.signal, contribution.input, t, locale),
              pd: formatPercent(contribution.pd, locale),
              comparison: t(`risk.comparison.${comparison}`),
              neutral: formatPercent(rating.neutralPd, locale),
            })
          : reason.text
        return (
          <li key={reason.code} data-testid="reason-code" data-adverse={reason.adverse} style={{ marginBottom: 4 }}>
            <Tag color={reason.adverse ? 'red' : reason.push < 0 ? 'green' : 'default'} style={{ fontFamily: 'monospace' }}>
              {reason.code}
            </Tag>
            <Typography.Text type={reason.adverse ? 'danger' : undefined}>{text}</Typography.Text>
          </li>
        )
      })}
    </ol>
  )
}
