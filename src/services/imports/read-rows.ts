import type { ImportEncoding, ImportFormat, RowError } from '../../schemas/import-job.ts'
import { CsvParser, type CsvProblem, type CsvRecord } from './csv-parser.ts'

/**
 * Reads a file as it streams in: decodes it (UTF-8 with or without a byte-order mark, or
 * GBK), splits it into CSV records or NDJSON lines and yields each row as a record with the
 * physical line it starts on. CSV rows are keyed by the header's column names, with empty
 * cells left out (an empty cell means "not given"); NDJSON rows are the parsed objects.
 */
export type SourceRow = { line: number; record: Record<string, unknown> } | { line: number; problem: string }

export type ReadRowsOptions = {
  format: ImportFormat
  encoding?: ImportEncoding
  /** Called with the CSV header's column names (trimmed) before the first row; throw to refuse the file. */
  onHeader?: (columns: string[]) => void
  /** Called with the byte count of each chunk as it is read. */
  onBytes?: (bytes: number) => void
}

/** A file that cannot be read (on from some line): not a row's fault, the file's. */
export class ImportFileError extends Error {
  readonly errors: RowError[]

  constructor(errors: RowError[]) {
    super(errors.map((error) => `line ${error.line}${error.field ? ` ${error.field}` : ''}: ${error.message}`).join('; '))
    this.name = 'ImportFileError'
    this.errors = errors
  }
}

export async function* readRows(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: ReadRowsOptions): AsyncGenerator<SourceRow> {
  for await (const rows of readRowBatches(input, options)) yield* rows
}

/**
 * The same rows, a chunk's worth at a time: hot paths (transaction imports) handle them in a
 * synchronous loop instead of paying an async step per row.
 */
export async function* readRowBatches(input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, options: ReadRowsOptions): AsyncGenerator<SourceRow[]> {
  const reader = options.format === 'ndjson' ? new NdjsonReader() : new CsvReader(options.onHeader)
  const encoding = options.encoding ?? 'utf-8'
  // fatal: a GBK file read as UTF-8 must stop with a clear message, not import mojibake.
  const decoder = new TextDecoder(encoding, { fatal: true })
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    options.onBytes?.(bytes.byteLength)
    let text: string
    try {
      text = decoder.decode(bytes, { stream: true })
    } catch {
      throw new ImportFileError([{ line: reader.line(), field: '', message: notDecodable(encoding) }])
    }
    yield reader.push(text)
  }
  try {
    yield reader.push(decoder.decode())
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    throw new ImportFileError([{ line: reader.line(), field: '', message: notDecodable(encoding) }])
  }
  yield reader.end()
}

function notDecodable(encoding: ImportEncoding): string {
  return encoding === 'utf-8'
    ? 'the file is not valid UTF-8 from about this line on; a CSV saved by Excel in Chinese is usually GBK: use --encoding gbk (encoding=gbk in the API)'
    : 'the file is not valid GBK from about this line on; is it UTF-8? then leave --encoding out'
}

type Reader = { push(text: string): SourceRow[]; end(): SourceRow[]; line(): number }

class CsvReader implements Reader {
  private readonly parser = new CsvParser()
  private header: string[] | null = null
  private lastLine = 1

  constructor(private readonly onHeader?: (columns: string[]) => void) {}

  push(text: string): SourceRow[] {
    return this.rows(this.parser.push(text))
  }

  end(): SourceRow[] {
    const rows = this.rows(this.parser.end())
    if (!this.header) throw new ImportFileError([{ line: 1, field: '', message: 'the file is empty: a CSV file needs a header line naming its columns' }])
    return rows
  }

  line(): number {
    return this.lastLine
  }

  private rows(records: (CsvRecord | CsvProblem)[]): SourceRow[] {
    const rows: SourceRow[] = []
    for (const item of records) {
      this.lastLine = item.line
      if ('problem' in item) {
        rows.push(item)
        continue
      }
      const { line, cells } = item
      if (isBlank(cells)) continue
      if (!this.header) {
        this.header = cells.map((cell) => cell.trim())
        this.onHeader?.(this.header)
        continue
      }
      rows.push(this.toRow(line, cells, this.header))
    }
    return rows
  }

  private toRow(line: number, cells: string[], header: string[]): SourceRow {
    // Trailing empty cells past the header (a stray comma at the end of a line) are harmless.
    const extra = cells.slice(header.length)
    if (cells.length < header.length || extra.some((cell) => cell.trim() !== '')) {
      return { line, problem: `has ${cells.length} cells where the header has ${header.length} columns` }
    }
    const record: Record<string, string> = {}
    for (let i = 0; i < header.length; i += 1) {
      const cell = cells[i]!
      if (header[i] !== '' && cell !== '' && cell.trim() !== '') record[header[i]!] = cell
    }
    return { line, record }
  }
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '')
}

class NdjsonReader implements Reader {
  private buffer = ''
  private nextLine = 1

  push(text: string): SourceRow[] {
    this.buffer += text
    const rows: SourceRow[] = []
    let from = 0
    for (let newline = this.buffer.indexOf('\n'); newline !== -1; newline = this.buffer.indexOf('\n', from)) {
      this.row(this.buffer.slice(from, newline), rows)
      from = newline + 1
    }
    this.buffer = this.buffer.slice(from)
    return rows
  }

  end(): SourceRow[] {
    const rows: SourceRow[] = []
    if (this.buffer !== '') this.row(this.buffer, rows)
    this.buffer = ''
    return rows
  }

  line(): number {
    return this.nextLine
  }

  private row(text: string, rows: SourceRow[]): void {
    const line = this.nextLine
    this.nextLine += 1
    if (text.trim() === '') return
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      rows.push({ line, problem: `is not valid JSON: ${(error as Error).message}` })
      return
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) rows.push({ line, problem: 'must be a JSON object, one per line' })
    else rows.push({ line, record: value as Record<string, unknown> })
  }
}
