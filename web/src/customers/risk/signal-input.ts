import type { TFunction } from 'i18next'
import type { RatingSignal, SignalContribution } from '../../api/types.ts'
import { formatNumber, formatPercent } from '../../format/numbers.ts'

/** What a rating signal read, in words: a zone's name, a bureau score on its scale, the scorecard's PD, or a number. */
export function signalInputText(signal: RatingSignal, input: SignalContribution['input'], t: TFunction, locale: string): string {
  if (typeof input === 'object') return t('risk.signalInput.bureau', { score: formatNumber(input.score, locale), min: formatNumber(input.min, locale), max: formatNumber(input.max, locale) })
  if (typeof input === 'string') return t(`risk.zones.${input}`, { defaultValue: input })
  return signal === 'scorecardPd' ? formatPercent(input, locale) : formatNumber(input, locale)
}
