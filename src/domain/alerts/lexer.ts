import { ExpressionError } from './expression-error.ts'

/**
 * Splits an expression into tokens. Numbers may separate digit groups with underscores
 * (1_000_000) and have a fraction (0.25); texts are quoted with ' or " and may escape \\, \', \",
 * \n and \t. Names are letters, digits and underscores, not starting with a digit; the dots of
 * a path (`tx.amount`) are their own tokens, so the parser joins them.
 */
export type TokenKind = 'number' | 'text' | 'name' | 'punct' | 'end'

export type Token = {
  kind: TokenKind
  /** The source text of a name or punctuation; the decoded text of a quoted text. */
  text: string
  /** The value of a number token. */
  number: number
  offset: number
  end: number
}

export const MAX_EXPRESSION_LENGTH = 4_000

const PUNCTUATION = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '!', '(', ')', '[', ']', ',', '.'] as const

const ESCAPES: Record<string, string> = { '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t' }

export function tokenize(source: string): Token[] {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(`the expression is ${source.length.toLocaleString('en')} characters long; the limit is ${MAX_EXPRESSION_LENGTH.toLocaleString('en')}`, source, MAX_EXPRESSION_LENGTH)
  }
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const c = source[i]!
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i += 1
    } else if (isDigit(c)) {
      i = readNumber(source, i, tokens)
    } else if (c === "'" || c === '"') {
      i = readText(source, i, tokens)
    } else if (isNameStart(c)) {
      let j = i + 1
      while (j < source.length && isNamePart(source[j]!)) j += 1
      tokens.push({ kind: 'name', text: source.slice(i, j), number: 0, offset: i, end: j })
      i = j
    } else {
      const punct = PUNCTUATION.find((p) => source.startsWith(p, i))
      if (punct === undefined) throw new ExpressionError(unexpectedCharacter(source, i), source, i)
      tokens.push({ kind: 'punct', text: punct, number: 0, offset: i, end: i + punct.length })
      i += punct.length
    }
  }
  tokens.push({ kind: 'end', text: '', number: 0, offset: source.length, end: source.length })
  return tokens
}

function unexpectedCharacter(source: string, i: number): string {
  const c = source[i]!
  if (c === '=') return 'unexpected = (compare with ==)'
  if (c === '&') return 'unexpected & (and is &&)'
  if (c === '|') return 'unexpected | (or is ||)'
  return `unexpected character ${JSON.stringify(String.fromCodePoint(source.codePointAt(i)!))}`
}

function readNumber(source: string, start: number, tokens: Token[]): number {
  let i = start
  let digits = ''
  const group = () => {
    const from = i
    while (i < source.length && (isDigit(source[i]!) || source[i] === '_')) {
      if (source[i] === '_' && !(isDigit(source[i - 1] ?? '') && isDigit(source[i + 1] ?? ''))) {
        throw new ExpressionError('an underscore in a number must stand between two digits', source, i)
      }
      i += 1
    }
    digits += source.slice(from, i).replaceAll('_', '')
  }
  group()
  if (source[i] === '.' && isDigit(source[i + 1] ?? '')) {
    digits += '.'
    i += 1
    group()
  }
  if (i < source.length && isNamePart(source[i]!)) throw new ExpressionError(`unexpected ${JSON.stringify(source[i])} after a number`, source, i)
  tokens.push({ kind: 'number', text: source.slice(start, i), number: Number(digits), offset: start, end: i })
  return i
}

function readText(source: string, start: number, tokens: Token[]): number {
  const quote = source[start]!
  let value = ''
  let i = start + 1
  for (;;) {
    if (i >= source.length) throw new ExpressionError(`text not closed: expected ${quote}`, source, source.length)
    const c = source[i]!
    if (c === quote) break
    if (c === '\\') {
      const escaped = ESCAPES[source[i + 1] ?? '']
      if (escaped === undefined) throw new ExpressionError('unknown escape in a text (use \\\\, \\\', \\", \\n or \\t)', source, i)
      value += escaped
      i += 2
    } else {
      value += c
      i += 1
    }
  }
  tokens.push({ kind: 'text', text: value, number: 0, offset: start, end: i + 1 })
  return i + 1
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9'
}

function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_'
}

function isNamePart(c: string): boolean {
  return isNameStart(c) || isDigit(c)
}
