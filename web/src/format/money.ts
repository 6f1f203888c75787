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
