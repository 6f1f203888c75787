import type { ExpressionNode, ListNode } from './ast.ts'
import { ExpressionError } from './expression-error.ts'
import { FUNCTIONS, lookupFunction } from './functions.ts'
import { closestName, type Scope, type VariableDefinition } from './scope.ts'
import { kindName, listOf, NULL_TYPE, scalar, variableValueType, type ListItemKind, type ValueType } from './value-type.ts'

/**
 * Checks an expression against a scope before it is compiled: every name must be a variable of
 * the scope or a function, and every operator must get the types it works on. It reports the
 * first problem, at the operator (or the name) at fault.
 */
export type CheckedExpression<Context> = {
  readonly source: string
  readonly ast: ExpressionNode
  readonly type: ValueType
  /** The variables read, each once, in order of first appearance. */
  readonly variables: readonly VariableDefinition<Context>[]
}

const VERBS = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'take the remainder of' } as const

export function checkExpression<Context>(source: string, ast: ExpressionNode, scope: Scope<Context>): CheckedExpression<Context> {
  const variables = new Map<string, VariableDefinition<Context>>()
  const fail = (reason: string, offset: number, hint: string | null = null): never => {
    throw new ExpressionError(reason, source, offset, hint)
  }

  const check = (node: ExpressionNode): ValueType => {
    switch (node.kind) {
      case 'literal':
        if (node.value === null) return NULL_TYPE
        return scalar(typeof node.value === 'number' ? 'number' : typeof node.value === 'string' ? 'text' : 'boolean', false)

      case 'variable': {
        const definition = scope.lookup(node.name)
        if (definition === undefined) {
          const suggestion = closestName(node.name, scope.variables.map((v) => v.name))
          return fail(`unknown variable ${node.name}`, node.at, suggestion === null ? null : `did you mean ${suggestion}?`)
        }
        variables.set(definition.name, definition)
        return variableValueType(definition.type, definition.nullable)
      }

      case 'list':
        return fail('a list can only follow in (value in [a, b])', node.at)

      case 'negate': {
        const operand = check(node.operand)
        if (operand.kind !== 'number') fail(`cannot negate ${kindName(operand)}: - needs a number`, node.at)
        return operand
      }

      case 'not': {
        const operand = check(node.operand)
        if (operand.kind !== 'boolean') fail(`! needs true or false, not ${kindName(operand)}`, node.at)
        return operand
      }

      case 'arithmetic': {
        const left = check(node.left)
        const right = check(node.right)
        if (left.kind === 'null' || right.kind === 'null') fail(`${VERBS[node.operator]} with the literal null always gives null`, node.at)
        if (left.kind !== 'number' || right.kind !== 'number') {
          const verb = VERBS[node.operator]
          fail(`cannot ${verb} ${kindName(left)} and ${kindName(right)}: ${node.operator} needs numbers`, node.at)
        }
        return scalar('number', left.nullable || right.nullable || node.operator === '/' || node.operator === '%')
      }

      case 'comparison': {
        const left = check(node.left)
        const right = check(node.right)
        const ordering = node.operator !== '==' && node.operator !== '!='
        if (left.kind === 'list' || right.kind === 'list') fail('cannot compare a list: test membership with in', node.at)
        if (left.kind === 'null' || right.kind === 'null') {
          if (ordering) fail(`cannot order null with ${node.operator}: test for it with == null or != null`, node.at)
          return scalar('boolean', false)
        }
        if (left.kind !== right.kind) fail(`cannot compare ${kindName(left)} with ${kindName(right)}`, node.at)
        if (ordering && left.kind !== 'number') fail(`cannot order ${left.kind === 'text' ? 'texts' : 'booleans'} with ${node.operator}: only numbers are ordered (use == or in)`, node.at)
        return scalar('boolean', false)
      }

      case 'logical': {
        const left = check(node.left)
        const right = check(node.right)
        const wrong = left.kind !== 'boolean' ? left : right.kind !== 'boolean' ? right : null
        if (wrong !== null) fail(`${node.operator} needs true or false on both sides, not ${kindName(wrong)}`, node.at)
        return scalar('boolean', left.nullable || right.nullable)
      }

      case 'in': {
        const value = check(node.value)
        const listType = node.list.kind === 'list' ? checkList(node.list) : check(node.list)
        const keyword = node.negated ? 'not in' : 'in'
        if (listType.kind !== 'list') return fail(`${keyword} needs a list on its right, not ${kindName(listType)}`, node.at)
        if (value.kind === 'null') return fail(`null is never ${keyword} a list: test for it with == null`, node.at)
        if (value.kind !== 'number' && value.kind !== 'text') return fail(`${keyword} needs a number or a text on its left, not ${kindName(value)}`, node.at)
        if (listType.item !== null && listType.item !== value.kind) fail(`cannot look for ${value.kind} in a list of ${listType.item}`, node.at)
        return scalar('boolean', false)
      }

      case 'call': {
        const definition = lookupFunction(node.name)
        if (definition === undefined) {
          const suggestion = closestName(node.name, FUNCTIONS.map((f) => f.name))
          return fail(`unknown function ${node.name}`, node.at, suggestion === null ? `the functions are ${FUNCTIONS.map((f) => f.name).join(', ')}` : `did you mean ${suggestion}?`)
        }
        const count = node.args.length
        if (count < definition.minArgs || count > definition.maxArgs) {
          const wanted = definition.minArgs === definition.maxArgs ? `${definition.minArgs}` : definition.maxArgs - definition.minArgs === 1 ? `${definition.minArgs} or ${definition.maxArgs}` : `${definition.minArgs} to ${definition.maxArgs}`
          fail(`${node.name} takes ${wanted} argument${definition.maxArgs === 1 ? '' : 's'}, got ${count}`, node.at)
        }
        const args = node.args.map((arg) => {
          const type = check(arg)
          if (type.kind === 'list') fail(`${node.name} cannot take a list`, arg.at)
          return type
        })
        const result = definition.resultType(args)
        return 'problem' in result ? fail(result.problem, node.at) : result
      }
    }
  }

  /** A list literal: numbers or texts written out, all of one kind. */
  const checkList = (node: ListNode): ValueType => {
    let item: ListItemKind | null = null
    for (const element of node.items) {
      const value = constantOf(element)
      if (value === undefined) fail('list items must be numbers or texts written out', element.at)
      const kind = typeof value === 'number' ? 'number' : 'text'
      if (item !== null && kind !== item) fail(`a list holds numbers or texts, not both: this item is ${kind}`, element.at)
      item = kind
    }
    return listOf(item, false)
  }

  const type = check(ast)
  return { source, ast, type, variables: [...variables.values()] }
}

/** A number or text literal, or a negated number literal; undefined for anything else. */
export function constantOf(node: ExpressionNode): number | string | undefined {
  if (node.kind === 'literal' && (typeof node.value === 'number' || typeof node.value === 'string')) return node.value
  if (node.kind === 'negate' && node.operand.kind === 'literal' && typeof node.operand.value === 'number') return -node.operand.value
  return undefined
}
