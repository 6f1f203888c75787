import {
  arithmetic,
  call,
  childrenOf,
  comparison,
  isIn,
  list,
  literal,
  logical,
  negate,
  not,
  variable,
  type ArithmeticOperator,
  type ComparisonOperator,
  type ExpressionNode,
} from './ast.ts'
import { ExpressionError } from './expression-error.ts'
import { tokenize, type Token } from './lexer.ts'

/**
 * A precedence-climbing parser of the rule language, loosest binding first:
 *
 *   ||  →  &&  →  == != < <= > >= in, not in (do not chain)  →  + -  →  * / %  →  unary - !
 *
 * Binary operators associate to the left. It builds a tree and nothing else: names are
 * resolved and types checked by checkExpression.
 */
export const MAX_DEPTH = 64

const LOGICAL_OR = 1
const LOGICAL_AND = 2
const COMPARE = 3
const ADD = 4
const MULTIPLY = 5

const INFIX: Record<string, number> = {
  '||': LOGICAL_OR,
  '&&': LOGICAL_AND,
  '==': COMPARE,
  '!=': COMPARE,
  '<': COMPARE,
  '<=': COMPARE,
  '>': COMPARE,
  '>=': COMPARE,
  '+': ADD,
  '-': ADD,
  '*': MULTIPLY,
  '/': MULTIPLY,
  '%': MULTIPLY,
}

const KEYWORDS = new Set(['true', 'false', 'null', 'in', 'not'])

export function parseExpression(source: string): ExpressionNode {
  const parser = new Parser(source, tokenize(source))
  const node = parser.expression()
  parser.expectEnd()
  checkDepth(source, node, 1)
  return node
}

class Parser {
  private index = 0
  private nesting = 0

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  expression(minPrecedence = LOGICAL_OR): ExpressionNode {
    this.enter()
    let left = this.unary()
    for (;;) {
      const operator = this.infixAt()
      if (operator === null || operator.precedence < minPrecedence) break
      this.index += operator.width
      const right = this.expression(operator.precedence + 1)
      left = combine(operator.text, left, right, operator.offset)
      if (operator.precedence === COMPARE) {
        const next = this.infixAt()
        if (next !== null && next.precedence === COMPARE) this.fail(`comparisons do not chain: join them with && or add parentheses before ${next.text}`, next.offset)
      }
    }
    this.nesting -= 1
    return left
  }

  expectEnd(): void {
    const token = this.peek()
    if (token.kind !== 'end') this.fail(`unexpected ${describe(token)}; expected an operator or the end of the expression`, token.offset)
  }

  private unary(): ExpressionNode {
    const token = this.peek()
    if (token.kind === 'punct' && (token.text === '-' || token.text === '!')) {
      this.index += 1
      this.enter()
      const operand = this.unary()
      this.nesting -= 1
      const position = { offset: token.offset, end: operand.end }
      return token.text === '-' ? negate(operand, position) : not(operand, position)
    }
    return this.primary()
  }

  private primary(): ExpressionNode {
    const token = this.next()
    const position = { offset: token.offset, end: token.end }
    if (token.kind === 'number') return literal(token.number, position)
    if (token.kind === 'text') return literal(token.text, position)
    if (token.kind === 'name') {
      if (token.text === 'true' || token.text === 'false') return literal(token.text === 'true', position)
      if (token.text === 'null') return literal(null, position)
      if (token.text === 'not') this.fail('unexpected not (negate with !; "not in" follows a value)', token.offset)
      if (token.text === 'in') this.fail('expected a value before in', token.offset)
      if (this.isPunct('(')) return this.call(token)
      return this.path(token)
    }
    if (token.kind === 'punct' && token.text === '(') {
      const inner = this.expression()
      this.expect(')')
      return inner
    }
    if (token.kind === 'punct' && token.text === '[') return this.list(token)
    return this.fail(token.kind === 'end' ? 'expected a value but the expression ended' : `expected a value but found ${describe(token)}`, token.offset)
  }

