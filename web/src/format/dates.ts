/** A timestamp (UTC ISO-8601) in the reader's time zone: 2025-03-01 14:05. */
export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}

/** A calendar date (YYYY-MM-DD) as the locale writes it, without shifting it by a time zone. */
export function formatDate(isoDate: string | null | undefined, locale: string): string {
  if (!isoDate) return '—'
  const [year, month, day] = isoDate.split('-').map(Number)
  if (!year || !month || !day) return isoDate
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)))
}

/** The month of a calendar date (YYYY-MM-DD) as the locale writes it: "Mar 2026", "2026年3月". */
export function formatMonth(isoDate: string, locale: string): string {
  const [year, month] = isoDate.split('-').map(Number)
  if (!year || !month) return isoDate
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)))
}
