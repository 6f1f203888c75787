/** The first and last day of the month of `month` (YYYY-MM), and the months before and after it. */
export function monthRange(month: string): { from: string; to: string; previous: string; next: string } {
  const [year, m] = month.split('-').map(Number) as [number, number]
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate()
  const shift = (by: number) => new Date(Date.UTC(year, m - 1 + by, 1)).toISOString().slice(0, 7)
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}`, previous: shift(-1), next: shift(1) }
}

/** Reviews grouped by due date, in date order. */
export function byDueDate<T extends { dueOn: string }>(reviews: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>()
  for (const review of [...reviews].sort((a, b) => a.dueOn.localeCompare(b.dueOn))) groups.set(review.dueOn, [...(groups.get(review.dueOn) ?? []), review])
  return [...groups]
}
