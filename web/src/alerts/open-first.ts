import type { CaseSummary } from '../api/types.ts'

/** Open cases before closed ones, each group in the order the server gave (newest opened first). */
export function openFirst(cases: CaseSummary[]): CaseSummary[] {
  return [...cases.filter((c) => c.status === 'open'), ...cases.filter((c) => c.status !== 'open')]
}
