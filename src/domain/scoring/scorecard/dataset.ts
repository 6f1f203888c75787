/**
 * The data a scorecard is trained on and scores: columns of typed arrays, one value per row.
 * A numeric column holds numbers (NaN = missing); a categorical one holds a code per row into
 * its `levels` (−1 = missing).
 */
export type NumericColumn = { kind: 'numeric'; name: string; values: Float64Array }
export type CategoricalColumn = { kind: 'categorical'; name: string; codes: Int32Array; levels: string[] }
export type Column = NumericColumn | CategoricalColumn
export type Dataset = { rows: number; columns: Column[] }

/** A column the builder gave up on, and why. */
export type SkippedColumn = { kind: 'skipped'; name: string; reason: string }

/** `auto`: numeric when every non-empty cell is a number, categorical otherwise. */
export type ColumnKind = 'auto' | 'numeric' | 'categorical'

export const DEFAULT_MAX_LEVELS = 10_000

/**
 * Builds a column from text cells, one per row, as a CSV reader meets them. An empty (or
 * blank) cell is missing. In `auto` mode it keeps both readings while it can: numbers, and a
 * code per distinct text; a column whose texts are all numbers ends numeric. It stops coding
 * once there are more than `maxLevels` distinct texts: then a column that is numeric so far
 * must stay so, and a text column that many values is skipped (an id or a name says nothing
 * about risk that binning could use).
 */
export function createColumnBuilder(name: string, kind: ColumnKind = 'auto', maxLevels = DEFAULT_MAX_LEVELS) {
  let rows = 0
  let numbers: Float64Array | null = kind === 'categorical' ? null : new Float64Array(1024)
  let codes: Int32Array | null = kind === 'numeric' ? null : new Int32Array(1024)
  const levels = new Map<string, number>()
  let numeric = kind !== 'categorical'
  let skipped: string | null = null

  const grow = <T extends Float64Array | Int32Array>(array: T): T => {
    if (rows < array.length) return array
    const bigger = new (array.constructor as new (length: number) => T)(array.length * 2)
    bigger.set(array)
    return bigger
  }

  return {
    name,
    push(cell: string | undefined): void {
      const text = (cell ?? '').trim()
      const row = rows
      if (numbers) {
        numbers = grow(numbers)
        if (text === '') numbers[row] = NaN
        else {
          const value = Number(text)
          if (Number.isFinite(value)) numbers[row] = value
          else if (kind === 'numeric') throw new Error(`column ${name}, row ${row + 1}: "${cell}" is not a number`)
          else {
            numeric = false
            numbers = null
            if (!codes && !skipped) skipped = `mixes numbers and text and has more than ${maxLevels} distinct values`
          }
        }
      }
      if (codes) {
        codes = grow(codes)
        if (text === '') codes[row] = -1
        else {
          let code = levels.get(text)
          if (code === undefined) {
            code = levels.size
            levels.set(text, code)
          }
          codes[row] = code
          if (levels.size > maxLevels) {
            codes = null
            if (!numeric && !skipped) skipped = `is text with more than ${maxLevels} distinct values`
          }
        }
      }
      rows += 1
    },
    get rows(): number {
      return rows
    },
    build(): Column | SkippedColumn {
      if (skipped) return { kind: 'skipped', name, reason: skipped }
      if (numeric && numbers) return { kind: 'numeric', name, values: numbers.slice(0, rows) }
      if (codes) return { kind: 'categorical', name, codes: codes.slice(0, rows), levels: [...levels.keys()] }
      return { kind: 'skipped', name, reason: `has more than ${maxLevels} distinct values` }
    },
  }
}

export type ColumnBuilder = ReturnType<typeof createColumnBuilder>

export function findColumn(dataset: Dataset, name: string): Column {
  const column = dataset.columns.find((c) => c.name === name)
  if (!column) throw new Error(`the data has no column "${name}"`)
  return column
}
