/**
 * The syntax tree of a rule expression: frozen plain data, each node tagged with its `kind` and
 * spanning [offset, end) of the source. `at` is where an error about the node points: its
 * operator for an operation, its start otherwise.
 */
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%'
export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!='
export type LogicalOperator = '&&' | '||'
export type LiteralValue = number | string | boolean | null

type Span = { readonly offset: number; readonly end: number; readonly at: number }

export type LiteralNode = Span & { readonly kind: 'literal'; readonly value: LiteralValue }
/** A dotted path such as `tx.amount`, kept whole: the scope knows it or refuses it. */
export type VariableNode = Span & { readonly kind: 'variable'; readonly name: string }
export type CallNode = Span & { readonly kind: 'call'; readonly name: string; readonly args: readonly ExpressionNode[] }
export type ListNode = Span & { readonly kind: 'list'; readonly items: readonly ExpressionNode[] }
export type NegateNode = Span & { readonly kind: 'negate'; readonly operand: ExpressionNode }
export type NotNode = Span & { readonly kind: 'not'; readonly operand: ExpressionNode }
export type ArithmeticNode = Span & { readonly kind: 'arithmetic'; readonly operator: ArithmeticOperator; readonly left: ExpressionNode; readonly right: ExpressionNode }
export type ComparisonNode = Span & { readonly kind: 'comparison'; readonly operator: ComparisonOperator; readonly left: ExpressionNode; readonly right: ExpressionNode }
export type LogicalNode = Span & { readonly kind: 'logical'; readonly operator: LogicalOperator; readonly left: ExpressionNode; readonly right: ExpressionNode }
/** `value in list`, or `value not in list` when negated. */
export type InNode = Span & { readonly kind: 'in'; readonly negated: boolean; readonly value: ExpressionNode; readonly list: ExpressionNode }

export type ExpressionNode = LiteralNode | VariableNode | CallNode | ListNode | NegateNode | NotNode | ArithmeticNode | ComparisonNode | LogicalNode | InNode

export const ARITHMETIC_OPERATORS: readonly ArithmeticOperator[] = ['+', '-', '*', '/', '%']
export const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ['<', '<=', '>', '>=', '==', '!=']
export const LOGICAL_OPERATORS: readonly LogicalOperator[] = ['&&', '||']

type Position = { offset: number; end: number; at?: number }

const span = ({ offset, end, at = offset }: Position) => ({ offset, end, at })

export const literal = (value: LiteralValue, position: Position): LiteralNode => Object.freeze({ kind: 'literal', value, ...span(position) })

export const variable = (name: string, position: Position): VariableNode => Object.freeze({ kind: 'variable', name, ...span(position) })

export const call = (name: string, args: readonly ExpressionNode[], position: Position): CallNode =>
  Object.freeze({ kind: 'call', name, args: Object.freeze([...args]), ...span(position) })

export const list = (items: readonly ExpressionNode[], position: Position): ListNode => Object.freeze({ kind: 'list', items: Object.freeze([...items]), ...span(position) })

export const negate = (operand: ExpressionNode, position: Position): NegateNode => Object.freeze({ kind: 'negate', operand, ...span(position) })

export const not = (operand: ExpressionNode, position: Position): NotNode => Object.freeze({ kind: 'not', operand, ...span(position) })

export const arithmetic = (operator: ArithmeticOperator, left: ExpressionNode, right: ExpressionNode, at: number): ArithmeticNode =>
  Object.freeze({ kind: 'arithmetic', operator, left, right, ...span({ offset: left.offset, end: right.end, at }) })

export const comparison = (operator: ComparisonOperator, left: ExpressionNode, right: ExpressionNode, at: number): ComparisonNode =>
  Object.freeze({ kind: 'comparison', operator, left, right, ...span({ offset: left.offset, end: right.end, at }) })

export const logical = (operator: LogicalOperator, left: ExpressionNode, right: ExpressionNode, at: number): LogicalNode =>
  Object.freeze({ kind: 'logical', operator, left, right, ...span({ offset: left.offset, end: right.end, at }) })

export const isIn = (value: ExpressionNode, listNode: ExpressionNode, negated: boolean, at: number): InNode =>
  Object.freeze({ kind: 'in', negated, value, list: listNode, ...span({ offset: value.offset, end: listNode.end, at }) })

/** The direct children of a node, left to right. */
export function childrenOf(node: ExpressionNode): readonly ExpressionNode[] {
  switch (node.kind) {
    case 'literal':
    case 'variable':
      return []
    case 'call':
      return node.args
    case 'list':
      return node.items
    case 'negate':
    case 'not':
      return [node.operand]
    case 'in':
      return [node.value, node.list]
    default:
      return [node.left, node.right]
  }
}

/** The names of the variables a node reads, each once, in order of first appearance. */
export function variablesOf(node: ExpressionNode): string[] {
  const names = new Set<string>()
  const visit = (n: ExpressionNode) => {
    if (n.kind === 'variable') names.add(n.name)
    for (const child of childrenOf(n)) visit(child)
  }
  visit(node)
  return [...names]
}

/** The expression written back as text, fully parenthesised: what the parser understood. */
export function printExpression(node: ExpressionNode): string {
  switch (node.kind) {
    case 'literal':
      return typeof node.value === 'string' ? `'${node.value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\t', '\\t')}'` : String(node.value)
    case 'variable':
      return node.name
    case 'call':
      return `${node.name}(${node.args.map(printExpression).join(', ')})`
    case 'list':
      return `[${node.items.map(printExpression).join(', ')}]`
    case 'negate':
      return `(-${printExpression(node.operand)})`
    case 'not':
      return `(!${printExpression(node.operand)})`
    case 'in':
      return `(${printExpression(node.value)} ${node.negated ? 'not in' : 'in'} ${printExpression(node.list)})`
    default:
      return `(${printExpression(node.left)} ${node.operator} ${printExpression(node.right)})`
  }
}
