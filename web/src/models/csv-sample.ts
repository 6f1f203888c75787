/** How much of a file is read to find its columns and a few values: the header and the first rows. */
export const SAMPLE_BYTES = 64 * 1024

export type CsvSample = {
  /** The names of the first line, trimmed. */
  columns: string[]
  /** The complete rows after the header within the sample. */
  rows: string[][]
}

/**
 * The columns and first rows of CSV text (RFC 4180: quoted fields may hold commas, quotes
 * doubled, and line breaks; a byte-order mark is dropped). The text may stop in the middle
 * of a row, as a slice of a large file does: that row is left out unless `complete`.
 */
export function parseCsvSample(text: string, complete = false): CsvSample {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (; i < text.length; i += 1) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"' && field === '') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1
      record.push(field)
      records.push(record)
      record = []
      field = ''
    } else field += char
  }
  if (complete && (field !== '' || record.length > 0)) records.push([...record, field])
  const [header = [], ...rows] = records
  return { columns: header.map((name) => name.trim()), rows: rows.filter((row) => !(row.length === 1 && row[0] === '')) }
}

/** The distinct values of a column among the sample rows, most frequent first, at most `limit`. */
export function columnValues(sample: CsvSample, column: string, limit = 20): string[] {
  const index = sample.columns.indexOf(column)
  if (index === -1) return []
  const counts = new Map<string, number>()
  for (const row of sample.rows) {
    const value = row[index]?.trim()
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([value]) => value)
}

/** Reads the start of a file chosen in the browser and parses it. */
export async function readCsvSample(file: Blob): Promise<CsvSample> {
  const isWhole = file.size <= SAMPLE_BYTES
  const text = await file.slice(0, SAMPLE_BYTES).text()
  return parseCsvSample(text, isWhole)
}
