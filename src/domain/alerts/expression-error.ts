/**
 * Why an expression was refused, where, and perhaps what was meant: `offset` counts UTF-16 code units from 0, `line` and
 * `column` count from 1 (a column is a position within its line). The message names the reason
 * and the position: "expected ) at column 30", "unknown variable f.cnt_24h at column 12; did you mean f.count_24h?".
 */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError'
  readonly reason: string
  /** What may have been meant ("did you mean f.count_24h?"), or null. */
  readonly hint: string | null
  readonly offset: number
  readonly line: number
  readonly column: number

  constructor(reason: string, text: string, offset: number, hint: string | null = null) {
    const { line, column } = positionOf(text, offset)
    const where = text.includes('\n') ? `line ${line}, column ${column}` : `column ${column}`
    super(`${reason} at ${where}${hint === null ? '' : `; ${hint}`}`)
    this.reason = reason
    this.hint = hint
    this.offset = offset
    this.line = line
    this.column = column
  }
}

/** Where `offset` lies in `text`, both 1-based; an offset past the end is the column after the last character. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(offset, text.length)
  for (let i = 0; i < end; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}
