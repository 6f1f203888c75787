/**
 * The grade migration matrix between two dates: for each grade a customer held at the start
 * (rows), where it stood at the end (columns). Two extra states close the books:
 *
 * - `new`, a row: customers with no grade at the start but one at the end (rated in between);
 * - `exited`, a column: customers graded at the start that have no grade at the end (left the
 *   portfolio: closed or removed).
 *
 * A customer in neither is not counted. Cells hold counts; each row also gives the row
 * percentages (count / row total, to one hundredth of a percent), the usual way transition
 * matrices are read ("of the BBB customers in January, 7 % were BB in June"). Upgrades and
 * downgrades count moves between two grades of the scale (best first in `grades`): a move to a
 * worse grade is a downgrade. Moves from `new` or to `exited` are neither.
 */
export const NEW_STATE = 'new'
export const EXITED_STATE = 'exited'

export type MigrationRow = {
  from: string
  total: number
  /** One count per column, in `columns` order. */
  counts: number[]
  /** count / total × 100, two decimals; null where the row is empty. */
  percentages: (number | null)[]
}

export type MigrationMatrix = {
  /** The start grades: the scale's grades, then `new`. */
  rows: MigrationRow[]
  /** The end grades: the scale's grades, then `exited`. */
  columns: string[]
  customers: number
  unchanged: number
  upgrades: number
  downgrades: number
  /** Grades held that are not on the scale: how many customers held each, counted in no cell. */
  unknownGrades: { grade: string; at: 'from' | 'to'; customers: number }[]
}

export type MigrationMatrixOptions = {
  /** The scale's grades, best first. */
  grades: readonly string[]
  /** customer id → grade at the start date. */
  from: ReadonlyMap<string, string>
  /** customer id → grade at the end date. */
  to: ReadonlyMap<string, string>
}

/** A count of customers that held grade `from` at the start and `to` at the end (null: none). */
export type GradePairCount = { from: string | null; to: string | null; customers: number }

export function migrationMatrix({ grades, from, to }: MigrationMatrixOptions): MigrationMatrix {
  const pairs = new Map<string, GradePairCount>()
  for (const customerId of new Set([...from.keys(), ...to.keys()])) {
    const pair = { from: from.get(customerId) ?? null, to: to.get(customerId) ?? null }
    const key = JSON.stringify([pair.from, pair.to])
    pairs.set(key, { ...pair, customers: (pairs.get(key)?.customers ?? 0) + 1 })
  }
  return migrationMatrixFromPairs({ grades, pairs: [...pairs.values()] })
}

/** The matrix from counts per pair of grades, as a GROUP BY over the two dates gives them. */
export function migrationMatrixFromPairs({ grades, pairs }: { grades: readonly string[]; pairs: readonly GradePairCount[] }): MigrationMatrix {
  const position = new Map(grades.map((grade, index) => [grade, index]))
  const columns = [...grades, EXITED_STATE]
  const rowKeys = [...grades, NEW_STATE]
  const counts = rowKeys.map(() => columns.map(() => 0))
  const unknown = new Map<string, { grade: string; at: 'from' | 'to'; customers: number }>()
  const noteUnknown = (grade: string, at: 'from' | 'to', customers: number) => {
    const key = `${at}:${grade}`
    unknown.set(key, { grade, at, customers: (unknown.get(key)?.customers ?? 0) + customers })
  }
  let customers = 0
  let unchanged = 0
  let upgrades = 0
  let downgrades = 0

  for (const pair of pairs) {
    if (pair.from === null && pair.to === null) continue
    const fromKnown = pair.from === null || position.has(pair.from)
    const toKnown = pair.to === null || position.has(pair.to)
    if (!fromKnown) noteUnknown(pair.from!, 'from', pair.customers)
    if (!toKnown) noteUnknown(pair.to!, 'to', pair.customers)
    if (!fromKnown || !toKnown) continue
    const row = pair.from === null ? grades.length : position.get(pair.from)!
    const column = pair.to === null ? grades.length : position.get(pair.to)!
    counts[row]![column]! += pair.customers
    customers += pair.customers
    if (pair.from === null || pair.to === null) continue
    if (row === column) unchanged += pair.customers
    else if (column > row) downgrades += pair.customers
    else upgrades += pair.customers
  }

  return {
    rows: rowKeys.map((key, index) => {
      const rowCounts = counts[index]!
      const total = rowCounts.reduce((sum, count) => sum + count, 0)
      return { from: key, total, counts: rowCounts, percentages: rowCounts.map((count) => (total === 0 ? null : Math.round((count / total) * 10_000) / 100)) }
    }),
    columns,
    customers,
    unchanged,
    upgrades,
    downgrades,
    unknownGrades: [...unknown.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.grade < b.grade ? -1 : 1)),
  }
}
