import type { TFunction } from 'i18next'
import type { Figure } from '../../api/types.ts'
import { formatMoney } from '../../format/money.ts'
import { formatNumber, formatPercent } from '../../format/numbers.ts'
import { translateReceivablesReason } from './translate-receivables-reason.ts'

/** How a figure's value reads: days, a 1–100 index, or a ratio shown as a percentage. */
export type FigureKind = 'days' | 'index' | 'ratio'

export type FigureDisplay = {
  /** The value for the locale; null when the server could not compute it. */
  text: string | null
  /** Why not, in the UI's language when the reason is one it knows. */
  reason: string | null
  /** As the server wrote it: it names the inputs. */
  formula: string
  /** Each input by the name the formula uses, money in the figure's currency, the rest as numbers; a missing one is a dash. */
  inputs: { name: string; text: string }[]
}

/** Inputs that are amounts of money (minor units); the rest are days, counts or products of them. */
const MONEY_INPUTS = new Set(['receivables', 'creditSales', 'creditSalesOnRecord', 'openAmount', 'amount', 'outstanding', 'limit', 'weight'])

/** A receivables figure ({formula, inputs, value, reason}) ready to show: never NaN, a missing value with its reason. */
export function displayFigure(figure: Figure, kind: FigureKind, { t, locale, currency }: { t: TFunction; locale: string; currency: string | null }): FigureDisplay {
  const { value } = figure
  const text =
    value === null || !Number.isFinite(value)
      ? null
      : kind === 'days'
        ? t('receivables.days', { value: formatNumber(value, locale, 1), count: value })
        : kind === 'index'
          ? formatNumber(value, locale, 0)
          : formatPercent(value, locale, 1)
  return {
    text,
    reason: text === null ? translateReceivablesReason(figure.reason ?? '', t, locale, currency) || null : null,
    formula: figure.formula,
    inputs: Object.entries(figure.inputs).map(([name, input]) => ({
      name,
      text: input === null ? '—' : MONEY_INPUTS.has(name) && currency ? formatMoney(input, currency, locale) : formatNumber(input, locale),
    })),
  }
}

export type PaymentBand = 'good' | 'watch' | 'poor'

/** Where a payment index stands: 80 and above pays on terms (good), 50–79 is late (watch), below 50 very late (poor). */
export function paymentBand(index: number | null | undefined): PaymentBand | null {
  if (index === null || index === undefined || !Number.isFinite(index)) return null
  return index >= 80 ? 'good' : index >= 50 ? 'watch' : 'poor'
}

/** Colours of the bands: antd tag colours, and the same hues for charts. */
export const PAYMENT_BAND_TAG: Record<PaymentBand, string> = { good: 'green', watch: 'gold', poor: 'red' }
export const PAYMENT_BAND_COLOUR: Record<PaymentBand, string> = { good: '#16a34a', watch: '#d97706', poor: '#dc2626' }
