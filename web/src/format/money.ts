/** How many minor units make one major unit of a currency: 100 for CNY and USD, 1 for JPY. */
export function minorUnitsPerMajor(currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  return 10 ** digits
}

/**
 * An amount kept as integer minor units (fen, cents) shown in its currency for the locale:
 * formatMoney(123456, 'CNY', 'zh-CN') is "¥1,234.56".
 */
export function formatMoney(minorUnits: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minorUnits / minorUnitsPerMajor(currency))
}

/** formatMoney, or an em dash when there is no amount or no currency to read it in. */
export function formatMoneyOrDash(minorUnits: number | null | undefined, currency: string | null | undefined, locale: string): string {
  if (minorUnits === null || minorUnits === undefined || !currency) return '—'
  return formatMoney(minorUnits, currency, locale)
}

/**
 * An amount in minor units, short, for a chart's axis: formatMoneyCompact(12_345_600, 'CNY', 'en')
 * is "CN¥123.5K", in zh-CN "¥12.3万".
 */
export function formatMoneyCompact(minorUnits: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(minorUnits / minorUnitsPerMajor(currency))
}
