import type { FieldProblem } from '../../domain/customers/index.ts'
import type { Field, FieldKind } from './fields.ts'

/**
 * Turns a CSV row (column name → cell text, empty cells already left out) into the nested,
 * typed object the schemas check: `industry.code` becomes industry: { code }, numbers and
 * booleans are parsed, `a|b` becomes a list. Done with a plan made once from the header.
 */
export type ColumnPlan = Map<string, { path: string[]; kind: FieldKind }>

export function planColumns(columns: readonly string[], fields: readonly Field[]): { plan: ColumnPlan; unknown: string[]; duplicates: string[] } {
  const byPath = new Map(fields.map((field) => [field.path, field]))
  const plan: ColumnPlan = new Map()
  const unknown: string[] = []
  const duplicates: string[] = []
  for (const column of columns) {
    if (column === '') continue
    const field = byPath.get(column)
    if (!field) unknown.push(column)
    else if (plan.has(column)) duplicates.push(column)
    else plan.set(column, { path: column.split('.'), kind: field.kind })
  }
  return { plan, unknown, duplicates }
}

export function toRecord(cells: Record<string, unknown>, plan: ColumnPlan): { record: Record<string, unknown>; problems: FieldProblem[] } {
  const record: Record<string, unknown> = {}
  const problems: FieldProblem[] = []
  for (const column in cells) {
    const entry = plan.get(column)
    if (!entry) continue
    const text = cells[column]
    const value = typeof text === 'string' ? parseCell(text, entry.kind) : text
    if (value instanceof CellProblem) {
      problems.push({ path: column, message: value.message })
      continue
    }
    setPath(record, entry.path, value)
  }
  return { record, problems }
}

class CellProblem {
  constructor(readonly message: string) {}
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/
const TRUE = new Set(['true', '1', 'yes', 'y', '是'])
const FALSE = new Set(['false', '0', 'no', 'n', '否'])

/** The value a cell's text stands for, or why it cannot stand for one of its column's kind. */
export function parseCell(text: string, kind: FieldKind): unknown {
  switch (kind) {
    case 'string':
      return text
    case 'integer':
    case 'number': {
      const trimmed = text.trim()
      if (!NUMBER.test(trimmed)) return new CellProblem(kind === 'integer' ? `must be a whole number, not "${text}"` : `must be a number, not "${text}"`)
      const number = Number(trimmed)
      if (kind === 'integer' && !Number.isInteger(number)) return new CellProblem(`must be a whole number, not "${text}"`)
      return number
    }
    case 'boolean': {
      const word = text.trim().toLowerCase()
      if (TRUE.has(word)) return true
      if (FALSE.has(word)) return false
      return new CellProblem(`must be true or false (also 1/0, yes/no, 是/否), not "${text}"`)
    }
    case 'list':
      return splitList(text)
  }
}

/** `a|b|c` into its items, trimmed, empty ones dropped; `\|` is a literal bar and `\\` a backslash. */
export function splitList(text: string): string[] {
  const items: string[] = []
  let item = ''
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!
    if (char === '\\' && (text[i + 1] === '|' || text[i + 1] === '\\')) {
      item += text[i + 1]
      i += 1
    } else if (char === '|') {
      items.push(item)
      item = ''
    } else item += char
  }
  items.push(item)
  return items.map((part) => part.trim()).filter((part) => part !== '')
}

/** The inverse of splitList, for exports. */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\|]/g, (char) => `\\${char}`)).join('|')
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = path[i]!
    let next = node[key]
    if (next === undefined || next === null || typeof next !== 'object') node[key] = next = {}
    node = next as Record<string, unknown>
  }
  node[path[path.length - 1]!] = value
}
