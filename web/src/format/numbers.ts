/**
 * A share (0–1) as a percentage for the locale, with enough digits to show small PDs:
 * formatPercent(0.0003, 'en') is "0.03%", formatPercent(0.1234, 'en') is "12.34%".
 * An em dash when there is no finite number.
 */
export function formatPercent(share: number | null | undefined, locale: string, maximumFractionDigits = 2): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—'
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits }).format(share)
}

/** A number with at most `digits` decimals for the locale; an em dash when there is no finite number. */
export function formatNumber(value: number | null | undefined, locale: string, digits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)
}
