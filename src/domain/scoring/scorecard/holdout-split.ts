import { mulberry32 } from '../../random/index.ts'
import type { CategoricalColumn } from './dataset.ts'

/**
 * Which rows are held out from training to validate on (1) and which train (0).
 *
 * A random split is stratified and exact: round(fraction · n) of the bads and of the goods are
 * drawn (Fisher–Yates with a seeded mulberry32 generator), so the same seed gives the same
 * split on every machine and both parts keep the bad rate of the whole.
 */
export function randomHoldout(bad: Uint8Array, fraction: number, seed: number): Uint8Array {
  if (!(fraction >= 0 && fraction < 1)) throw new Error(`the holdout fraction must be at least 0 and below 1, got ${fraction}`)
  const next = mulberry32(seed)
  const isHoldout = new Uint8Array(bad.length)
  for (const label of [1, 0]) {
    const rows: number[] = []
    for (let i = 0; i < bad.length; i += 1) if ((bad[i] === 1 ? 1 : 0) === label) rows.push(i)
    const take = Math.round(fraction * rows.length)
    for (let k = 0; k < take; k += 1) {
      const j = k + Math.floor(next() * (rows.length - k))
      const chosen = rows[j]!
      rows[j] = rows[k]!
      rows[k] = chosen
      isHoldout[chosen] = 1
    }
  }
  return isHoldout
}

const TRAINING = new Set(['train', 'training'])
const HOLDOUT = new Set(['test', 'holdout', 'validation', 'valid'])

/** A split given by a column: `train`/`training` rows train, `test`/`holdout`/`validation`/`valid` rows validate (any case). */
export function holdoutFromColumn(column: CategoricalColumn): Uint8Array {
  const meaning = column.levels.map((level) => {
    const key = level.toLowerCase()
    if (TRAINING.has(key)) return 0
    if (HOLDOUT.has(key)) return 1
    throw new Error(`split column ${column.name}: "${level}" is neither train nor test (use train/training or test/holdout/validation/valid)`)
  })
  const isHoldout = new Uint8Array(column.codes.length)
  column.codes.forEach((code, row) => {
    if (code < 0) throw new Error(`split column ${column.name}: row ${row + 1} is empty`)
    isHoldout[row] = meaning[code]!
  })
  return isHoldout
}
