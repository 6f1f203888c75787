import type { Page, TransactionView } from '../../api/types.ts'

export { DIRECTIONS, TRANSACTION_TYPES } from '../../../../src/domain/monitoring/activity.ts'

/**
 * The transactions of every page loaded so far, in order. A transaction the server sends
 * again on a later page (one that arrived late, between two loads) is kept once, where it
 * first appeared.
 */
export function mergeTransactionPages(pages: readonly Pick<Page<TransactionView>, 'items'>[]): TransactionView[] {
  const seen = new Set<string>()
  const merged: TransactionView[] = []
  for (const page of pages) {
    for (const tx of page.items) {
      const key = `${tx.source}\u0000${tx.id}`
      if (seen.has(key)) continue
      seen.add(key)
      merged.push(tx)
    }
  }
  return merged
}

/** A country's flag from its ISO 3166-1 alpha-2 code ("CN" → 🇨🇳); null for anything else. */
export function countryFlag(code: string | null | undefined): string | null {
  if (!code || !/^[A-Za-z]{2}$/.test(code)) return null
  return String.fromCodePoint(...[...code.toUpperCase()].map((letter) => 0x1f1e6 + letter.charCodeAt(0) - 65))
}

/** What to call a counterparty: its name, else its id, else its account; null when it has none. */
export function counterpartyName(counterparty: TransactionView['counterparty']): string | null {
  if (!counterparty) return null
  return counterparty.name || counterparty.id || counterparty.account || null
}

/**
 * Two calendar dates the reader picked (YYYY-MM-DD, both included) as the instants the server
 * filters by: from the start of the first day to the start of the day after the last, in the
 * reader's time zone, as the table shows times.
 */
export function dayRangeFilter(first: string, last: string): { from: string; to: string } {
  const start = (isoDate: string, addDays = 0) => {
    const [year, month, day] = isoDate.split('-').map(Number)
    return new Date(year!, month! - 1, day! + addDays).toISOString()
  }
  return { from: start(first), to: start(last, 1) }
}
