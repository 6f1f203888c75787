/**
 * A streaming CSV parser (RFC 4180: comma-separated, "quoted" cells with "" for a quote, line
 * breaks inside quotes) that knows the physical line every record starts on, which an error
 * report has to name. csv-parse counts a CRLF inside a quoted cell as two lines and loses the
 * records after a malformed quote; this one is lenient the way Excel is (a stray quote is
 * kept as text) and only fails on a quote that is never closed.
 */
export type CsvRecord = { line: number; cells: string[] }
export type CsvProblem = { line: number; problem: string }

const COMMA = 44
const QUOTE = 34
const LF = 10
const CR = 13
/** A quoted cell longer than this is taken for a quote that is never closed. */
const MAX_PENDING = 16 * 1024 * 1024

export class CsvParser {
  private buffer = ''
  /** The physical line the buffer starts on. */
  private line = 1

  /** The complete records in the text so far; the rest waits for the next chunk. */
  push(text: string): (CsvRecord | CsvProblem)[] {
    this.buffer += text
    const out = this.parse(false)
    if (this.buffer.length > MAX_PENDING) {
      out.push({ line: this.line, problem: 'a quoted cell that starts here runs on for more than 16 MB; is a closing quote missing?' })
      this.buffer = ''
    }
    return out
  }

  end(): (CsvRecord | CsvProblem)[] {
    return this.parse(true)
  }

  private parse(final: boolean): (CsvRecord | CsvProblem)[] {
    const text = this.buffer
    const length = text.length
    const out: (CsvRecord | CsvProblem)[] = []
    let i = 0
    let line = this.line
    let consumed = 0
    let consumedLine = line
    records: while (i < length) {
      const start = i
      const startLine = line
      const cells: string[] = []
      for (;;) {
        let cell: string
        if (text.charCodeAt(i) === QUOTE) {
          cell = ''
          let from = i + 1
          for (;;) {
            const close = text.indexOf('"', from)
            if (close === -1 || (close === length - 1 && !final)) {
              if (!final) break records
              out.push({ line: startLine, problem: 'a quoted cell opens on this line and is never closed; nothing after it could be read' })
              consumed = length
              consumedLine = line + lineBreaks(text, start, length)
              break records
            }
            cell += text.slice(from, close)
            if (text.charCodeAt(close + 1) === QUOTE) {
              cell += '"'
              from = close + 2
              continue
            }
            i = close + 1
            break
          }
          line += lineBreaks(cell, 0, cell.length)
          // Text after the closing quote (`"a"b`) is kept, as Excel does.
          const end = unquotedEnd(text, i)
          if (end === length && !final) break records
          cell += text.slice(i, end)
          i = end
        } else {
          const end = unquotedEnd(text, i)
          if (end === length && !final) break records
          cell = text.slice(i, end)
          i = end
        }
        cells.push(cell)
        const code = text.charCodeAt(i)
        if (code === COMMA) {
          i += 1
          if (i === length && !final) break records
          if (i === length) cells.push('')
          else continue
        } else if (code === CR) {
          if (i + 1 === length && !final) break records
          i += text.charCodeAt(i + 1) === LF ? 2 : 1
          line += 1
        } else if (code === LF) {
          i += 1
          line += 1
        }
        out.push({ line: startLine, cells })
        consumed = i
        consumedLine = line
        continue records
      }
    }
    this.buffer = consumed === 0 ? text : text.slice(consumed)
    this.line = consumedLine
    return out
  }
}

function unquotedEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    const code = text.charCodeAt(i)
    if (code === COMMA || code === LF || code === CR) return i
  }
  return text.length
}

/** Line breaks in text[from, to): LF, CRLF and a lone CR each count once. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let i = from; i < to; i += 1) {
    const code = text.charCodeAt(i)
    if (code === LF) count += 1
    else if (code === CR && text.charCodeAt(i + 1) !== LF) count += 1
  }
  return count
}
