import { invalidField } from '../../app-error.ts'
import { migrationMatrixFromPairs } from '../../domain/portfolio/index.ts'
import { DEFAULT_MASTER_SCALE } from '../../domain/scoring/index.ts'
import type { GradeMigration } from '../../schemas/portfolio.ts'
import type { Store } from '../../store/open-store.ts'
import { readGradePairs } from '../../store/repositories/portfolio.ts'

export type GetGradeMigrationOptions = { store: Store; from: string; to: string }

/**
 * How grades moved between two dates (YYYY-MM-DD, each taken to its end, UTC): a customer's
 * grade on a date is that of its latest graded assessment by then. A customer graded by
 * `from` whose status is `closed` and was last changed by `to` has exited; one closed by
 * `from` was already out and is not counted. The pairs are counted in the database.
 */
export async function getGradeMigration({ store, from, to }: GetGradeMigrationOptions): Promise<GradeMigration> {
  if (from > to) throw invalidField('from', `must not be after to (${to})`)
  const pairs = await readGradePairs(store.db, { dialect: store.dialect, fromEnd: `${from}T23:59:59.999Z`, toEnd: `${to}T23:59:59.999Z` })
  const matrix = migrationMatrixFromPairs({ grades: DEFAULT_MASTER_SCALE.grades.map((g) => g.grade), pairs })
  return { ...matrix, from, to, scaleVersion: DEFAULT_MASTER_SCALE.version }
}
