import type { TFunction } from 'i18next'
import { formatDate } from '../../format/dates.ts'

/**
 * The server's reasons for a missing figure (English, written for a reviewer) in the UI's
 * language where they follow a known pattern: "needs items.inventory", "division by zero:
 * currentLiabilities is 0", "no 12-month statement ending 2023-12-31 to compare with". Any
 * other reason is shown as the server wrote it.
 */
export function translateReason(reason: string, t: TFunction, locale: string): string {
  const item = (name: string): string => {
    if (name.startsWith('previous.')) return t('risk.reasons.previous', { item: item(name.slice('previous.'.length)) })
    if (name === 'monthlySales') return t('risk.limit.inputs.monthlySales')
    const bare = name.replace(/^items\./, '')
    return t(`statementItems.${bare}`, { defaultValue: bare })
  }
  const period = (months: string, end: string) => t('risk.reasons.period', { count: Number(months), end: formatDate(end, locale) })

  let match = /^needs ((?:items\.\w+|monthlySales)(?:(?:, | or )(?:items\.\w+|monthlySales))*)$/.exec(reason)
  if (match) {
    const names = match[1]!.split(/, | or /).map(item)
    const type = match[1]!.includes(' or ') ? 'disjunction' : 'conjunction'
    return t('risk.reasons.needs', { items: new Intl.ListFormat(locale, { type }).format(names) })
  }
  match = /^needs (items\.\w+) of the (\d+)-month statement ending (\S+)$/.exec(reason)
  if (match) return t('risk.reasons.needsOf', { item: item(match[1]!), period: period(match[2]!, match[3]!) })
  match = /^division by zero: ([\w.]+) is 0$/.exec(reason)
  if (match) return t('risk.reasons.divisionByZero', { item: item(match[1]!) })
  match = /^(\w+) is negative \(.+\): it must be greater than 0$/.exec(reason)
  if (match) return t('risk.reasons.mustBePositive', { item: item(match[1]!) })
  match = /^no (\d+)-month statement ending (\S+) to compare with$/.exec(reason)
  if (match) return t('risk.reasons.noPrevious', { period: period(match[1]!, match[2]!) })
  if (reason === 'no bureau-recommended limit') return t('risk.reasons.noBureauLimit')
  if (reason === 'no financial statement on file') return t('risk.reasons.noStatement')
  match = /^not rated: (.+)$/.exec(reason)
  if (match) return t('risk.reasons.notRated', { reason: match[1]!.startsWith('no signals') ? t('risk.reasons.noSignals') : match[1]! })
  return reason
}
