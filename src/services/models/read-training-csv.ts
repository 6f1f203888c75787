import { TextDecoder } from 'node:util'
import { invalidField } from '../../app-error.ts'
import { createColumnBuilder, type ColumnBuilder, type Column, type Dataset, type SkippedColumn } from '../../domain/scoring/scorecard/index.ts'
import { CsvParser, type CsvProblem, type CsvRecord } from '../imports/csv-parser.ts'

/**
 * Reads a training file — CSV, UTF-8 with or without a byte-order mark, a header line naming
 * the columns — into the typed columns the trainer takes, the way `fengkong model train` does:
 * an empty cell is missing, a column of numbers is numeric, any other categorical. The target
 * column becomes the 0/1 outcome. Problems name the column or the line.
 */
export type TrainingColumns = { target: string; bad: string; exclude: readonly string[] }

export type TrainingData = { dataset: Dataset; bad: Uint8Array; skipped: SkippedColumn[] }

const CHUNK = 1024 * 1024

/** The header line's column names, trimmed; checks them against the request. Throws a 400 naming the field. */
export function checkTrainingHeader(bytes: Uint8Array, columns: TrainingColumns): string[] {
  if (bytes.length === 0) throw invalidField('body', 'must be the training file (CSV with a header line)')
  const parser = new CsvParser()
  const decoder = utf8Decoder()
  let first: CsvRecord | CsvProblem | undefined
  try {
    for (let start = 0; start < bytes.length && !first; start += CHUNK) {
      const last = start + CHUNK >= bytes.length
      const text = decoder.decode(bytes.subarray(start, start + CHUNK), { stream: !last })
      ;[first] = [...parser.push(text), ...(last ? parser.end() : [])].filter((record) => !isBlank(record))
    }
  } catch {
    throw invalidField('body', 'is not UTF-8 text')
  }
  if (!first) throw invalidField('body', 'is empty: the file needs a header line naming its columns')
  if ('problem' in first) throw invalidField('body', `line ${first.line}: ${first.problem}`)
  const header = first.cells.map((name) => name.trim())
  const duplicate = header.find((name, k) => header.indexOf(name) !== k)
  if (duplicate !== undefined) throw invalidField('body', `column "${duplicate}" appears twice in the header`)
  const list = header.join(', ')
  if (!header.includes(columns.target)) throw invalidField('target', `"${columns.target}" is not a column of the file (it has ${list})`)
  for (const name of columns.exclude) if (!header.includes(name)) throw invalidField('exclude', `"${name}" is not a column of the file (it has ${list})`)
  if (columns.exclude.includes(columns.target)) throw invalidField('exclude', `cannot leave out the target column "${columns.target}"`)
  if (header.filter((name) => name !== columns.target && !columns.exclude.includes(name)).length === 0) throw invalidField('body', 'the file has no column besides the target to train on')
  return header
}

/** The whole file as columns and outcomes. Throws an Error naming the line or column at fault. */
export function readTrainingCsv(bytes: Uint8Array, columns: TrainingColumns): TrainingData {
  const parser = new CsvParser()
  const decoder = utf8Decoder()
  let header: string[] | null = null
  let builders: { at: number; builder: ColumnBuilder }[] = []
  let targetAt = -1
  const target = createColumnBuilder(columns.target, 'categorical')

  const take = (record: CsvRecord | CsvProblem) => {
    if ('problem' in record) throw new Error(`line ${record.line}: ${record.problem}`)
    if (isBlank(record)) return
    if (!header) {
      header = record.cells.map((name) => name.trim())
      targetAt = header.indexOf(columns.target)
      if (targetAt < 0) throw new Error(`the file has no column "${columns.target}" (it has ${header.join(', ')})`)
      builders = header.flatMap((name, at) => (at === targetAt || columns.exclude.includes(name) ? [] : [{ at, builder: createColumnBuilder(name) }]))
      return
    }
    if (record.cells.length > header.length) throw new Error(`line ${record.line} has ${record.cells.length} cells, but the header names ${header.length} columns`)
    const outcome = record.cells[targetAt]
    if (outcome === undefined || outcome.trim() === '') throw new Error(`line ${record.line} has no value in column "${columns.target}": every row needs an outcome`)
    target.push(outcome)
    for (const { at, builder } of builders) builder.push(record.cells[at])
  }

  for (let start = 0; start < bytes.length; start += CHUNK) {
    const last = start + CHUNK >= bytes.length
    let text: string
    try {
      text = decoder.decode(bytes.subarray(start, start + CHUNK), { stream: !last })
    } catch {
      throw new Error('the file is not UTF-8 text')
    }
    parser.push(text).forEach(take)
  }
  parser.end().forEach(take)
  if (!header) throw new Error('the file is empty: it needs a header line naming its columns')

  const bad = outcomes(target.build(), columns)
  const built = builders.map(({ builder }) => builder.build())
  const features = built.filter((column): column is Column => column.kind !== 'skipped')
  if (features.length === 0) throw new Error(`no column besides "${columns.target}" can be trained on${built.length > 0 ? ` (${built.map((c) => `${c.name} ${(c as SkippedColumn).reason}`).join('; ')})` : ''}`)
  return { dataset: { rows: bad.length, columns: features }, bad, skipped: built.filter((column): column is SkippedColumn => column.kind === 'skipped') }
}

/** 1 where the outcome is the bad value; the column needs both bads and goods. */
function outcomes(column: Column | SkippedColumn, { target, bad }: TrainingColumns): Uint8Array {
  if (column.kind !== 'categorical') throw new Error(`column "${target}" could not be read as outcomes${column.kind === 'skipped' ? `: it ${column.reason}` : ''}`)
  if (column.codes.length === 0) throw new Error('the file has a header line but no rows')
  const badCode = column.levels.indexOf(bad.trim())
  const values = `${column.levels.slice(0, 10).join(', ')}${column.levels.length > 10 ? ', …' : ''}`
  if (badCode < 0) throw new Error(`no row of column "${target}" is "${bad}" (its values: ${values}): a scorecard needs bads`)
  if (column.levels.length < 2) throw new Error(`every row of column "${target}" is "${bad}": a scorecard needs goods too`)
  return Uint8Array.from(column.codes, (code) => (code === badCode ? 1 : 0))
}

function isBlank(record: CsvRecord | CsvProblem): boolean {
  return 'cells' in record && record.cells.length === 1 && record.cells[0]!.trim() === ''
}

function utf8Decoder(): TextDecoder {
  // fatal: a file in another encoding (GBK from Excel) fails clearly instead of training on mojibake.
  return new TextDecoder('utf-8', { fatal: true })
}
