import { Card, Col, Row, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CurrencyReceivables, CustomerMetrics, UnappliedCash, Utilisation } from '../../api/types.ts'
import { formatMoney } from '../../format/money.ts'
import { displayFigure, PAYMENT_BAND_TAG, paymentBand } from './figure-display.ts'
import { FigureStat, FigureTip } from './figure-stat.tsx'
import { headlineFigures } from './headline-figures.ts'

type Props = {
  receivables: CurrencyReceivables
  utilisation: Utilisation
  creditLimit: CustomerMetrics['creditLimit']
  unappliedCash: UnappliedCash | null
}

/**
 * The headline figures of one currency — outstanding, overdue, days past due, DSO, days beyond
 * terms, the payment index in its band's colour — and the use of the credit limit, each with
 * its formula on hover and, when it could not be computed, why.
 */
export function ReceivablesHeadline({ receivables, utilisation, creditLimit, unappliedCash }: Props) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { currency } = receivables
  const options = { t, locale, currency }
  const usage = displayFigure(utilisation, 'ratio', { ...options, currency: utilisation.currency ?? creditLimit?.currency ?? null })

  return (
    <Card size="small" data-testid="receivables-headline">
      <Row gutter={[24, 16]}>
        {headlineFigures(receivables).map((figure) => {
          const testId = `figure-${figure.key}`
          const label = t(`receivables.figures.${figure.key}`)
          if (figure.kind === 'money') {
            return (
              <Col key={figure.key} xs={12} md={8} xl={6}>
                <FigureStat
                  label={label}
                  value={formatMoney(figure.amount, currency, locale)}
                  note={t('receivables.invoices', { count: figure.invoices })}
                  tip={t(`receivables.formulas.${figure.key}`)}
                  data-testid={testId}
                />
              </Col>
            )
          }
          const display = displayFigure(figure.figure, figure.kind, options)
          const band = figure.key === 'paymentIndex' ? paymentBand(figure.figure.value) : null
          const value =
            display.text === null ? null : band ? (
              <Tag color={PAYMENT_BAND_TAG[band]} style={{ fontSize: 18, padding: '2px 10px' }} data-testid="payment-index" data-band={band}>
                {display.text}
              </Tag>
            ) : (
              display.text
            )
          return (
            <Col key={figure.key} xs={12} md={8} xl={6}>
              <FigureStat label={label} value={value} note={band ? t(`receivables.paymentBands.${band}`) : undefined} tip={<FigureTip display={display} />} data-testid={testId} />
            </Col>
          )
        })}
        <Col xs={12} md={8} xl={6}>
          <FigureStat
            label={t('receivables.figures.utilisation')}
            value={usage.text !== null && (utilisation.value ?? 0) > 1 ? <Typography.Text type="danger">{usage.text}</Typography.Text> : usage.text}
            note={creditLimit ? `${t('receivables.limit.contract', { number: creditLimit.contractNumber })} · ${t('receivables.limit.amount')} ${formatMoney(creditLimit.amount, creditLimit.currency, locale)}` : t('receivables.limit.none')}
            tip={<FigureTip display={usage} />}
            data-testid="figure-utilisation"
          />
        </Col>
        {unappliedCash && unappliedCash.amount > 0 && (
          <Col xs={12} md={8} xl={6}>
            <FigureStat label={t('receivables.figures.unappliedCash')} value={formatMoney(unappliedCash.amount, unappliedCash.currency, locale)} tip={t('receivables.formulas.unappliedCash')} data-testid="figure-unappliedCash" />
          </Col>
        )}
      </Row>
    </Card>
  )
}