  private path(first: Token): ExpressionNode {
    let name = first.text
    let end = first.end
    while (this.isPunct('.')) {
      const dot = this.next()
      const part = this.peek()
      if (part.kind !== 'name' || part.offset !== dot.end) this.fail('expected a name right after .', dot.end)
      this.index += 1
      name += `.${part.text}`
      end = part.end
    }
    if (name.split('.').some((part) => KEYWORDS.has(part))) this.fail(`${name} uses a keyword as a name`, first.offset)
    return variable(name, { offset: first.offset, end })
  }

  private call(name: Token): ExpressionNode {
    this.index += 1 // (
    this.enter()
    const args: ExpressionNode[] = []
    if (!this.isPunct(')')) {
      do args.push(this.expression())
      while (this.accept(','))
    }
    const close = this.expect(')')
    this.nesting -= 1
    return call(name.text, args, { offset: name.offset, end: close.end })
  }

  private list(open: Token): ExpressionNode {
    this.enter()
    const items: ExpressionNode[] = []
    if (!this.isPunct(']')) {
      do items.push(this.expression())
      while (this.accept(','))
    }
    const close = this.expect(']')
    this.nesting -= 1
    return list(items, { offset: open.offset, end: close.end })
  }

  /** The infix operator at the cursor (`not in` is two tokens), or null. */
  private infixAt(): { text: string; precedence: number; offset: number; width: number } | null {
    const token = this.peek()
    if (token.kind === 'punct' && token.text in INFIX) return { text: token.text, precedence: INFIX[token.text]!, offset: token.offset, width: 1 }
    if (token.kind === 'name' && token.text === 'in') return { text: 'in', precedence: COMPARE, offset: token.offset, width: 1 }
    if (token.kind === 'name' && token.text === 'not') {
      const following = this.tokens[this.index + 1]!
      if (following.kind === 'name' && following.text === 'in') return { text: 'not in', precedence: COMPARE, offset: token.offset, width: 2 }
      this.fail('expected in after not', following.offset)
    }
    return null
  }

  private enter(): void {
    this.nesting += 1
    if (this.nesting > MAX_DEPTH) this.fail(`the expression nests more than ${MAX_DEPTH} levels deep`, this.peek().offset)
  }

  private peek(): Token {
    return this.tokens[this.index]!
  }

  private next(): Token {
    const token = this.tokens[this.index]!
    if (token.kind !== 'end') this.index += 1
    return token
  }

  private isPunct(text: string): boolean {
    const token = this.peek()
    return token.kind === 'punct' && token.text === text
  }

  private accept(text: string): boolean {
    if (!this.isPunct(text)) return false
    this.index += 1
    return true
  }

  private expect(text: string): Token {
    const token = this.peek()
    if (!this.isPunct(text)) this.fail(`expected ${text}${token.kind === 'end' ? '' : ` but found ${describe(token)}`}`, token.offset)
    this.index += 1
    return token
  }

  private fail(reason: string, offset: number): never {
    throw new ExpressionError(reason, this.source, offset)
  }
}

function combine(operator: string, left: ExpressionNode, right: ExpressionNode, at: number): ExpressionNode {
  switch (operator) {
    case '||':
    case '&&':
      return logical(operator, left, right, at)
    case 'in':
      return isIn(left, right, false, at)
    case 'not in':
      return isIn(left, right, true, at)
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return arithmetic(operator as ArithmeticOperator, left, right, at)
    default:
      return comparison(operator as ComparisonOperator, left, right, at)
  }
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end of the expression'
  if (token.kind === 'text') return 'a text'
  if (token.kind === 'number') return `the number ${token.text}`
  return token.kind === 'name' ? token.text : `"${token.text}"`
}

/** Long chains (a + b + c …) build deep trees without deep parsing: the tree's height is limited too. */
function checkDepth(source: string, node: ExpressionNode, level: number): void {
  if (level > MAX_DEPTH) throw new ExpressionError(`the expression nests more than ${MAX_DEPTH} levels deep`, source, node.at)
  for (const child of childrenOf(node)) checkDepth(source, child, level + 1)
}
